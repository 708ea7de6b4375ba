package dev.personas.site.figures;

import dev.personas.features.Feature;
import java.util.Objects;

/**
 * A feature that sets a session type apart from the population.
 *
 * @param feature the feature
 * @param typeMedian its median among sessions of the type
 * @param populationMedian its median among all sessions
 * @param zDistance the mean z-score of the type's sessions on the feature (the population's mean
 *     is zero; {@code Scaler}: transformed, standardized, clipped); negative when lower
 */
public record DistinctiveFeature(Feature feature, double typeMedian, double populationMedian, double zDistance) {

  public DistinctiveFeature {
    Objects.requireNonNull(feature, "feature");
    Check.finite(typeMedian, "typeMedian");
    Check.finite(populationMedian, "populationMedian");
    Check.finite(zDistance, "zDistance");
  }
}
