package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolClassesTest {

  private static ToolCall call(String name, String command) {
    return ToolCall.of(Event.toolCall(EventKind.TOOL_CALL, null, name, command, null), null, 0);
  }

  @Test
  void readOnlyShellCommandsAreReadsAndShellRuns() {
    ToolCall rg = call("exec_command", "cd repo && rg -n foo src | head -50");
    assertTrue(rg.read());
    assertTrue(rg.shell());
  }

  @Test
  void shellCommandsThatChangeThingsAreNotReads() {
    for (String command : List.of("sed -i s/a/b/ f", "find . -delete", "cat a > b && npm i",
        "git checkout main", "rm -rf build")) {
      assertFalse(call("Bash", command).read(), command);
    }
  }

  @Test
  void editToolsOfBothAgentsAreEdits() {
    for (String name : List.of("Edit", "MultiEdit", "Write", "NotebookEdit", "apply_patch")) {
      assertTrue(call(name, null).edit(), name);
    }
    assertFalse(call("Read", null).edit());
  }

  @Test
  void mcpToolsAreClassifiedByServerAndMethod() {
    assertTrue(call("mcp__brave-search__brave_web_search", null).web());
    assertTrue(call("mcp__github__get_issue", null).read());
    assertFalse(call("mcp__github__merge_pull_request", null).read());
    assertEquals(1, call("mcp__github__create_pull_request", null).commits());
  }

  /** An MCP method that changes something is the agent editing through the server. */
  @Test
  void mcpMethodsThatWriteAreEdits() {
    for (String name : List.of("mcp__n8n-mcp__n8n_update_partial_workflow", "mcp__n8n-mcp__n8n_create_workflow",
        "mcp__n8n-mcp__n8n_delete_workflow", "mcp__n8n-mcp__n8n_autofix_workflow", "mcp__github__issue_write",
        "mcp__notion__update-page", "mcp__linear__create_issue")) {
      assertTrue(call(name, null).edit(), name);
      assertFalse(call(name, null).read(), name);
    }
    for (String name : List.of("mcp__n8n-mcp__n8n_get_workflow", "mcp__n8n-mcp__n8n_validate_workflow",
        "mcp__n8n-mcp__search_nodes", "mcp__context7__get-library-docs", "mcp__github__get_issue",
        "mcp__supabase__execute_sql", "mcp__updater__status")) {
      assertFalse(call(name, null).edit(), name);
    }
  }
}
