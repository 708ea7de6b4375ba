/*
 * The few places where Java 17 and JavaScript disagree on strings and regular expressions, made
 * to agree. The finder must compute the same numbers as the Java code (within 1e-9, labels
 * exact), and the Java feature code leans on java.lang.String and java.util.regex semantics:
 * String.strip (Character.isWhitespace, not JavaScript's trim), String.hashCode, split dropping
 * trailing empties, ASCII-only \s, Unicode-aware \b, "." not matching U+0085, case-insensitive
 * matching that folds ASCII only. Patterns are written as Java wrote them and translated once.
 */

/** Character.isWhitespace for one UTF-16 code unit (no-break spaces are not whitespace). */
export function isWhitespace(c) {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) {
    return true;
  }
  if (c < 0x1680) {
    return false;
  }
  return c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}

/** String.strip(). */
export function strip(s) {
  let start = 0;
  let end = s.length;
  while (start < end && isWhitespace(s.charCodeAt(start))) {
    start++;
  }
  while (end > start && isWhitespace(s.charCodeAt(end - 1))) {
    end--;
  }
  return start === 0 && end === s.length ? s : s.substring(start, end);
}

/** String.stripLeading(). */
export function stripLeading(s) {
  let start = 0;
  while (start < s.length && isWhitespace(s.charCodeAt(start))) {
    start++;
  }
  return start === 0 ? s : s.substring(start);
}

/** String.trim(): every char up to U+0020. */
export function trim(s) {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) {
    start++;
  }
  while (end > start && s.charCodeAt(end - 1) <= 0x20) {
    end--;
  }
  return s.substring(start, end);
}

/** String.isBlank(). */
export function isBlank(s) {
  return strip(s).length === 0;
}

/** String.hashCode(): 32-bit, over UTF-16 code units. */
export function hashCode(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return h;
}

/** Character.isLetterOrDigit for one UTF-16 code unit. */
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
export function isLetterOrDigit(ch) {
  return LETTER_OR_DIGIT.test(ch);
}

/** Character.isLetter for one UTF-16 code unit. */
const LETTER = /^\p{L}$/u;
export function isLetter(ch) {
  return LETTER.test(ch);
}

/** Character.isUpperCase for one UTF-16 code unit (Lu and Other_Uppercase). */
const UPPER = /^\p{Uppercase}$/u;
export function isUpperCase(ch) {
  return UPPER.test(ch);
}

/**
 * String.split(regex): a leading empty string stays when the text starts with a separator,
 * trailing empty strings go, and a text without a match is itself.
 */
export function split(s, re) {
  if (s.length === 0) {
    return [""];
  }
  const parts = s.split(re);
  while (parts.length > 0 && parts[parts.length - 1] === "") {
    parts.pop();
  }
  return parts;
}

// Java 17's \b counts Character.isLetterOrDigit and '_' (and combining marks) as word chars,
// while its \w is ASCII; JavaScript's \b is ASCII.
const WORD = "[\\p{L}\\p{Nd}\\p{Mn}_]";
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const SPACE = " \\t\\n\\x0B\\f\\r"; // Java's \s, ASCII only
const TERMINATORS = "\\n\\r\\u0085\\u2028\\u2029";

/**
 * A JavaScript RegExp with the meaning of a java.util.regex pattern. {@code flags}: "m"
 * (MULTILINE), "i" (CASE_INSENSITIVE, ASCII folding: see {@link foldSafe}), "g" (to find
 * successive matches), "M" (Matcher.matches(): the whole text must match).
 */
export function javaRegex(source, flags = "") {
  const multiline = flags.includes("m");
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const n = source[++i];
      if (n === "b" && !inClass) {
        out += BOUNDARY;
      } else if (n === "s") {
        out += inClass ? SPACE : `[${SPACE}]`;
      } else if (n === "S" && !inClass) {
        out += `[^${SPACE}]`;
      } else {
        out += "\\" + n;
      }
    } else if (inClass) {
      if (c === "]") {
        inClass = false;
      }
      out += c;
    } else if (c === "[") {
      inClass = true;
      out += c;
      if (source[i + 1] === "^") {
        out += "^";
        i++;
      }
    } else if (c === ".") {
      out += `[^${TERMINATORS}]`;
    } else if (c === "^") {
      out += multiline ? `(?<![^${TERMINATORS}])` : "^";
    } else if (c === "$") {
      // Java's $ also matches before a final line terminator; with MULTILINE before any.
      out += multiline ? `(?=[${TERMINATORS}]|$)` : `(?=(?:\\r\\n|[${TERMINATORS}])?$)`;
    } else {
      out += c;
    }
  }
  if (flags.includes("M")) {
    out = `^(?:${out})$`;
  }
  return new RegExp(out, "u" + (flags.includes("i") ? "i" : "") + (flags.includes("g") ? "g" : ""));
}

/**
 * The text a case-insensitive pattern should see. JavaScript's Unicode case folding matches
 * U+017F (long s) to "s" and U+212A (Kelvin) to "k"; Java's ASCII folding does not. Both are
 * swapped for another letter of the same length that folds to nothing ASCII, so matches,
 * counts and positions are Java's.
 */
export function foldSafe(text) {
  return /[\u017f\u212a]/.test(text) ? text.replace(/[\u017f\u212a]/g, "\u00df") : text;
}

/** Matcher.find() counted over the whole text (pattern made with flag "g"). */
export function count(re, text) {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) {
    n++;
  }
  return n;
}

/** Matcher.find() once. */
export function find(re, text) {
  re.lastIndex = 0;
  return re.test(text);
}
