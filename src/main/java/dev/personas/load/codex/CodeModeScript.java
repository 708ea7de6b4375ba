package dev.personas.load.codex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool calls inside one script of Codex's code mode.
 *
 * <p>Since Codex 0.14x the agent may work through a single {@code exec} tool whose input is a
 * JavaScript snippet: {@code const r = await tools.exec_command({cmd: "rg foo"}); text(r.output);},
 * {@code text(await tools.apply_patch(patch));}, several calls in a {@code Promise.all}. Each
 * {@code tools.NAME(…)} written outside a string literal is one call the agent made, as a
 * separate function call would be in a rollout without code mode. Read here: the tool's name (a
 * namespaced tool such as {@code web__run} under its usual name {@code web.run}; MCP tools keep
 * {@code mcp__server__tool}), the shell command a call names ({@code cmd: "…"}, else
 * {@code command: "…"}, as {@code exec_command} and {@code shell_command} take it), and the patch an
 * {@code apply_patch} applies (a string literal, or the string a variable was set to). Comments
 * are skipped; a template literal counts as a string. A call is counted where it is written: one
 * inside a loop or a {@code map} counts once, however often the script runs it.
 */
final class CodeModeScript {

  /**
   * One call in a script.
   *
   * @param name the tool's name, as a rollout without code mode would name it
   * @param command the shell command of an {@code exec_command} call, else null
   * @param patch the patch of an {@code apply_patch} call when the script holds it, else null
   */
  record Call(String name, String command, String patch) {}

  /**
   * The exit code a script printed for a command: {@code "exit_code":1} (a command's result printed
   * whole) or "exit code 1". Read in the first 600 characters: the script's own header comes first.
   */
  private static final Pattern EXIT_CODE =
      Pattern.compile("(?i)(?:\"exit_code\"\\s*:|exit code:?|exited with code)\\s*(-?\\d+)");

  private enum Kind { NAME, STRING, PUNCT }

  /**
   * A token, as its place in the script: a string literal's value is decoded only when it is asked
   * for, since most literals (the patches' text above all) are never read.
   */
  private record Token(Kind kind, String script, int start, int end) {
    String text() {
      if (kind != Kind.STRING) {
        return script.substring(start, end);
      }
      StringBuilder value = new StringBuilder();
      string(script, start, value);
      return value.toString();
    }

    boolean is(Kind k, String s) {
      return kind == k && end - start == s.length() && script.regionMatches(start, s, 0, s.length());
    }
  }

  private CodeModeScript() {}

  /** The calls of a script, in the order they are written. */
  static List<Call> calls(String script) {
    List<Token> tokens = tokens(script);
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i + 3 < tokens.size(); i++) {
      boolean member = i > 0 && isPunct(tokens.get(i - 1), '.');
      if (member || !isName(tokens.get(i), "tools") || !isPunct(tokens.get(i + 1), '.')
          || tokens.get(i + 2).kind() != Kind.NAME || !isPunct(tokens.get(i + 3), '(')) {
        continue;
      }
      String written = tokens.get(i + 2).text();
      int close = closing(tokens, i + 3);
      List<Token> args = tokens.subList(i + 4, close);
      String command = property(args, "cmd");
      command = command != null ? command : property(args, "command");
      String patch = written.equals("apply_patch") ? patch(tokens, i, args) : null;
      calls.add(new Call(name(written), command, patch));
    }
    return calls;
  }

  /**
   * Whether the script's output says the call at {@code index} of {@code count} failed: a script
   * that failed fails its last call; a script of one call fails it when the output shows a
   * command's non-zero exit code. With several calls the output cannot say which one a printed
   * code belongs to.
   */
  static boolean failed(String output, int index, int count) {
    if (output.startsWith("Script failed")) {
      return index == count - 1;
    }
    if (count != 1 || !mentionsExit(output)) {
      return false;
    }
    Matcher m = EXIT_CODE.matcher(output.length() > 600 ? output.substring(0, 600) : output);
    if (!m.find()) {
      return false;
    }
    try {
      return Integer.parseInt(m.group(1)) != 0;
    } catch (NumberFormatException e) {
      return true; // a code too long for an int is not zero
    }
  }

  /**
   * Whether "exit" (any case) occurs in the first 600 characters: every form {@link #EXIT_CODE}
   * matches holds it, and this test is far cheaper than the expression on outputs that hold none.
   */
  private static boolean mentionsExit(String output) {
    int end = Math.min(output.length(), 600) - 3;
    for (int i = 0; i < end; i++) {
      if ((output.charAt(i) | 0x20) == 'e' && (output.charAt(i + 1) | 0x20) == 'x'
          && (output.charAt(i + 2) | 0x20) == 'i' && (output.charAt(i + 3) | 0x20) == 't') {
        return true;
      }
    }
    return false;
  }

  /** A namespaced tool's usual name: {@code web__run} is {@code web.run}; MCP names stay. */
  private static String name(String written) {
    return written.startsWith("mcp__") ? written : written.replace("__", ".");
  }

  /** The string value of {@code key: "…"} in the object a call is given (not one nested in it), or null. */
  private static String property(List<Token> args, String key) {
    int depth = 0;
    for (int i = 0; i + 2 < args.size(); i++) {
      Token k = args.get(i);
      depth += nesting(k);
      if (depth != 1 || !isPunct(args.get(i + 1), ':') || args.get(i + 2).kind() != Kind.STRING) {
        continue;
      }
      if (k.is(Kind.NAME, key) || k.kind() == Kind.STRING && k.text().equals(key)) {
        return args.get(i + 2).text();
      }
    }
    return null;
  }

  /** +1 for a token that opens a bracket, -1 for one that closes one, else 0. */
  private static int nesting(Token t) {
    if (t.kind() != Kind.PUNCT) {
      return 0;
    }
    char c = t.script().charAt(t.start());
    return c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
  }

  /** The patch of an apply_patch call: its string argument, or the string its variable was set to. */
  private static String patch(List<Token> tokens, int callAt, List<Token> args) {
    if (args.isEmpty()) {
      return null;
    }
    String literal = stringAt(args, 0);
    if (literal != null || args.get(0).kind() != Kind.NAME) {
      return literal;
    }
    String variable = args.get(0).text();
    for (int i = callAt - 3; i >= 0; i--) {
      if (isName(tokens.get(i), variable) && isPunct(tokens.get(i + 1), '=')) {
        return stringAt(tokens.subList(0, callAt), i + 2);
      }
    }
    return null;
  }

  /**
   * The value of the string literal at {@code at}, or null; after a {@code String.raw} tag, the
   * literal as written, its backslashes kept (a Windows path in a patch).
   */
  private static String stringAt(List<Token> tokens, int at) {
    if (at + 3 < tokens.size() && isName(tokens.get(at), "String") && isPunct(tokens.get(at + 1), '.')
        && isName(tokens.get(at + 2), "raw") && tokens.get(at + 3).kind() == Kind.STRING) {
      Token raw = tokens.get(at + 3);
      boolean closed = raw.end() - raw.start() >= 2
          && raw.script().charAt(raw.end() - 1) == raw.script().charAt(raw.start());
      return raw.script().substring(raw.start() + 1, closed ? raw.end() - 1 : raw.end());
    }
    return at < tokens.size() && tokens.get(at).kind() == Kind.STRING ? tokens.get(at).text() : null;
  }

  /** The index of the token that closes the bracket at {@code open}, or the end. */
  private static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Kind.PUNCT) {
        continue;
      }
      char c = t.script().charAt(t.start());
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
        return i;
      }
    }
    return tokens.size();
  }

  private static boolean isName(Token t, String name) {
    return t.is(Kind.NAME, name);
  }

  private static boolean isPunct(Token t, char c) {
    return t.kind() == Kind.PUNCT && t.script().charAt(t.start()) == c;
  }

  /** Names, string literals and single punctuation characters, by their place; comments dropped. */
  private static List<Token> tokens(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        int end = s.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'' || c == '`') {
        int start = i;
        i = string(s, i, null);
        tokens.add(new Token(Kind.STRING, s, start, i));
      } else if (c == '_' || c == '$' || Character.isLetter(c)) {
        int start = i;
        while (i < n && (s.charAt(i) == '_' || s.charAt(i) == '$' || Character.isLetterOrDigit(s.charAt(i)))) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, s, start, i));
      } else {
        tokens.add(new Token(Kind.PUNCT, s, i, i + 1));
        i++;
      }
    }
    return tokens;
  }

  /**
   * Reads the string literal opening at {@code at} into {@code value} (null: only finds its end),
   * escapes decoded (a template literal's {@code ${…}} kept as written); returns the index after
   * its closing quote.
   */
  private static int string(String s, int at, StringBuilder value) {
    char quote = s.charAt(at);
    int i = at + 1;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (c == '\n' && quote != '`') {
        return i; // an unterminated literal ends at its line, as JavaScript would reject it
      }
      if (c != '\\' || i + 1 >= n) {
        put(value, c);
        i++;
        continue;
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'n': put(value, '\n'); break;
        case 't': put(value, '\t'); break;
        case 'r': put(value, '\r'); break;
        case 'b': put(value, '\b'); break;
        case 'f': put(value, '\f'); break;
        case 'v': put(value, '\u000B'); break;
        case '0': put(value, '\0'); break;
        case '\n': break; // a line continuation
        case '\r':
          i += i < n && s.charAt(i) == '\n' ? 1 : 0; // a line continuation, CRLF or CR
          break;
        case 'x':
          i = hex(s, i, 2, value);
          break;
        case 'u':
          if (i < n && s.charAt(i) == '{') {
            i = braced(s, i, value);
          } else {
            i = hex(s, i, 4, value);
          }
          break;
        default:
          put(value, e);
      }
    }
    return n;
  }

  private static void put(StringBuilder value, char c) {
    if (value != null) {
      value.append(c);
    }
  }

  /** A fixed-length hex escape (&#92;xHH, &#92;uHHHH); kept as written when it is none. */
  private static int hex(String s, int at, int digits, StringBuilder value) {
    int code = at + digits <= s.length() ? hexValue(s.substring(at, at + digits)) : -1;
    if (code < 0) {
      put(value, digits == 2 ? 'x' : 'u');
      return at;
    }
    put(value, (char) code);
    return at + digits;
  }

  /**
   * A code point escape (&#92;u{1F600}), {@code brace} at its opening brace: up to six hex
   * digits and a closing brace, else the "u" is kept as written and reading goes on at the brace.
   */
  private static int braced(String s, int brace, StringBuilder value) {
    int close = s.indexOf('}', brace);
    int code = close < 0 || close - brace > 7 ? -1 : hexValue(s.substring(brace + 1, close));
    if (code < 0 || code > Character.MAX_CODE_POINT) {
      put(value, 'u');
      return brace;
    }
    if (value != null) {
      value.appendCodePoint(code);
    }
    return close + 1;
  }

  /** The value of 1 to 6 hex digits, or -1. */
  private static int hexValue(String digits) {
    if (digits.isEmpty() || digits.length() > 6) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), 16);
      if (d < 0 || digits.charAt(i) > 'f') {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }
}
