package dev.personas;

/**
 * Text from logs and file names made safe to print to a terminal: control characters (which can
 * move the cursor, clear the screen or set the window title) and the characters that reorder text
 * (bidirectional overrides and marks, which can make a file name read as another; the line and
 * paragraph separators) are written as
 * {@code \u001b}-style escapes; everything else is kept.
 */
public final class Printable {
  private Printable() {}

  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20 || c >= 0x7f && c < 0xa0 || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
        || c == '\u200e' || c == '\u200f' || c == '\u2028' || c == '\u2029';
  }
}
