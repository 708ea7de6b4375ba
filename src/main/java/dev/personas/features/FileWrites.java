package dev.personas.features;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a simple command writes a file of the work, as a reader of the log would count an edit:
 * its output redirected into a file ({@code cat > app.py <<EOF}, {@code echo x >> .gitignore}),
 * a file rewritten in place ({@code sed -i}, {@code perl -pi}), {@code tee FILE}, PowerShell's
 * {@code Set-Content}, {@code Add-Content} and {@code Out-File}, a patch applied ({@code git
 * apply}, {@code patch}), or an inline Python or Node script that opens a file for writing. Scratch
 * is not the work: the null device, temporary directories (and relative paths after a {@code cd}
 * into one) and {@code .log} files. Copies, moves, deletions and new directories are not edits
 * either, and a script run from a file is not read.
 */
final class FileWrites {

  /**
   * A place written to that is not a file of the work: no target, a descriptor, the null device,
   * a temporary directory or a variable named for one ({@code $TMPDIR}, {@code $tmpfile}), a
   * command's output ({@code $(mktemp)}), a log.
   */
  private static final Pattern SCRATCH = Pattern.compile(
      "(?i)(?:&.*|/dev/.*|nul|\\$null|\\$|(?:/private)?/tmp(?:/.*)?|(?:/private)?/var/(?:tmp|folders)/.*"
      + "|\\$\\{?(?:tmp|temp|env:te?mp|runner_temp).*|%te?mp%.*|.*\\.log)?");
  private static final Pattern SED_IN_PLACE = Pattern.compile("-[nErsuz]*i.*|--in-place.*");
  private static final Pattern PERL_IN_PLACE = Pattern.compile("-[pnlaws0-9]*i.*");
  private static final Pattern SCRIPTING = Pattern.compile("python[0-9.]*|py|pypy[0-9.]*|node|bun|deno");
  /**
   * Python's and Node's ways to write a file, as an inline script spells them: {@code
   * write_text(}, {@code open(path, 'w')} (its arguments up to the mode, one level of parentheses
   * deep), {@code path.open('w')}, {@code writeFileSync(}. ASCII look-behinds, not {@code \b}, so
   * that the finder's port reads the same words.
   */
  private static final Pattern SCRIPT_WRITES = Pattern.compile(
      "\\.write_(?:text|bytes)\\s*\\(|(?<![A-Za-z0-9_.])open\\s*\\((?:[^()\\n]|\\([^()\\n]*\\)){0,200}?,"
      + "\\s*(?:mode\\s*=\\s*)?['\"][rbt+]*[wax][rbt+]*['\"]|\\.open\\(\\s*['\"][rbt+]*[wax][rbt+]*['\"]"
      + "|(?:write|append)FileSync\\s*\\(");

  private FileWrites() {}

  /**
   * The first of a command's stdout redirection targets that is a file of the work, null when
   * none is; {@code inScratch}: the command runs in a temporary directory.
   */
  static String redirected(List<String> targets, boolean inScratch) {
    for (String target : targets) {
      if (!isScratch(target, inScratch)) {
        return target;
      }
    }
    return null;
  }

  /**
   * What the simple command {@code words} (wrappers stripped) writes by what it runs: null when
   * nothing, the file when it names one, "" when it writes files it does not name (a script).
   * {@code input} is the heredoc text it reads (empty when none).
   */
  static String written(List<String> words, CharSequence input, boolean inScratch) {
    String program = ShellCommands.program(words);
    return switch (program) {
      case "sed" -> anyOption(words, SED_IN_PLACE) ? lastOperand(words, inScratch) : null;
      case "perl" -> anyOption(words, PERL_IN_PLACE) ? lastOperand(words, inScratch) : null;
      case "tee" -> redirected(operands(words), inScratch);
      case "set-content", "add-content", "out-file" -> pathOption(words, inScratch);
      case "xargs", "find" -> inPlaceAfter(words);
      case "patch" -> words.contains("--dry-run") ? null : "";
      case "git" -> appliesPatch(words) ? "" : null;
      default -> SCRIPTING.matcher(program).matches() && scriptWrites(words, input) ? "" : null;
    };
  }

  /** Whether the shell is in a temporary directory after {@code words}, a {@code cd} or not. */
  static boolean changesIntoScratch(List<String> words, boolean inScratch) {
    if (!ShellCommands.program(words).equals("cd")) {
      return inScratch;
    }
    List<String> to = operands(words);
    return !to.isEmpty() && !to.get(0).isEmpty() && isScratch(to.get(0), inScratch);
  }

  private static boolean isScratch(String path, boolean inScratch) {
    return SCRATCH.matcher(path).matches() || inScratch && isRelative(path);
  }

  private static boolean isRelative(String path) {
    return !path.isEmpty() && "/~$%\\".indexOf(path.charAt(0)) < 0
        && !(path.length() > 1 && path.charAt(1) == ':');
  }

  private static boolean anyOption(List<String> words, Pattern option) {
    for (int i = 1; i < words.size(); i++) {
      if (option.matcher(words.get(i)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> operands(List<String> words) {
    return words.subList(1, words.size()).stream().filter(w -> !w.startsWith("-")).toList();
  }

  /** The file a {@code sed -i} or {@code perl -pi} rewrites: its last word; null when scratch. */
  private static String lastOperand(List<String> words, boolean inScratch) {
    String last = words.get(words.size() - 1);
    return isScratch(last, inScratch) ? null : last;
  }

  /**
   * The file a PowerShell cmdlet writes: its -Path, -FilePath or -LiteralPath; null when that is
   * scratch, "" when none is given.
   */
  private static String pathOption(List<String> words, boolean inScratch) {
    for (int i = 1; i < words.size() - 1; i++) {
      String option = words.get(i).toLowerCase(Locale.ROOT);
      if (option.equals("-path") || option.equals("-filepath") || option.equals("-literalpath")) {
        String path = words.get(i + 1);
        return isScratch(path, inScratch) ? null : path;
      }
    }
    return "";
  }

  /**
   * An in-place edit run on the files {@code xargs} or {@code find -exec} hand it ({@code git grep
   * -l foo | xargs sed -i …}): "" (the files are not named), else null.
   */
  private static String inPlaceAfter(List<String> words) {
    for (int i = 1; i < words.size(); i++) {
      String program = ShellCommands.program(words.subList(i, words.size()));
      if (program.equals("sed") && anyOption(words.subList(i, words.size()), SED_IN_PLACE)
          || program.equals("perl") && anyOption(words.subList(i, words.size()), PERL_IN_PLACE)) {
        return "";
      }
    }
    return null;
  }

  private static boolean appliesPatch(List<String> words) {
    int sub = GitCommands.subcommand(words);
    return sub < words.size() && words.get(sub).equals("apply")
        && words.stream().noneMatch(w -> w.equals("--check") || w.equals("--stat")
            || w.equals("--numstat") || w.equals("--summary"));
  }

  /** The script given inline ({@code python -c}, {@code node -e}) or on stdin writes a file. */
  private static boolean scriptWrites(List<String> words, CharSequence input) {
    if (SCRIPT_WRITES.matcher(input).find()) {
      return true;
    }
    for (int i = 1; i < words.size() - 1; i++) {
      String w = words.get(i);
      if ((w.equals("-c") || w.equals("-e") || w.equals("--eval") || w.equals("-p"))
          && SCRIPT_WRITES.matcher(words.get(i + 1)).find()) {
        return true;
      }
    }
    return false;
  }
}
