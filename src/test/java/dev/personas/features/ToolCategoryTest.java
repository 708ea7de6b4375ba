package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ToolCategoryTest {
  @Test
  void claudeCodeToolsKeepTheirPublishedNames() {
    assertEquals(ToolCategory.READ, ToolCategory.of("Read", null));
    assertEquals(ToolCategory.GREP, ToolCategory.of("Grep", null));
    assertEquals(ToolCategory.GLOB, ToolCategory.of("Glob", null));
    assertEquals(ToolCategory.WRITE, ToolCategory.of("Write", null));
    assertEquals(ToolCategory.EDIT, ToolCategory.of("Edit", null));
    assertEquals(ToolCategory.EDIT, ToolCategory.of("MultiEdit", null));
    assertEquals(ToolCategory.WEB, ToolCategory.of("WebFetch", null));
    assertEquals(ToolCategory.WEB, ToolCategory.of("WebSearch", null));
    assertEquals(ToolCategory.TODO_WRITE, ToolCategory.of("TodoWrite", null));
    assertEquals(ToolCategory.TOOL_SEARCH, ToolCategory.of("ToolSearch", null));
    assertEquals(ToolCategory.ASK_USER_QUESTION, ToolCategory.of("AskUserQuestion", null));
    assertEquals(ToolCategory.SKILL, ToolCategory.of("Skill", null));
    assertEquals(ToolCategory.ENTER_PLAN_MODE, ToolCategory.of("EnterPlanMode", null));
    assertEquals(ToolCategory.EXIT_PLAN_MODE, ToolCategory.of("ExitPlanMode", null));
    assertEquals(ToolCategory.OTHER, ToolCategory.of("BashOutput", null));
    assertEquals(ToolCategory.OTHER, ToolCategory.of(null, null));
  }

  @Test
  void shellCallsOfEveryAgentAreSplitByTheCommandsFirstWord() {
    assertEquals(ToolCategory.GIT, ToolCategory.of("Bash", "git status --short"));
    assertEquals(ToolCategory.GIT, ToolCategory.of("exec_command", "gh pr create --fill"));
    assertEquals(ToolCategory.GREP, ToolCategory.of("run_shell_command", "rg -n TODO src"));
    assertEquals(ToolCategory.GREP, ToolCategory.of("Bash", "grep -r foo ."));
    assertEquals(ToolCategory.BASH_FILE, ToolCategory.of("Bash", "ls -la"));
    assertEquals(ToolCategory.BASH_FILE, ToolCategory.of("shell_command", "cd app && npm test"));
    assertEquals(ToolCategory.BASH_BUILD, ToolCategory.of("Bash", "npm run build"));
    assertEquals(ToolCategory.BASH_BUILD, ToolCategory.of("Bash", "python3.11 -m pytest"));
    assertEquals(ToolCategory.BASH_BUILD, ToolCategory.of("powershell", "# build\n\ncargo build"));
    assertEquals(ToolCategory.BASH_NET, ToolCategory.of("Bash", "curl -s localhost:8080/health"));
    assertEquals(ToolCategory.BASH, ToolCategory.of("Bash", "docker compose up -d"));
    assertEquals(ToolCategory.BASH, ToolCategory.of("Bash", "pytest -q"), "pytest is not in the loader's build list");
    assertEquals(ToolCategory.BASH, ToolCategory.of("Bash", null));
  }

  @Test
  void otherAgentsToolNamesFoldIntoTheSameCategories() {
    assertEquals(ToolCategory.READ, ToolCategory.of("read_file", null));
    assertEquals(ToolCategory.WRITE, ToolCategory.of("write_file", null));
    assertEquals(ToolCategory.EDIT, ToolCategory.of("apply_patch", null));
    assertEquals(ToolCategory.EDIT, ToolCategory.of("replace", null));
    assertEquals(ToolCategory.AGENT, ToolCategory.of("Task", null));
    assertEquals(ToolCategory.AGENT, ToolCategory.of("TaskUpdate", null));
    assertEquals(ToolCategory.AGENT, ToolCategory.of("SendMessage", null));
    assertEquals(ToolCategory.MCP, ToolCategory.of("mcp__github__create_pull_request", null));
  }

  @Test
  void publishedSharesAddUpToAHundredAndLabelsAreThePublishedNames() {
    double total = Arrays.stream(ToolCategory.values()).mapToDouble(ToolCategory::publishedShare).sum();
    assertEquals(100.0, total, 1e-9);
    assertEquals("bash:file", ToolCategory.BASH_FILE.label());
    assertEquals("git/gh", ToolCategory.GIT.label());
    assertEquals("TodoWrite", ToolCategory.TODO_WRITE.label());
  }

  @Test
  void firstWordIsWhatSplittingByLinesAndWhiteSpaceGives() {
    List<String> fixed = List.of("", "\n", "\n\n", "  \t", "# only a comment", "#x\n  ls -la",
        "\r\n  git status\r\n", "ls\u2003-la", "\u2003ls", "ls\u00A0-la", "ls\u000B-la",
        "ls\u001C", "\u001Cls x", "python3.11 -m pytest", "  # c\n\n\tpython x", "a\fb",
        "word", "x\n", "\n#\n#\n  \n cargo  build ");
    for (String command : fixed) {
      assertEquals(splitFirstWord(command), ToolCategory.firstWord(command), command);
    }
    // Random commands over an alphabet of the characters the two ways could treat differently.
    char[] alphabet = {' ', '\t', '\n', '\r', '\u000B', '\f', '\u001C', '\u00A0', '\u2003',
        '\u3000', '#', 'a', 'p', 'y', 't', 'h', 'o', 'n', '3', '-', '\u00E9', '\uD83D', '\uDE00'};
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder command = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        command.append(alphabet[random.nextInt(alphabet.length)]);
      }
      assertEquals(splitFirstWord(command.toString()), ToolCategory.firstWord(command.toString()),
          command.toString());
    }
  }

  /** The first word as the loader's description says: split into lines, then at white space. */
  private static String splitFirstWord(String command) {
    for (String line : command.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        String word = trimmed.split("\\s+", 2)[0];
        return word.startsWith("python") ? "python" : word;
      }
    }
    return "";
  }
}
