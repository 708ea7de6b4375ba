package dev.personas.features;

import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built sessions for feature tests. Every event is one second after the one before unless
 * {@link Builder#after(Duration)} says otherwise; {@link Builder#untimed()} drops timestamps.
 * Events go to the main thread until {@link Builder#inSubagent()}.
 */
final class Sessions {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private Sessions() {}

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final List<Event> main = new ArrayList<>();
    private final List<Event> subagents = new ArrayList<>();
    private List<Event> target = main;
    private Instant clock = START.minusSeconds(1);
    private Duration nextGap = Duration.ofSeconds(1);
    private boolean timed = true;

    /** The next event comes this long after the previous one. */
    Builder after(Duration gap) {
      nextGap = gap;
      return this;
    }

    /** Events from here on carry no timestamp. */
    Builder untimed() {
      timed = false;
      return this;
    }

    Builder inSubagent() {
      target = subagents;
      return this;
    }

    Builder inMain() {
      target = main;
      return this;
    }

    Builder prompt(String text) {
      return add(Event.prompt(EventKind.PROMPT, tick(), text));
    }

    Builder steering(String text) {
      return add(Event.prompt(EventKind.QUEUE_STEERING, tick(), text));
    }

    Builder slashCommand(String name) {
      return slashCommand(name, "");
    }

    /** A command run with {@code arguments} typed after it. */
    Builder slashCommand(String name, String arguments) {
      return add(new Event(EventKind.SLASH_COMMAND, tick(), arguments.length(), arguments, name, null,
          null, false, 0, 0));
    }

    Builder event(EventKind kind) {
      return add(Event.of(kind, tick()));
    }

    Builder assistant(long inputTokens, long outputTokens) {
      return add(new Event(EventKind.ASSISTANT_TEXT, tick(), 10, null, null, null, null, false,
          inputTokens, outputTokens));
    }

    Builder toolCall(String toolName, String command, String filePath) {
      return add(Event.toolCall(EventKind.TOOL_CALL, tick(), toolName, command, filePath));
    }

    Builder tool(String toolName) {
      return toolCall(toolName, null, null);
    }

    Builder tool(String toolName, String filePath) {
      return toolCall(toolName, null, filePath);
    }

    Builder bash(String command) {
      return toolCall("Bash", command, null);
    }

    Builder subagentCall() {
      return add(Event.toolCall(EventKind.SUBAGENT_CALL, tick(), "Task", null, null));
    }

    /** A tool result, unnamed: it answers the oldest unanswered call. */
    Builder result(boolean isError) {
      return add(new Event(EventKind.TOOL_RESULT, tick(), 5, null, null, null, null, isError, 0,
          0));
    }

    Builder result(String toolName, boolean isError) {
      return add(new Event(EventKind.TOOL_RESULT, tick(), 5, null, toolName, null, null, isError,
          0, 0));
    }

    /** A tool call followed by its successful result. */
    Builder ok(String toolName) {
      return tool(toolName).result(false);
    }

    Builder edit(String path) {
      return tool("Edit", path).result(false);
    }

    Session build() {
      return build("s1");
    }

    Session build(String id) {
      Instant first = null;
      Instant last = null;
      for (List<Event> stream : List.of(main, subagents)) {
        for (Event e : stream) {
          if (e.timestamp() != null) {
            first = first == null || e.timestamp().isBefore(first) ? e.timestamp() : first;
            last = last == null || e.timestamp().isAfter(last) ? e.timestamp() : last;
          }
        }
      }
      return new Session(id, "u1", "r1", Agent.CLAUDE_CODE, Path.of(id + ".jsonl"), first, last,
          main, subagents, null, subagents.isEmpty() ? List.of() : List.of("agent-1"));
    }

    private Instant tick() {
      clock = clock.plus(nextGap);
      nextGap = Duration.ofSeconds(1);
      return timed ? clock : null;
    }

    private Builder add(Event e) {
      target.add(e);
      return this;
    }
  }
}
