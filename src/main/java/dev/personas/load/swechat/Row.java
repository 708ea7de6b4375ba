package dev.personas.load.swechat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One row of a dataset table, whatever the file format: column name to value. Values are
 * strings, numbers, booleans or {@link Instant}s; an absent column and a null value read alike,
 * because exports of SWE-chat drop columns freely.
 *
 * <p>A row read from Parquet is a view of the reader's current position and valid only while the
 * sink that receives it runs; {@link #detached} keeps one beyond that.
 */
final class Row {
  /** Column values by name; null for an absent column or a null value. */
  interface Values {
    Object get(String column);

    /** Values that stay valid after the read has moved on. */
    default Values detached() {
      return this;
    }

    /**
     * Whether the text of the column starts, after leading white space, with one of the
     * prefixes (each at most {@link #MAX_PREFIX} characters); false when absent.
     */
    default boolean startsWith(String column, List<String> prefixes) {
      Object v = get(column);
      if (v == null) {
        return false;
      }
      String head = v.toString().stripLeading();
      for (String prefix : prefixes) {
        if (head.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The longest prefix {@link #startsWith} is asked about. */
  static final int MAX_PREFIX = 32;

  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

  /** A date and time, then an offset of hours with or without minutes (groups 1, 2, 3). */
  private static final java.util.regex.Pattern OFFSET =
      java.util.regex.Pattern.compile("(.*\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?)([+-]\\d\\d):?(\\d\\d)?");

  private final Path file;
  private final long number;
  private final Values values;

  /**
   * @param file the file the row came from
   * @param number 1-based row number in that file (the line for JSONL and CSV)
   * @param values column values by name
   */
  Row(Path file, long number, Map<String, Object> values) {
    this(file, number, Objects.requireNonNull(values, "values")::get);
  }

  Row(Path file, long number, Values values) {
    this.file = Objects.requireNonNull(file, "file");
    this.number = number;
    this.values = Objects.requireNonNull(values, "values");
  }

  /** The file the row came from. */
  Path file() {
    return file;
  }

  /** 1-based row number in that file (the line for JSONL and CSV). */
  long number() {
    return number;
  }

  /** This row, valid after the read has moved on. */
  Row detached() {
    Values kept = values.detached();
    return kept == values ? this : new Row(file, number, kept);
  }

  /**
   * Whether the column's text starts, after leading white space, with one of the prefixes, each
   * at most {@link #MAX_PREFIX} characters long; false when absent. A Parquet row answers it
   * without decoding the whole text.
   */
  boolean startsWith(String column, List<String> prefixes) {
    return values.startsWith(column, prefixes);
  }

  /** The value as read: text, a number, a boolean or an instant; null when absent. */
  Object value(String column) {
    return values.get(column);
  }

  /** The value as text, or null when absent or blank. */
  /** Whether the column holds a value at all (blank text included), not null or absent. */
  boolean present(String column) {
    return values.get(column) != null;
  }

  String text(String column) {
    Object v = values.get(column);
    if (v == null) {
      return null;
    }
    String s = v.toString();
    return s.isBlank() ? null : s;
  }

  /** The value as text, or "" when absent. */
  String textOrEmpty(String column) {
    String s = text(column);
    return s == null ? "" : s;
  }

  /** The value as a whole number, or the fallback when absent; a non-number is bad data. */
  long number(String column, long fallback) {
    Object v = values.get(column);
    if (v instanceof Number n) {
      return n.longValue();
    }
    String s = text(column);
    return s == null ? fallback : wholeNumber(column, s);
  }

  /**
   * The value as a whole number, or the fallback, asked for only when the value is absent; a
   * non-number is bad data.
   */
  long number(String column, LongSupplier fallback) {
    Object v = values.get(column);
    if (v instanceof Number n) {
      return n.longValue();
    }
    String s = text(column);
    return s == null ? fallback.getAsLong() : wholeNumber(column, s);
  }

  private static long wholeNumber(String column, String s) {
    try {
      return s.contains(".") ? (long) Double.parseDouble(s) : Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new BadRowException("column " + column + " is not a number: " + clip(s));
    }
  }

  /**
   * The value as a decimal number, or NaN when absent; a boolean reads as 100 or 0 (exports of
   * the first release wrote success as a flag); a non-number is bad data.
   */
  double decimal(String column) {
    Object v = values.get(column);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 100 : 0;
    }
    String s = text(column);
    if (s == null) {
      return Double.NaN;
    }
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return s.equalsIgnoreCase("true") ? 100 : 0;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new BadRowException("column " + column + " is not a number: " + clip(s));
    }
  }

  /** True when the value is a boolean true or the text "true"/"1". */
  boolean flag(String column) {
    Object v = values.get(column);
    if (v instanceof Boolean b) {
      return b;
    }
    String s = text(column);
    return s != null && (s.equalsIgnoreCase("true") || s.equals("1"));
  }

  /**
   * The value as an instant: ISO-8601 with or without offset (the offset also as "+0000" or
   * "+00"), "yyyy-MM-dd HH:mm:ss" (pandas' CSV export; read as UTC), or a number of epoch
   * milliseconds. Null when absent.
   */
  Instant instant(String column) {
    Object v = values.get(column);
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    String s = text(column);
    if (s == null) {
      return null;
    }
    s = s.trim();
    try {
      if (s.endsWith("Z")) {
        return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
      }
      // An offset after a time: "+00:00" (ISO-8601, pandas), "+0000" (strftime's %z) or "+00"
      // (PostgreSQL's text output); java.time reads only the first.
      java.util.regex.Matcher offset = OFFSET.matcher(s);
      if (offset.matches()) {
        String minutes = offset.group(3) == null ? "00" : offset.group(3);
        return OffsetDateTime.parse(offset.group(1).replace(' ', 'T') + offset.group(2) + ":" + minutes)
            .toInstant();
      }
      if (s.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(s));
      }
      return s.indexOf('T') > 0
          ? LocalDateTime.parse(s).toInstant(ZoneOffset.UTC)
          : LocalDateTime.parse(s, SPACED).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadRowException("column " + column + " is not a timestamp: " + clip(s));
    }
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** A row whose values cannot be used; the reader reports it with file and row and goes on. */
  static final class BadRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRowException(String message) {
      super(message, null, false, false);
    }
  }
}
