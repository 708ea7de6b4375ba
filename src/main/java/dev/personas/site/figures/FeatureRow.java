package dev.personas.site.figures;

import dev.personas.features.Feature;
import java.util.Objects;

/**
 * One row of the method page's feature table; the key, definition and unit come from
 * {@link Feature} itself.
 *
 * @param feature the feature
 * @param populationMedian its median among all sessions
 * @param q1 its first quartile among all sessions
 * @param q3 its third quartile among all sessions
 */
public record FeatureRow(Feature feature, double populationMedian, double q1, double q3) {

  public FeatureRow {
    Objects.requireNonNull(feature, "feature");
    new Quartiles(feature, q1, populationMedian, q3); // the same ordering invariant
  }
}
