package dev.personas.load.swechat;

import dev.personas.load.CommandTags;
import dev.personas.load.claude.ClaudeText;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns one row of the conversations table into an event, following the counting rules of
 * RESEARCH.md §3: only text the person typed becomes a prompt. Returns null for rows that carry
 * nothing a feature needs (file snapshots, empty queue operations, unknown turn types).
 */
final class TurnMapper {
  private static final String INTERRUPT = "[Request interrupted by user";
  /** Tools that start a subagent: Claude Code's Task and Agent, Codex's spawn_agent. */
  private static final java.util.Set<String> SUBAGENT_TOOLS = java.util.Set.of("task", "agent", "spawn_agent");

  /** The columns {@link #map} reads. */
  static final java.util.Set<String> COLUMNS = java.util.Set.of("turn_type", "role", "timestamp",
      "content", "char_count", "input_tokens", "output_tokens", "tool_name", "is_error", "command",
      "file_path");
  private static final java.util.List<String> ERROR_HEADS =
      java.util.List.of("<tool_use_error>", "Error:", "Error ");

  /**
   * The event for a row, or null when the row is not an event. The content is read whole only
   * where its text matters (prompts, system events, queued prompts); elsewhere its length comes
   * from char_count, and a tool result's error marker from its first characters.
   */
  Event map(Row row) {
    String turnType = turnType(row);
    Instant at = row.instant("timestamp");
    int length = (int) Math.min(Integer.MAX_VALUE, row.number("char_count", () -> {
      String content = row.text("content");
      return content == null ? 0 : content.length();
    }));
    long in = Math.max(0, row.number("input_tokens", 0));
    long out = Math.max(0, row.number("output_tokens", 0));
    String content;
    switch (turnType) {
      case "user_prompt":
        return prompt(at, row.text("content"), row.present("content") ? 0 : length);
      case "assistant_response":
        return new Event(EventKind.ASSISTANT_TEXT, at, length, null, null, null, null, false, in, out);
      case "assistant_thinking":
        return new Event(EventKind.THINKING, at, length, null, null, null, null, false, in, out);
      case "tool_use":
        return toolUse(row, at);
      case "tool_result":
        return new Event(EventKind.TOOL_RESULT, at, length, null, row.text("tool_name"), null, null,
            row.flag("is_error") || row.startsWith("content", ERROR_HEADS), 0, 0);
      case "system_injected":
        return new Event(EventKind.INJECTED, at, length, null, null, null, null, false, 0, 0);
      case "system_event":
        content = row.text("content");
        boolean error = content != null && content.toLowerCase(Locale.ROOT).contains("error");
        return new Event(error ? EventKind.API_ERROR : EventKind.INJECTED, at, length, null, null,
            null, null, error, 0, 0);
      case "summary":
        return new Event(EventKind.COMPACTION, at, length, null, null, null, null, false, 0, 0);
      case "queue_operation":
        content = row.text("content");
        // Claude Code queues its own notices too (a finished task, another session's message):
        // only typed text is steering, as in the Claude Code reader.
        return content == null || ClaudeText.isInjected(content) ? null
            : Event.prompt(EventKind.QUEUE_STEERING, at, content);
      default:
        return null; // file_snapshot and turn types newer than this reader
    }
  }

  /** The row's turn type; old exports without the column are told apart by role and tool. */
  private static String turnType(Row row) {
    String t = row.text("turn_type");
    if (t != null) {
      return t.trim().toLowerCase(Locale.ROOT);
    }
    String role = row.textOrEmpty("role").toLowerCase(Locale.ROOT);
    if (role.equals("user")) {
      return "user_prompt";
    }
    if (role.equals("tool")) {
      return "tool_result";
    }
    if (role.equals("assistant")) {
      return row.text("tool_name") != null ? "tool_use" : "assistant_response";
    }
    return role.equals("system") ? "system_injected" : "";
  }

  /**
   * A user_prompt row's event. {@code withheld} is the row's char_count when it has no content at
   * all, else 0: nothing typed (an empty or blank row) is no prompt, but a row whose text the
   * release withholds while its char_count says something was typed still is one.
   */
  private static Event prompt(Instant at, String content, int withheld) {
    String text = content == null ? "" : content;
    if (content == null && withheld == 0) {
      return null;
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith(INTERRUPT)) {
      return new Event(EventKind.INTERRUPT, at, text.length(), null, null, null, null, false, 0, 0);
    }
    if (trimmed.contains("<command-name>")) {
      return new Event(EventKind.SLASH_COMMAND, at, text.length(), CommandTags.arguments(trimmed),
          commandName(trimmed), null, null, false, 0, 0);
    }
    if (trimmed.startsWith("<bash-input>")) {
      return new Event(EventKind.BASH_MODE, at, text.length(), null, null, null, null, false, 0, 0);
    }
    if (ClaudeText.isInjected(trimmed)) {
      return new Event(EventKind.INJECTED, at, text.length(), null, null, null, null, false, 0, 0);
    }
    return Event.prompt(EventKind.PROMPT, at, text);
  }

  private static String commandName(String text) {
    int start = text.indexOf("<command-name>") + "<command-name>".length();
    int end = text.indexOf("</command-name>", start);
    return end < 0 ? null : text.substring(start, end).trim();
  }

  private static Event toolUse(Row row, Instant at) {
    String tool = row.text("tool_name");
    String name = tool == null ? "" : tool.trim().toLowerCase(Locale.ROOT);
    EventKind kind = EventKind.TOOL_CALL;
    if (SUBAGENT_TOOLS.contains(name)) {
      kind = EventKind.SUBAGENT_CALL;
    } else if (name.equals("enterplanmode") || name.equals("exitplanmode")) {
      kind = EventKind.PLAN_MODE;
    }
    return Event.toolCall(kind, at, tool, row.text("command"), row.text("file_path"));
  }
}
