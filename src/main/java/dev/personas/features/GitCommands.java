package dev.personas.features;

import java.util.List;
import java.util.Set;

/** Git and GitHub CLI moves in shell commands: reviewing a diff, committing, opening a PR. */
final class GitCommands {

  private static final Set<String> REVIEW = Set.of("diff", "status", "show");
  private static final Set<String> OPTIONS_WITH_VALUE =
      Set.of("-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path");

  private GitCommands() {}

  /** True when the command looks at the working changes: git diff, status, show, log -p. */
  static boolean reviewsDiff(String command) {
    return reviewsDiff(ShellCommands.simpleCommands(command));
  }

  static boolean reviewsDiff(List<List<String>> commands) {
    for (List<String> words : commands) {
      String program = ShellCommands.program(words);
      if (program.equals("git")) {
        int sub = subcommand(words);
        String verb = sub < words.size() ? words.get(sub) : "";
        boolean patchLog = verb.equals("log") && (words.contains("-p") || words.contains("--patch"));
        if (REVIEW.contains(verb) || patchLog) {
          return true;
        }
      } else if (isGh(words, "pr", "diff")) {
        return true;
      }
    }
    return false;
  }

  /** Commits and pull requests the command makes: each git commit and gh pr create counts. */
  static int commitsAndPullRequests(String command) {
    return commitsAndPullRequests(ShellCommands.simpleCommands(command));
  }

  static int commitsAndPullRequests(List<List<String>> commands) {
    int count = 0;
    for (List<String> words : commands) {
      if (ShellCommands.program(words).equals("git")) {
        int sub = subcommand(words);
        if (sub < words.size() && words.get(sub).equals("commit")) {
          count++;
        }
      } else if (isGh(words, "pr", "create")) {
        count++;
      }
    }
    return count;
  }

  /** Position of git's subcommand after its global options; words.size() if none. */
  static int subcommand(List<String> words) {
    int i = 1;
    while (i < words.size() && words.get(i).startsWith("-")) {
      i += OPTIONS_WITH_VALUE.contains(words.get(i)) ? 2 : 1;
    }
    return i;
  }

  private static boolean isGh(List<String> words, String noun, String verb) {
    return ShellCommands.program(words).equals("gh") && words.size() > 2
        && words.get(1).equals(noun) && words.get(2).equals(verb);
  }
}
