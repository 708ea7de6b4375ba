package dev.personas.features;

import dev.personas.session.Event;
import java.util.List;
import java.util.Objects;

/**
 * One tool call as the features see it: the call event, its shell command split into simple
 * commands once (empty when it ran none), the result that answered it, and how many typed
 * prompts came before it in its stream.
 *
 * @param event the TOOL_CALL, SUBAGENT_CALL or plan-mode tool event
 * @param commands simple commands of the call's shell command, see {@link ShellCommands}
 * @param result the TOOL_RESULT that answered the call, or null when none did
 * @param promptsBefore typed prompts seen before the call in the same stream
 */
record ToolCall(Event event, List<List<String>> commands, Event result, int promptsBefore) {

  ToolCall {
    Objects.requireNonNull(event, "event");
    commands = List.copyOf(commands);
    if (promptsBefore < 0) {
      throw new IllegalArgumentException("negative prompt count");
    }
  }

  /** True when a result answered the call and flagged an error. */
  boolean failed() {
    return result != null && result.isError();
  }

  /** True when a result answered the call without an error. */
  boolean succeeded() {
    return result != null && !result.isError();
  }
}
