package dev.personas.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text heuristics over typed prompts: structure of a spec, pasted errors and output, vague fix
 * requests, specific pointers, questions, near-duplicates. Log-only and deterministic: plain
 * regular expressions, no model.
 */
final class PromptSignals {

  private static final int M = Pattern.MULTILINE;
  private static final int MI = Pattern.MULTILINE | Pattern.CASE_INSENSITIVE;

  // Spec markers.
  private static final Pattern LIST_ITEM =
      Pattern.compile("^[ \\t]*(?:[-*+•]|\\d{1,3}[.)])[ \\t]+\\S", M);
  private static final Pattern MUST_ITEM = Pattern.compile(
      "^[ \\t]*(?:[-*+•]|\\d{1,3}[.)])[ \\t]+.*\\b(?:must|should|shall)\\b", MI);
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+\\S", M);
  private static final Pattern FENCE = Pattern.compile("^[ \\t]*(?:```|~~~)", M);
  private static final Pattern SPEC_PHRASE = Pattern.compile(
      "\\b(?:acceptance criteria|requirements?(?!\\.txt)|definition of done|user stor(?:y|ies)"
      + "|deliverables?|constraints)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAMED_TEST = Pattern.compile(
      "\\btest_\\w+|\\b[A-Z]\\w*Tests?\\b|\\b[\\w-]+\\.(?:test|spec)\\.[jt]sx?\\b|\\b(?i:tests?):");
  private static final Pattern PLAN_HANDOFF = Pattern.compile(
      "\\b(?:implement|execute|follow|carry out|apply)\\s+(?:the|this|my)\\s+"
      + "(?:following\\s+|attached\\s+|below\\s+)?plan\\b"
      + "|\\bhere(?:'s| is)\\s+(?:the|my|a)\\s+plan\\b"
      + "|^ {0,3}#{1,6}[ \\t]*(?:implementation\\s+)?plan\\b"
      + "|\\bplan below\\b", MI);

  private static final Pattern PLAN_POINTER = Pattern.compile(
      "\\b(?:implement|build|execute|follow|continue|proceed with|start|do|work on|carry out|apply"
      + "|complete)\\b[^\\n]{0,80}?(?:[\\w./-]*(?:plan|spec|tasks|prd|roadmap|todo)[\\w-]*\\.(?:md|txt)\\b"
      + "|\\b(?:phase|fase|step|stage|milestone)\\s*[-#]?\\s*\\d+\\b|\\btasks?\\s+T?\\d+(?:\\s*[-–]\\s*T?\\d+)?\\b)",
      Pattern.CASE_INSENSITIVE);

  // Errors and output.
  static final Pattern ERROR_LINE = Pattern.compile(
      "Traceback \\(most recent call last\\)"
      + "|(?:Exception|Error)\\b(?::|\\s*$)"
      + "|^\\s*at\\s+\\S[^\\n]{0,300}?\\S:\\d+"
      + "|panicked at"
      + "|\\bFAILED\\b"
      + "|\\bexit(?:ed with)? (?:code|status)\\s*:?\\s*-?\\d+"
      + "|npm ERR!"
      + "|^\\s*error(?:\\[E\\d+\\])?:"
      + "|^\\s*File \"[^\"]+\", line \\d+"
      + "|\\bfatal:"
      + "|Segmentation fault");
  /** Error lines too generic to tell one error from another. */
  private static final Pattern GENERIC_ERROR_LINE = Pattern.compile(
      "^\\s*(?:at\\s|File \")|Traceback \\(most recent call last\\)"
      + "|^\\W*(?:process )?exit(?:ed with)? (?:code|status)\\s*:?\\s*-?\\d+\\W*$");
  private static final Pattern OUTPUT_LINE = Pattern.compile(
      "^\\s*(?:\\[?\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\[?\\d{2}:\\d{2}:\\d{2}\\b"
      + "|\\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL)\\]?[\\s:\\]]"
      + "|[$%]\\s+\\S|>>>\\s|(?:PASSED|FAILED|PASS|FAIL)\\s+\\S|ok\\s+\\d"
      + "|[=-]{3,}\\s[^\\n]{0,200}\\w[^\\n]{0,200}\\s[=-]{3,}\\s*$)");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-f]+|\\b[0-9a-f]{7,}\\b");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  // Requests and pointers.
  private static final Pattern VAGUE_FIX = Pattern.compile(
      "\\b(?:fix|broken|still|again|(?:does ?n[o']?t|did ?n[o']?t|is ?n[o']?t|not) work(?:ing)?"
      + "|same (?:error|issue|problem))\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOKEN = Pattern.compile("[^\\s\"'`()\\[\\]<>{},;]+");
  private static final Pattern EXTENSION = Pattern.compile(
      "[\\w-]+\\.(?:java|kt|kts|scala|groovy|py|ipynb|js|jsx|mjs|cjs|ts|tsx|go|rs|rb|php|cs|fs|c|cc"
      + "|cpp|h|hpp|m|swift|dart|ex|exs|clj|lua|sh|bash|zsh|ps1|sql|md|rst|txt|json|yaml|yml|toml"
      + "|xml|html|htm|css|scss|less|vue|svelte|gradle|properties|ini|cfg|conf|env|lock|csv|proto"
      + "|tf|dockerfile)(?::\\d+)?[.:]?");
  private static final Set<String> NOT_FILES = Set.of("node.js", "next.js", "vue.js", "react.js",
      "nuxt.js", "three.js", "express.js", "d3.js", "chart.js", "socket.io", "ext.js", "p5.js");
  // Pointer patterns, each run only when its tell-tale character is present.
  private static final Pattern FILE_LINE = Pattern.compile("\\w\\.[A-Za-z]\\w{0,9}:\\d+");
  private static final Pattern LINE_REF = Pattern.compile("\\bL\\d+\\b");
  private static final Pattern BACKTICKED = Pattern.compile("`[^`\\s][^`\\n]{0,80}`");
  private static final Pattern CALL = Pattern.compile("\\b\\w+\\(\\)");
  private static final Pattern SNAKE = Pattern.compile(
      "\\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\\b|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b");
  private static final Pattern LINE_WORDS =
      Pattern.compile("\\blines?\\s+\\d+", Pattern.CASE_INSENSITIVE);
  private static final Pattern CAMEL = Pattern.compile(
      "\\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\\b|\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b");
  private static final Set<String> BRANDS = Set.of("iphone", "ipad", "ios", "macos", "ipados",
      "watchos", "tvos", "ebay", "jquery", "javascript", "typescript", "github", "gitlab",
      "bitbucket", "powershell", "youtube", "linkedin", "openai", "chatgpt", "postgresql",
      "mysql", "mongodb", "wordpress", "devops", "fastapi", "nextjs", "nodejs", "vscode",
      "intellij", "pytorch", "tensorflow", "numpy", "scipy", "pypi", "graphql", "sqlite",
      "macbook", "airpods", "paypal", "dropbox", "hubspot", "tailwindcss", "webpack", "nestjs",
      "sveltekit", "claudecode", "codex", "deepseek", "huggingface", "openrouter", "supabase",
      "firebase", "vercel", "netlify", "cloudflare", "docker", "kubernetes", "gcp", "aws",
      "xcode", "android", "linux", "redis", "nginx", "oauth", "json", "yaml");
  // "?" or the full-width "？" of Chinese and Japanese text; a Chinese sentence-final 吗/嗎/呢.
  private static final Pattern QUESTION_MARK =
      Pattern.compile("\\?(?=[\\s\"')\\]]|$)|？|[吗嗎呢](?=[\\s\"')\\]。，.!！]|$)");
  private static final Set<String> QUESTION_WORDS = Set.of("what", "what's", "whats", "why",
      "how", "where", "when", "which", "who", "whose", "is", "are", "does", "do", "did", "was",
      "were", "explain", "wondering");
  // A request for an answer rather than a change, at the opening of a prompt: "tell me",
  // "explain", "review", "analyse" and the like (English, French, Spanish), "any thoughts", and the
  // Chinese 告诉我 (tell me), 解释 (explain), 为什么 (why), 分析 (analyse), 查看 (look into),
  // 怎么 and 如何 (how).
  private static final Pattern ASKS_FOR_ANSWER = Pattern.compile(
      "^\\W*(?:(?:please|pls|can you|could you|would you)\\s+)?(?:tell me|show me|explain|describe"
      + "|summari[sz]e|analy[sz]e|review|investigate|audit|compare|diagnose|evaluate|assess|find out"
      + "|look into|check (?:whether|if)|help me understand|walk me through|dis-moi|explique"
      + "|regarde|pourquoi|est-ce que|explica|por ?que)\\b"
      + "|\\bany (?:thoughts|ideas)\\b|\\bwhat do you think\\b"
      + "|告诉我|告訴我|解释|解釋|为什么|為什麼|分析|查看|怎么|怎麼|如何", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONVENTION_FILE = Pattern.compile(
      "(?:^|[^\\w.])(?:CLAUDE(?:\\.local)?\\.md|AGENTS\\.md|GEMINI\\.md|\\.cursorrules"
      + "|\\.cursor/rules|copilot-instructions\\.md|CONVENTIONS\\.md|\\.windsurfrules)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,:;!?]+$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Heuristics read this much of a prompt; beyond it a prompt is a pasted file, not prose. */
  private static final int MAX_CHARS = 100_000;
  /** Line-based detectors read this much of a line (minified code can be one huge line). */
  private static final int MAX_LINE_CHARS = 2_000;

  private PromptSignals() {}

  /** Everything the per-prompt features need from one prompt, read in one pass over its lines. */
  static PromptFacts read(String text) {
    Set<String> signature = new TreeSet<>();
    boolean pasted = false;
    int outputLines = 0;
    for (String line : lines(text)) {
      Matcher error = mayBeErrorLine(line) ? ERROR_LINE.matcher(line) : null;
      if (error != null && error.find()) {
        pasted = true;
        addToSignature(line, error.start(), signature);
      } else if (!pasted && OUTPUT_LINE.matcher(line).find() && ++outputLines >= 2) {
        pasted = true;
      }
    }
    boolean pointer = hasSpecificPointer(text);
    return new PromptFacts(signature, pasted, !pointer && isFixRequest(text), pointer,
        isQuestion(text), citesConventionFile(text), shingles(text));
  }

  /** Structure in a prompt: list items, headings, code blocks, spec phrases, named tests. */
  static int specMarkers(String text) {
    text = clip(text);
    int fences = count(FENCE, text);
    return count(LIST_ITEM, text) + count(MUST_ITEM, text) + count(HEADING, text)
        + (fences + 1) / 2 + count(SPEC_PHRASE, text) + count(NAMED_TEST, text);
  }

  static boolean isPlanHandoff(String text) {
    return PLAN_HANDOFF.matcher(apostrophes(clip(text))).find();
  }

  /**
   * True when the text sends the agent to a written plan: a verb of doing and, within the line, a
   * plan, spec, tasks or roadmap file, a phase or step number, or a task range ("build
   * docs/rbac-plan.md phase 3", "do tasks T012 - T016").
   */
  static boolean pointsAtPlan(String text) {
    return PLAN_POINTER.matcher(clip(text)).find();
  }

  /**
   * The error signature of a prompt: its specific error lines (stack frames and bare exit codes
   * left out), each from the error on, lower-cased with paths, hex numbers and digits stripped.
   * Empty when it has none.
   */
  static Set<String> errorSignature(String text) {
    return read(text).errorSignature();
  }

  /** What every {@link #ERROR_LINE} match contains; a word of these is far cheaper to look for. */
  private static final String[] ERROR_WORDS = {"Traceback (most recent call last)", "Exception",
      "Error", "panicked at", "FAILED", "exit", "npm ERR!", "fatal:", "Segmentation fault"};

  /**
   * False only when {@link #ERROR_LINE} cannot match: the line holds none of its words and does
   * not start, after white space, with "at", "error" or "File \"". A screen before the regular
   * expression, which tries every alternative at every position of every line.
   */
  static boolean mayBeErrorLine(String line) {
    int from = 0;
    while (from < line.length() && isRegexSpace(line.charAt(from))) {
      from++;
    }
    if (line.startsWith("at", from) || line.startsWith("error", from) || line.startsWith("File \"", from)) {
      return true;
    }
    for (String word : ERROR_WORDS) {
      if (line.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code \\s} of a regular expression without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static void addToSignature(String line, int errorStart, Set<String> signature) {
    if (GENERIC_ERROR_LINE.matcher(line).find()) {
      return;
    }
    // From the error itself on (its qualified name included): prose before it is not the error.
    int start = errorStart;
    while (start > 0 && isNameChar(line.charAt(start - 1))) {
      start--;
    }
    StringBuilder withoutPaths = new StringBuilder();
    for (String token : WHITESPACE.split(line.substring(start).toLowerCase(Locale.ROOT))) {
      if (token.indexOf('/') < 0 && token.indexOf('\\') < 0) {
        withoutPaths.append(token).append(' ');
      }
    }
    String s = HEX.matcher(withoutPaths).replaceAll(" ");
    s = DIGITS.matcher(s).replaceAll(" ");
    s = WHITESPACE.matcher(s).replaceAll(" ").trim();
    if (s.length() >= 4) {
      signature.add(s);
    }
  }

  /** True when two signatures share at least half the lines of the smaller one. */
  static boolean sameError(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long shared = small.stream().filter(large::contains).count();
    return shared * 2 >= small.size();
  }

  /** Pasted output: an error or stack-trace line, or at least two lines of logs or output. */
  static boolean hasPastedOutput(String text) {
    return read(text).pastedOutput();
  }

  /** A short (under 80 characters) ask for a fix that names nothing specific. */
  static boolean isVagueFixRequest(String text) {
    return isFixRequest(text) && !hasSpecificPointer(text);
  }

  private static boolean isFixRequest(String text) {
    return text.strip().length() < 80 && VAGUE_FIX.matcher(apostrophes(text)).find();
  }

  /** A path, file:line, line number, backticked name, call or camelCase/snake_case identifier. */
  static boolean hasSpecificPointer(String text) {
    text = clip(text);
    if (text.indexOf(':') >= 0 && FILE_LINE.matcher(text).find()
        || text.indexOf('L') >= 0 && LINE_REF.matcher(text).find()
        || text.indexOf('`') >= 0 && BACKTICKED.matcher(text).find()
        || text.contains("()") && CALL.matcher(text).find()
        || text.indexOf('_') >= 0 && SNAKE.matcher(text).find()
        || LINE_WORDS.matcher(text).find()) {
      return true;
    }
    Matcher token = TOKEN.matcher(text);
    while (token.find()) {
      if (hasPathCharacter(text, token.start(), token.end()) && isPathLike(token.group())) {
        return true;
      }
    }
    Matcher camel = CAMEL.matcher(text);
    while (camel.find()) {
      if (!BRANDS.contains(camel.group().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence ending in "?", a prompt opening with a question word, or an opening that asks for
   * an answer rather than a change ("tell me how to run this", "review the diff", "分析…").
   */
  static boolean isQuestion(String text) {
    text = clip(text);
    if (QUESTION_MARK.matcher(text).find()) {
      return true;
    }
    String opening = apostrophes(text.length() > 200 ? text.substring(0, 200) : text);
    Matcher first = FIRST_WORD.matcher(opening);
    return first.find() && QUESTION_WORDS.contains(first.group().toLowerCase(Locale.ROOT))
        || ASKS_FOR_ANSWER.matcher(opening).find();
  }

  /** True when the text names a convention file such as CLAUDE.md or AGENTS.md. */
  static boolean citesConventionFile(String text) {
    // Cheap screen first: this runs on every prompt, path and command of a session.
    return text != null && (text.contains(".md") || text.contains(".MD") || text.contains("rules"))
        && CONVENTION_FILE.matcher(clip(text)).find();
  }

  /**
   * Word-bigram shingles of the normalised text (lower case, punctuation dropped, whitespace
   * collapsed) as sorted hashes; a one-word text is its own single shingle.
   */
  static long[] shingles(String text) {
    String[] words = NON_WORD.split(clip(text).toLowerCase(Locale.ROOT).strip());
    int start = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    int n = words.length - start;
    if (n <= 0) {
      return new long[0];
    }
    if (n == 1) {
      return new long[] {words[start].hashCode()};
    }
    long[] out = new long[n - 1];
    for (int i = 0; i < n - 1; i++) {
      long left = words[start + i].hashCode();
      long right = words[start + i + 1].hashCode() & 0xffffffffL;
      out[i] = left << 32 ^ right;
    }
    Arrays.sort(out);
    int unique = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[unique++] = out[i];
      }
    }
    return Arrays.copyOf(out, unique);
  }

  /** Jaccard similarity of two sorted, duplicate-free shingle sets; 0 when either is empty. */
  static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) shared / (a.length + b.length - shared);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
  }

  private static boolean hasPathCharacter(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '\\' || c == '.') {
        return true;
      }
    }
    return false;
  }

  private static boolean isPathLike(String token) {
    String t = TRAILING_PUNCTUATION.matcher(token).replaceAll("");
    int slashes = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '/' || c == '\\') {
        slashes++;
      }
    }
    if (slashes > 0) {
      return slashes >= 2 || t.startsWith("./") || t.startsWith("../") || t.startsWith("~/")
          || EXTENSION.matcher(t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\')) + 1))
              .matches();
    }
    return EXTENSION.matcher(t).matches() && !NOT_FILES.contains(t.toLowerCase(Locale.ROOT));
  }

  private static String clip(String text) {
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  private static String[] lines(String text) {
    String[] lines = clip(text).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].length() > MAX_LINE_CHARS) {
        lines[i] = lines[i].substring(0, MAX_LINE_CHARS);
      }
    }
    return lines;
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Curly apostrophes (phones, word processors) read as straight ones. */
  private static String apostrophes(String text) {
    return text.replace('\u2019', '\'');
  }
}
