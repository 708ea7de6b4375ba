package dev.personas.features;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tool call did, judged from its tool name (Claude Code, Codex and MCP names) and, for
 * shell calls, its command. A shell call can be both a shell run and a read ({@code rg foo});
 * a shell call that runs {@code apply_patch} (older Codex) is an edit, not a shell run.
 */
final class ToolClasses {

  private static final Set<String> EDIT =
      Set.of("edit", "multiedit", "write", "notebookedit", "apply_patch", "write_file",
          "edit_file", "create_file", "str_replace_editor", "replace", "write_to_file");
  private static final Set<String> READ =
      Set.of("read", "grep", "glob", "ls", "notebookread", "read_file", "list_dir", "list_directory", "list_files",
          "grep_files", "search", "file_search", "find", "codebase_search", "view_image",
          "read_many_files", "search_file_content", "grep_search", "find_files");
  private static final Set<String> WEB =
      Set.of("websearch", "webfetch", "web_search", "web_fetch", "web_search_preview", "web.run",
          "google_web_search");
  private static final Set<String> SHELL =
      Set.of("bash", "shell", "exec_command", "local_shell", "container.exec", "shell_command",
          "run_shell_command", "run_terminal_cmd", "execute_command");
  private static final Set<String> TODO =
      Set.of("todowrite", "todo_write", "update_plan", "taskcreate", "taskupdate", "write_todos");
  private static final Set<String> SUBAGENT = Set.of("task", "agent", "spawn_agent");
  private static final Set<String> PLAN = Set.of("enterplanmode", "exitplanmode");
  /** Programs that only look at files; a shell call made of these (and cd) is a read. */
  private static final Set<String> READ_PROGRAMS =
      Set.of("cat", "head", "tail", "less", "more", "ls", "tree", "find", "fd", "grep", "egrep",
          "fgrep", "rg", "ag", "ack", "nl", "wc", "stat", "file", "pwd", "bat", "du", "realpath",
          "readlink", "diff", "jq", "awk", "sed");
  private static final Set<String> READ_GIT = Set.of("log", "show", "diff", "status", "grep",
      "blame", "ls-files", "branch");
  /**
   * Where notes, plans and specs are written. AsciiDoc and reStructuredText are left out: they are
   * the sources of documentation sites (Antora, Sphinx), the product being built, not a plan for it.
   */
  private static final List<String> PROSE_EXTENSIONS =
      List.of(".md", ".mdx", ".markdown", ".txt", ".org");
  private static final Pattern MCP_WEB = Pattern.compile(".*(web|fetch|brave|tavily|exa|"
      + "perplexity|firecrawl|context7|browser|playwright|puppeteer).*");
  /** An MCP method whose name starts with, or has as a word, a verb that only looks. */
  private static final Pattern MCP_READ = Pattern.compile(
      "(?:read|get|list|search|find|query|view|show|fetch|lookup|describe|resolve)(?:[_-].*)?"
      + "|.*_(?:read|get|list|search|find|query|view|show|fetch|lookup|describe)(?:_.*)?");

  /**
   * An MCP method whose name starts with, or has as a word, a verb that changes something: the
   * agent edits through the server (an n8n workflow updated, an issue written) as it would a file.
   */
  private static final String WRITE_VERBS =
      "create|update|write|edit|patch|delete|add|insert|replace|remove|upsert|rename|move";
  private static final Pattern MCP_WRITE = Pattern.compile(
      "(?:" + WRITE_VERBS + ")(?:[_-].*)?|.*_(?:" + WRITE_VERBS + "|autofix)(?:_.*)?");

  private ToolClasses() {}

  /** True for events that are tool calls: TOOL_CALL, SUBAGENT_CALL, and plan-mode tool uses. */
  static boolean isToolCall(Event e) {
    return e.kind() == EventKind.TOOL_CALL || e.kind() == EventKind.SUBAGENT_CALL
        || e.kind() == EventKind.PLAN_MODE && e.toolName() != null;
  }

  /** The name a call counts under for tool diversity. */
  static String name(Event call) {
    return call.toolName() != null ? call.toolName() : call.kind().name().toLowerCase(Locale.ROOT);
  }

  /** File edits and writes, including apply_patch run through the shell and MCP methods that write. */
  static boolean isEdit(String lowerName, List<List<String>> commands) {
    return EDIT.contains(lowerName) || runsApplyPatch(commands)
        || lowerName.startsWith("mcp__") && MCP_WRITE.matcher(mcpMethod(lowerName)).matches();
  }

  /**
   * A file of notes rather than code, by its extension: Markdown, plain text or Org (specs, plans,
   * notes and answers written down are written in these).
   */
  static boolean isProseFile(String path) {
    if (path == null) {
      return false;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    for (String extension : PROSE_EXTENSIONS) {
      if (lower.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }

  /** Shell tools, or any call that carries a shell command. */
  static boolean isShell(String lowerName, boolean hasCommand) {
    return SHELL.contains(lowerName) || hasCommand;
  }

  /** Reads, searches, listings and web look-ups, by dedicated tool or read-only shell command. */
  static boolean isRead(String lowerName, List<List<String>> commands) {
    return READ.contains(lowerName) || isWeb(lowerName)
        || lowerName.startsWith("mcp__") && MCP_READ.matcher(mcpMethod(lowerName)).matches()
        || isReadOnlyShell(commands);
  }

  static boolean isWeb(String lowerName) {
    return WEB.contains(lowerName)
        || lowerName.startsWith("mcp__") && MCP_WEB.matcher(mcpServer(lowerName)).matches();
  }

  static boolean isTodo(ToolCall call) {
    return TODO.contains(call.name());
  }

  static boolean isSubagentStart(ToolCall call) {
    return call.event().kind() == EventKind.SUBAGENT_CALL
        || call.event().kind() == EventKind.TOOL_CALL && SUBAGENT.contains(call.name());
  }

  /** EnterPlanMode/ExitPlanMode sent as plain tool calls (not as PLAN_MODE events). */
  static boolean isPlanModeTool(ToolCall call) {
    return call.event().kind() == EventKind.TOOL_CALL && PLAN.contains(call.name());
  }

  /** MCP tools that open a pull request (the GitHub server's create_pull_request). */
  static boolean opensPullRequest(String lowerName) {
    return lowerName.startsWith("mcp__") && mcpMethod(lowerName).contains("create_pull_request");
  }

  private static boolean runsApplyPatch(List<List<String>> commands) {
    for (List<String> words : commands) {
      String p = ShellCommands.program(words);
      if (p.equals("apply_patch") || p.equals("applypatch")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isReadOnlyShell(List<List<String>> commands) {
    boolean read = false;
    for (List<String> words : commands) {
      String p = ShellCommands.program(words);
      if (p.equals("cd") || p.equals("true") || p.equals("echo") && read) {
        continue;
      }
      if (!readOnly(p, words)) {
        return false;
      }
      read = true;
    }
    return read;
  }

  private static boolean readOnly(String program, List<String> words) {
    if (program.equals("git")) {
      int sub = GitCommands.subcommand(words);
      return sub < words.size() && READ_GIT.contains(words.get(sub));
    }
    if (!READ_PROGRAMS.contains(program)) {
      return false;
    }
    return switch (program) {
      case "sed" -> words.contains("-n") && words.stream().noneMatch(w -> w.startsWith("-i"));
      case "find" -> words.stream().noneMatch(w -> w.equals("-delete") || w.startsWith("-exec"));
      case "awk" -> words.stream().noneMatch(w -> w.contains("system(") || w.contains(">"));
      default -> true;
    };
  }

  private static String mcpServer(String name) {
    int end = name.indexOf("__", 5);
    return end < 0 ? name.substring(5) : name.substring(5, end);
  }

  private static String mcpMethod(String name) {
    int end = name.indexOf("__", 5);
    return end < 0 ? "" : name.substring(end + 2);
  }
}
