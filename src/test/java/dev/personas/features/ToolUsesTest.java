package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolUsesTest {
  private static Event call(String tool, String command) {
    return Event.toolCall(EventKind.TOOL_CALL, null, tool, command, null);
  }

  @Test
  void repeatedCallsAreClassifiedAsEachCallAlone() {
    List<Event> events = List.of(
        call("Bash", "npm test"), call("Bash", "git status"), call("Bash", "npm test"),
        call("bash", "npm test"), call("exec_command", "npm test"), call("Bash", null),
        call("Read", null), call(null, "git commit -m x"), call(null, "git commit -m x"),
        call("Bash", "git commit -m x && gh pr create"), call("Bash", "npm test"),
        call("Read", null), call("Edit", null));
    List<ToolCall> expected = new ArrayList<>();
    for (Event e : events) {
      expected.add(ToolCall.of(e, null, 0));
    }
    assertEquals(expected, ToolUses.of(events));
  }
}
