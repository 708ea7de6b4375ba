package dev.personas.load.swechat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a dataset table, whatever the file format: column name to value. Values are
 * strings, numbers, booleans or {@link Instant}s; an absent column and a null value read alike,
 * because exports of SWE-chat drop columns freely.
 *
 * @param file the file the row came from
 * @param number 1-based row number in that file (the line for JSONL and CSV)
 * @param values column values by name
 */
record Row(Path file, long number, Map<String, Object> values) {

  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

  Row {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(values, "values");
  }

  /** The value as text, or null when absent or blank. */
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
    if (s == null) {
      return fallback;
    }
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
   * The value as an instant: ISO-8601 with or without offset, "yyyy-MM-dd HH:mm:ss" (pandas'
   * CSV export; read as UTC), or a number of epoch milliseconds. Null when absent.
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
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
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
