package dev.personas.load;

import dev.personas.session.Event;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ISO-8601 timestamps of log lines, read fast, with null for a missing or garbled one. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * The events in time order, for a session read from several copies one after another (their
   * lines joined where each copy left them); an event with no time keeps its place after the
   * event before it. The sort is stable.
   */
  public static List<Event> inTimeOrder(List<Event> events) {
    Instant[] when = new Instant[events.size()];
    Instant last = Instant.MIN;
    for (int i = 0; i < when.length; i++) {
      Instant t = events.get(i).timestamp();
      last = t == null ? last : t;
      when[i] = last;
    }
    Integer[] order = new Integer[when.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> when[a].compareTo(when[b]));
    List<Event> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      sorted.add(events.get(i));
    }
    return sorted;
  }

  /**
   * The instant a timestamp names, or null when it is missing or not ISO-8601. The common
   * {@code 2025-06-14T11:00:00.123Z} shape is read by hand: {@link Instant#parse} costs more
   * than the rest of a log line.
   */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    Instant fast = fast(text);
    if (fast != null) {
      return fast;
    }
    if (text.startsWith("+") || text.startsWith("-")) {
      // A year before 0000 or after 9999 (java.time reads ±999999999): no log was written then, and
      // the minutes between it and now overflow. The finder reads only four-digit years too.
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant fast(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0
        || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
        return null;
      }
      int fraction = digits(s, 20, n - 21);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = n - 21; i < 9; i++) {
        nanos *= 10;
      }
    } else if (n != 20) {
      return null;
    }
    long days = epochDay(year, month, day);
    return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, nanos);
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int daysIn(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days from 1970-01-01 (the civil-from-days algorithm of H. Hinnant, inverted). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
