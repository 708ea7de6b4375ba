package dev.personas.features;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tool-call categories SWE-chat's authors publish (RESEARCH.md §2), with each category's
 * published share of tool calls, and the mapping from a tool call to its category as their
 * loader does it: shell tools of every agent are split by the first word of the command (the
 * first line that is not blank or a comment; {@code python3.11} counts as {@code python}),
 * other agents' tool names are folded into Claude Code's.
 */
public enum ToolCategory {
  READ("read", 14.7),
  GREP("grep", 7.7),
  GLOB("glob", 0.7),
  BASH_FILE("bash:file", 12.3),
  BASH_BUILD("bash:build", 5.9),
  BASH_NET("bash:net", 1.6),
  BASH("bash", 15.7),
  GIT("git/gh", 10.5),
  WRITE("write", 2.3),
  EDIT("edit", 14.0),
  WEB("web", 0.3),
  AGENT("agent", 5.7),
  MCP("mcp", 1.4),
  TODO_WRITE("TodoWrite", 0.4),
  TOOL_SEARCH("ToolSearch", 0.6),
  ASK_USER_QUESTION("AskUserQuestion", 0.4),
  SKILL("Skill", 0.4),
  ENTER_PLAN_MODE("EnterPlanMode", 0.0),
  EXIT_PLAN_MODE("ExitPlanMode", 0.1),
  OTHER("other", 5.3);

  private static final Set<String> SHELL_TOOLS = Set.of("bash", "run_shell_command",
      "exec_command", "exec", "shell_command", "powershell", "execute");
  private static final Set<String> FILE_COMMANDS = Set.of("cd", "ls", "bd", "cat", "mkdir", "rm",
      "mv", "cp", "find", "touch", "chmod", "chown", "head", "tail", "pwd", "echo", "wc", "ln",
      "stat", "du", "df", "tree", "less", "more", "sort", "uniq", "cut", "tee", "realpath",
      "basename", "dirname", "file", "rmdir", "open", "xargs", "lsof");
  private static final Set<String> BUILD_COMMANDS = Set.of("go", "cargo", "python", "python3",
      "uv", "mise", "bun", "npm", "npx", "pnpm", "yarn", "xcodebuild", "swift", "make", "rake",
      "gradle", "mvn", "node", "deno", "tsx", "poetry", "pip", "pip3", "pipenv", "rustup",
      "composer", "dart", "flutter", "dotnet", "clang", "clang++", "gcc", "g++", "cmake", "ninja",
      "bazel", "just", "turbo", "nx", "expo", "bundle", "pod", "fastlane", "sbt", "ant");
  private static final Set<String> NETWORK_COMMANDS = Set.of("curl", "wget", "ssh", "scp",
      "rsync", "ftp", "sftp", "nc", "netcat", "telnet", "ping", "nmap", "dig", "nslookup");
  private static final Set<String> AGENT_TOOLS = Set.of("task", "taskcreate", "taskget",
      "taskupdate", "taskoutput", "taskstop", "tasklist", "sendmessage");
  private static final Map<String, ToolCategory> RENAMED = Map.ofEntries(
      Map.entry("read", READ), Map.entry("read_file", READ), Map.entry("grep", GREP),
      Map.entry("glob", GLOB), Map.entry("write", WRITE), Map.entry("write_file", WRITE),
      Map.entry("edit", EDIT), Map.entry("multiedit", EDIT), Map.entry("apply_patch", EDIT),
      Map.entry("applypatch", EDIT), Map.entry("replace", EDIT), Map.entry("web", WEB),
      Map.entry("webfetch", WEB), Map.entry("websearch", WEB), Map.entry("agent", AGENT),
      Map.entry("mcp", MCP), Map.entry("todowrite", TODO_WRITE),
      Map.entry("toolsearch", TOOL_SEARCH), Map.entry("askuserquestion", ASK_USER_QUESTION),
      Map.entry("skill", SKILL), Map.entry("enterplanmode", ENTER_PLAN_MODE),
      Map.entry("exitplanmode", EXIT_PLAN_MODE));

  private final String label;
  private final double publishedShare;

  ToolCategory(String label, double publishedShare) {
    this.label = label;
    this.publishedShare = publishedShare;
  }

  /** The category's name as published ("read", "bash:file", "git/gh", "TodoWrite", …). */
  public String label() {
    return label;
  }

  /** Percent of tool calls in this category in SWE-chat v2, nimbus left out (RESEARCH.md §2). */
  public double publishedShare() {
    return publishedShare;
  }

  /**
   * Adds each tool call among the events (what {@link ToolClasses#isToolCall} counts) to
   * {@code counts}, indexed by category ordinal.
   */
  public static void tally(java.util.List<dev.personas.session.Event> events, long[] counts) {
    for (dev.personas.session.Event e : events) {
      if (ToolClasses.isToolCall(e)) {
        counts[of(e.toolName(), e.command()).ordinal()]++;
      }
    }
  }

  /** The category of one tool call; {@code command} is the shell command, or null. */
  public static ToolCategory of(String toolName, String command) {
    if (toolName == null) {
      return OTHER;
    }
    String name = toolName.strip().toLowerCase(Locale.ROOT);
    if (SHELL_TOOLS.contains(name)) {
      return shell(firstWord(command));
    }
    if (name.startsWith("mcp__") || name.startsWith("mcp_")) {
      return MCP;
    }
    if (AGENT_TOOLS.contains(name)) {
      return AGENT;
    }
    return RENAMED.getOrDefault(name, OTHER);
  }

  private static ToolCategory shell(String word) {
    if (word.equals("git") || word.equals("gh")) {
      return GIT;
    }
    if (word.equals("grep") || word.equals("rg")) {
      return GREP;
    }
    if (FILE_COMMANDS.contains(word)) {
      return BASH_FILE;
    }
    if (BUILD_COMMANDS.contains(word)) {
      return BASH_BUILD;
    }
    return NETWORK_COMMANDS.contains(word) ? BASH_NET : BASH;
  }

  /**
   * First word of the first line that is not blank or a comment; "" when there is none. Lines
   * are split at '\n' and stripped as {@link String#strip} does; the word ends at the first of
   * regular expressions' white space ({@code \s}). Scanned in place: this runs for every shell
   * call of a build, and splitting with expressions compiled a pattern each time.
   */
  static String firstWord(String command) {
    if (command == null) {
      return "";
    }
    int n = command.length();
    int start = 0;
    while (start < n) {
      int end = command.indexOf('\n', start);
      end = end < 0 ? n : end;
      int from = start;
      int to = end;
      while (from < to && Character.isWhitespace(command.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(command.charAt(to - 1))) {
        to--;
      }
      if (from < to && command.charAt(from) != '#') {
        int stop = from;
        while (stop < to && !isRegexSpace(command.charAt(stop))) {
          stop++;
        }
        String word = command.substring(from, stop);
        return word.startsWith("python") ? "python" : word;
      }
      start = end + 1;
    }
    return "";
  }

  /** The characters of {@code \s}: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
