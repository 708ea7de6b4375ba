package dev.personas.site.figures;

import dev.personas.features.Feature;
import java.util.Objects;

/**
 * The spread of one feature among a set of sessions.
 *
 * @param feature the feature
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 */
public record Quartiles(Feature feature, double q1, double median, double q3) {

  public Quartiles {
    Objects.requireNonNull(feature, "feature");
    Check.finite(q1, "q1");
    Check.finite(median, "median");
    Check.finite(q3, "q3");
    if (q1 > median || median > q3) {
      throw new IllegalArgumentException("Quartiles of " + feature.key() + " must satisfy q1 <= median <= q3: " + q1 + ", " + median + ", " + q3);
    }
  }
}
