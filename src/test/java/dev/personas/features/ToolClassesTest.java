package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolClassesTest {

  private static ToolCall call(String name, String command) {
    Event e = Event.toolCall(EventKind.TOOL_CALL, null, name, command, null);
    return new ToolCall(e, ShellCommands.simpleCommands(command), null, 0);
  }

  @Test
  void readOnlyShellCommandsAreReadsAndShellRuns() {
    ToolCall rg = call("exec_command", "cd repo && rg -n foo src | head -50");
    assertTrue(ToolClasses.isRead(rg));
    assertTrue(ToolClasses.isShell(rg));
  }

  @Test
  void shellCommandsThatChangeThingsAreNotReads() {
    for (String command : List.of("sed -i s/a/b/ f", "find . -delete", "cat a > b && npm i",
        "git checkout main", "rm -rf build")) {
      assertFalse(ToolClasses.isRead(call("Bash", command)), command);
    }
  }

  @Test
  void editToolsOfBothAgentsAreEdits() {
    for (String name : List.of("Edit", "MultiEdit", "Write", "NotebookEdit", "apply_patch")) {
      assertTrue(ToolClasses.isEdit(call(name, null)), name);
    }
    assertFalse(ToolClasses.isEdit(call("Read", null)));
  }

  @Test
  void mcpToolsAreClassifiedByServerAndMethod() {
    assertTrue(ToolClasses.isWeb(call("mcp__brave-search__brave_web_search", null).event()));
    assertTrue(ToolClasses.isRead(call("mcp__github__get_issue", null)));
    assertFalse(ToolClasses.isRead(call("mcp__github__merge_pull_request", null)));
    assertTrue(ToolClasses.opensPullRequest(call("mcp__github__create_pull_request", null).event()));
  }
}
