package dev.personas.load;

/**
 * Claude Code writes a slash command the person ran as tags ({@code <command-name>/plan
 * </command-name><command-args>build docs/plan.md phase 3</command-args>}), in its own logs and in
 * SWE-chat's conversations table. What stands in the arguments the person typed.
 */
public final class CommandTags {
  private static final String OPEN = "<command-args>";
  private static final String CLOSE = "</command-args>";

  private CommandTags() {}

  /** The arguments typed after the command, as written (empty when there are none). */
  public static String arguments(String text) {
    int open = text.indexOf(OPEN);
    int close = text.indexOf(CLOSE);
    return open < 0 || close < open ? "" : text.substring(open + OPEN.length(), close);
  }
}
