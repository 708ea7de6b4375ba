package dev.personas.site;

import java.util.Locale;

/**
 * How the pages write numbers: one place, so a table and the chart beside it always agree.
 * Locale.ROOT: the site reads the same on every machine that builds it.
 */
public final class Format {
  private Format() {}

  /** A share as a percentage with one decimal: 0.3671 → "36.7 %". */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", percentValue(share));
  }

  /** The number a chart plots for a share: a percentage rounded as {@link #percent} prints it. */
  public static double percentValue(double share) {
    return round(share * 100, 1);
  }

  /** A measured value: whole numbers with separators, small ones with two decimals, larger with one. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    double rounded = numberValue(value);
    return Math.abs(value) >= 10
        ? String.format(Locale.ROOT, "%,.1f", rounded)
        : String.format(Locale.ROOT, "%.2f", rounded);
  }

  /** The number a chart plots for a measured value: rounded as {@link #number} prints it. */
  public static double numberValue(double value) {
    if (value == Math.rint(value)) {
      return value;
    }
    return Math.abs(value) >= 10 ? round(value, 1) : round(value, 2);
  }

  /** A count: "4,313". */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A signed distance in standard deviations: "+1.8", "−0.6". */
  public static String signed(double value) {
    String text = String.format(Locale.ROOT, "%+.1f", round(value, 1));
    return text.equals("-0.0") ? "+0.0" : text.replace('-', '\u2212');
  }

  /** The number a chart plots for a signed distance. */
  public static double signedValue(double value) {
    double rounded = round(value, 1);
    return rounded == 0 ? 0.0 : rounded;
  }

  /** A minute offset: "12.5". */
  public static String minutes(double value) {
    return String.format(Locale.ROOT, "%.1f", round(value, 1));
  }

  /** The number a chart plots for a minute offset. */
  public static double minutesValue(double value) {
    return round(value, 1);
  }

  /** A score such as the adjusted Rand index or a silhouette: "0.87". */
  public static String score(double value) {
    return String.format(Locale.ROOT, "%.2f", round(value, 2)).replace('-', '\u2212');
  }

  /** The number a chart plots for a score. */
  public static double scoreValue(double value) {
    return round(value, 2);
  }

  private static double round(double value, int decimals) {
    return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
  }
}
