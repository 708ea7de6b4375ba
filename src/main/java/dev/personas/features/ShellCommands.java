package dev.personas.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a shell command line into its simple commands, the way a reader of the log would: quote
 * aware, with redirections, comments and heredoc bodies dropped, wrappers such as {@code env},
 * {@code timeout}, {@code npx}, {@code uv run} or {@code python -m} stripped, and {@code bash -lc
 * "..."} scripts (Codex wraps every command so) opened up. Words keep their text; only the
 * program word is reduced to its file name by {@link #program(List)}. The redirections and
 * heredoc bodies dropped from the words still tell whether the line writes a file
 * ({@link FileWrites}).
 */
final class ShellCommands {

  /**
   * A command line read once.
   *
   * @param commands its simple commands, each as its words, wrappers stripped
   * @param writesFiles it writes a file of the project: {@code cat > f <<EOF}, {@code sed -i},
   *     {@code tee f}, {@code Set-Content}, a Python script that opens a file for writing
   * @param writtenFile the first file it writes, as written in the command, or null when it writes
   *     none or only files it does not name (a script's)
   */
  record Line(List<List<String>> commands, boolean writesFiles, String writtenFile) {
    Line {
      commands = List.copyOf(commands);
    }
  }

  /** What the commands of a line write, gathered as they are split. */
  private static final class Writes {
    private boolean any;
    private String file;

    /** Adds {@code written}: null when nothing, "" when a file not named, else the file. */
    void add(String written) {
      if (written != null) {
        any = true;
        file = file == null && !written.isEmpty() ? written : file;
      }
    }
  }

  /** One simple command as split, before its wrappers are stripped. */
  private record Segment(List<String> words, List<String> outputs, StringBuilder input) {}

  /** Longer commands are cut: beyond this a command is a pasted file, not something to run. */
  private static final int MAX_CHARS = 64 * 1024;
  private static final int MAX_NESTING = 3;

  private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh");
  private static final Set<String> PLAIN_WRAPPERS =
      Set.of("sudo", "doas", "time", "nice", "nohup", "command", "exec", "builtin", "stdbuf",
          "xvfb-run", "caffeinate", "env", "npx", "bunx", "pnpx");
  private static final Set<String> RUN_WRAPPERS =
      Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye", "conda", "mamba", "micromamba");
  private static final Set<String> OPTIONS_WITH_VALUE =
      Set.of("-n", "-p", "--name", "--prefix", "--with", "--extra", "--python", "--group",
          "--package", "--project", "-e", "--env", "-s", "-k", "--signal", "-u", "--user");

  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*|py|pypy[0-9.]*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ShellCommands() {}

  /** The simple commands of {@code line}, each as its words, wrappers stripped; never null. */
  static List<List<String>> simpleCommands(String line) {
    return parse(line).commands();
  }

  /** {@code line} (null reads as no command) split once into its commands and what it writes. */
  static Line parse(String line) {
    List<List<String>> out = new ArrayList<>();
    Writes writes = new Writes();
    if (line != null) {
      collect(line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) : line, 0, false, out, writes);
    }
    return new Line(out, writes.any, writes.file);
  }

  /** The program a simple command runs: its first word without directories, lower-cased. */
  static String program(List<String> words) {
    if (words.isEmpty()) {
      return "";
    }
    String first = words.get(0);
    int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
    String name = slash < 0 ? first : first.substring(slash + 1);
    for (int i = 0; i < name.length(); i++) {
      if (Character.isUpperCase(name.charAt(i))) {
        return name.toLowerCase(Locale.ROOT);
      }
    }
    return name;
  }

  /** Position of the first word after {@code from} that is not an option; words.size() if none. */
  static int firstOperand(List<String> words, int from) {
    int i = from;
    while (i < words.size() && words.get(i).startsWith("-")) {
      i++;
    }
    return i;
  }

  /**
   * Adds the simple commands of {@code line} to {@code out} and what they write to {@code writes};
   * {@code inScratch}: the line starts in a temporary directory, where relative paths are scratch.
   */
  private static void collect(String line, int depth, boolean inScratch, List<List<String>> out,
      Writes writes) {
    boolean scratch = inScratch;
    for (Segment segment : split(line)) {
      List<String> words = stripWrappers(segment.words());
      writes.add(FileWrites.redirected(segment.outputs(), scratch));
      if (words.isEmpty()) {
        continue;
      }
      String script = shellScript(words);
      if (script != null && depth < MAX_NESTING) {
        collect(script, depth + 1, scratch, out, writes);
      } else {
        out.add(words);
        writes.add(FileWrites.written(words, segment.input(), scratch));
        scratch = FileWrites.changesIntoScratch(words, scratch);
      }
    }
  }

  /** The script of {@code bash -c SCRIPT} (any -c, -lc, -ic ... flag), else null. */
  private static String shellScript(List<String> words) {
    if (!SHELLS.contains(program(words))) {
      return null;
    }
    for (int i = 1; i < words.size() - 1; i++) {
      String w = words.get(i);
      if (w.startsWith("-") && !w.startsWith("--") && w.indexOf('c') > 0) {
        return words.get(i + 1);
      }
    }
    return null;
  }

  private static List<String> stripWrappers(List<String> words) {
    int i = 0;
    while (i < words.size()) {
      String w = words.get(i);
      String p = program(words.subList(i, words.size()));
      if (isAssignment(w)) {
        i++;
      } else if (PLAIN_WRAPPERS.contains(p)) {
        i = skipOptions(words, i + 1, true);
      } else if (p.equals("timeout")) {
        i = skipOptions(words, i + 1, false) + 1; // the duration
      } else if (RUN_WRAPPERS.contains(p) && i + 1 < words.size()
          && words.get(i + 1).equals("run")) {
        i = skipOptions(words, i + 2, false);
      } else if ((p.equals("bundle") || p.equals("pnpm") || p.equals("npm") || p.equals("yarn"))
          && i + 1 < words.size()
          && (words.get(i + 1).equals("exec") || words.get(i + 1).equals("dlx"))) {
        i = skipOptions(words, i + 2, false);
      } else if (p.startsWith("py") && PYTHON.matcher(p).matches() && i + 1 < words.size()) {
        int m = firstOperand(words, i + 1);
        if (m > i + 1 && words.get(m - 1).equals("-m")) {
          i = m; // "python -m pytest" runs the module as its program
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return i >= words.size() ? List.of() : List.copyOf(words.subList(i, words.size()));
  }

  private static int skipOptions(List<String> words, int from, boolean skipNumbers) {
    int i = from;
    while (i < words.size()) {
      String w = words.get(i);
      if (w.startsWith("-")) {
        i += OPTIONS_WITH_VALUE.contains(w) ? 2 : 1;
      } else if (isAssignment(w) || (skipNumbers && isNumber(w))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isAssignment(String w) {
    int eq = w.indexOf('=');
    return eq > 0 && NAME.matcher(w).region(0, eq).matches();
  }

  private static boolean isNumber(CharSequence w) {
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) < '0' || w.charAt(i) > '9') {
        return false;
      }
    }
    return w.length() > 0;
  }

  /**
   * Quote-aware split on control operators and newlines. Heredoc bodies are not words: they are
   * kept as the input of the command that reads them, and output redirections' targets as its
   * outputs (stdout's only: {@code 2> err} and {@code >&2} write no file of the work).
   */
  private static List<Segment> split(String s) {
    List<Segment> segments = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    boolean feeds = false; // the command being split reads a heredoc
    int arithmetic = 0; // inside (( … )) or $(( … )), where > and < compare
    Segment reading = null; // the command the pending heredocs feed
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    List<String> heredocs = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        end = end < 0 ? n : end;
        word.append(s, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = readDoubleQuoted(s, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < n && s.charAt(i + 1) != '\n') {
          word.append(s.charAt(i + 1));
          inWord = true;
        }
        i += 2;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        inWord = endWord(word, inWord, words);
        i++;
      } else if (c == '\n') {
        inWord = endWord(word, inWord, words);
        Segment ended = endSegment(words, outputs, segments);
        reading = feeds && reading == null ? ended : reading;
        i = heredocs.isEmpty() ? i + 1
            : readHeredocs(s, i + 1, heredocs, reading == null ? new StringBuilder() : reading.input());
        heredocs.clear();
        feeds = false;
        reading = null;
      } else if (c == '#' && !inWord) {
        int end = s.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '<' && i + 1 < n && s.charAt(i + 1) == '<'
          && (i + 2 >= n || s.charAt(i + 2) != '<')) {
        inWord = endWord(word, inWord, words);
        i += 2;
        if (i < n && s.charAt(i) == '-') {
          i++;
        }
        StringBuilder delimiter = new StringBuilder();
        i = readTarget(s, i, delimiter);
        if (delimiter.length() > 0) {
          heredocs.add(delimiter.toString().replace("\\", "")); // <<\EOF ends at EOF
          feeds = true;
        }
      } else if (c == '>' || c == '<' || (c == '&' && i + 1 < n && s.charAt(i + 1) == '>')) {
        // A comparison in (( … )) or [[ … ]] is no redirection; its operand is dropped all the same.
        boolean comparison = arithmetic > 0 || !words.isEmpty() && words.get(0).equals("[[");
        boolean stdout = c != '<' && !comparison;
        if (inWord && isNumber(word)) {
          stdout &= word.toString().equals("1"); // the fd number of "2>"
          word.setLength(0);
          inWord = false;
        }
        inWord = endWord(word, inWord, words);
        boolean duplicates = false; // ">&2": a descriptor, not a file
        i++;
        while (i < n && (s.charAt(i) == '>' || s.charAt(i) == '&' || s.charAt(i) == '|'
            || c == '<' && s.charAt(i) == '<')) { // "<<<": a here-string, one word
          duplicates |= s.charAt(i) == '&' && c == '>';
          i++;
        }
        StringBuilder target = new StringBuilder(); // the redirection target is not a word
        i = readTarget(s, i, target);
        if (stdout && !duplicates) {
          outputs.add(target.toString());
        }
      } else if (c == ';' || c == '|' || c == '&' || c == '(' || c == ')' || c == '`'
          || c == '{' && !inWord && (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1)))
          || c == '}' && !inWord) {
        inWord = endWord(word, inWord, words);
        Segment ended = endSegment(words, outputs, segments);
        reading = feeds && reading == null ? ended : reading;
        feeds = false;
        if (c == '(' && i + 1 < n && s.charAt(i + 1) == '(') {
          arithmetic++;
          i++;
        } else if (c == ')' && arithmetic > 0 && i + 1 < n && s.charAt(i + 1) == ')') {
          arithmetic--;
          i++;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    endWord(word, inWord, words);
    endSegment(words, outputs, segments);
    return segments;
  }

  private static int readDoubleQuoted(String s, int from, StringBuilder word) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '"') {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
        word.append(s.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    return i + 1;
  }

  /**
   * Reads one word after a redirection or heredoc operator, quotes removed: a quoted part may
   * hold spaces ({@code > "My Notes.md"}).
   */
  private static int readTarget(String s, int from, StringBuilder out) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    while (i < s.length() && " \t\r\n;&|()<>".indexOf(s.charAt(i)) < 0) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        end = end < 0 ? s.length() : end;
        out.append(s, i + 1, end);
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return Math.min(i, s.length());
  }

  /** Reads the heredoc bodies that start at {@code from} into {@code body}; returns where they end. */
  private static int readHeredocs(String s, int from, List<String> delimiters, StringBuilder body) {
    int i = from;
    for (String delimiter : delimiters) {
      while (i < s.length()) {
        int end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
        String lineText = s.substring(i, end).trim();
        if (lineText.equals(delimiter)) {
          i = end + 1;
          break;
        }
        body.append(s, i, end).append('\n');
        i = end + 1;
      }
    }
    return Math.min(i, s.length());
  }

  private static boolean endWord(StringBuilder word, boolean inWord, List<String> words) {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
    }
    return false;
  }

  /** Ends the command being split; returns it, or null when it had no words. */
  private static Segment endSegment(List<String> words, List<String> outputs,
      List<Segment> segments) {
    Segment ended = null;
    if (!words.isEmpty()) {
      ended = new Segment(new ArrayList<>(words), new ArrayList<>(outputs), new StringBuilder());
      segments.add(ended);
    } else if (!outputs.isEmpty()) {
      segments.add(new Segment(List.of(), new ArrayList<>(outputs), new StringBuilder())); // "> f"
    }
    words.clear();
    outputs.clear();
    return ended;
  }
}
