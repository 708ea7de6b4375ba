package dev.personas.classify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number format of the model and validation files: 9 significant digits. Every number
 * the model keeps is rounded to it when fitted, so what is written is exactly what was used,
 * and the bytes do not depend on the JDK's {@code Double.toString} (which changed in Java 19).
 */
final class Numbers {
  private static final MathContext DIGITS = new MathContext(9, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /** The decimal text written for {@code value}. */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("non-finite number cannot be written: " + value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
    double magnitude = Math.abs(value);
    return magnitude >= 1e-6 && magnitude < 1e15 ? rounded.toPlainString() : rounded.toString();
  }

  /** {@code value} rounded to the written precision; {@code fixed(fixed(x)) == fixed(x)}. */
  static double fixed(double value) {
    return Double.parseDouble(format(value));
  }

  /** Element-wise {@link #fixed(double)}. */
  static double[] fixed(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = fixed(values[i]);
    }
    return out;
  }
}
