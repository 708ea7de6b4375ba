package dev.personas.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in a session.
 *
 * @param kind what happened
 * @param timestamp when, or null when the log line had no usable timestamp
 * @param textLength characters of text the event carried (prompt, answer, tool output)
 * @param text the typed text, kept only for prompts and the arguments typed after a slash command
 *     (feature extraction needs it), else null
 * @param toolName tool name for tool calls and results, else null
 * @param command shell command for shell tool calls, else null
 * @param filePath file path a tool call touched, else null
 * @param isError true for a tool result or API event that reported an error
 * @param inputTokens input tokens billed to this event, counted once per API message
 * @param outputTokens output tokens billed to this event, counted once per API message
 */
public record Event(
    EventKind kind,
    Instant timestamp,
    int textLength,
    String text,
    String toolName,
    String command,
    String filePath,
    boolean isError,
    long inputTokens,
    long outputTokens) {

  public Event {
    Objects.requireNonNull(kind, "kind");
    if (textLength < 0 || inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("negative length or token count in " + kind + " event");
    }
  }

  /** A bare event of a kind with a time and nothing else. */
  public static Event of(EventKind kind, Instant timestamp) {
    return new Event(kind, timestamp, 0, null, null, null, null, false, 0, 0);
  }

  /** A typed prompt. */
  public static Event prompt(EventKind kind, Instant timestamp, String text) {
    return new Event(kind, timestamp, text.length(), text, null, null, null, false, 0, 0);
  }

  /** A tool call, with the shell command or file path it names when it names one. */
  public static Event toolCall(
      EventKind kind, Instant timestamp, String toolName, String command, String filePath) {
    return new Event(kind, timestamp, 0, null, toolName, command, filePath, false, 0, 0);
  }

  /** This event with its prompt text dropped, once features no longer need it. */
  public Event withoutText() {
    return text == null
        ? this
        : new Event(kind, timestamp, textLength, null, toolName, command, filePath, isError,
            inputTokens, outputTokens);
  }
}
