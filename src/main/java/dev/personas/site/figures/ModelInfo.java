package dev.personas.site.figures;

import java.util.Objects;

/**
 * Which model classified the sessions, so readers can match a site to its model file.
 *
 * @param version the model's version string
 * @param fingerprint a hash of the model file
 * @param featureCount how many features the model reads
 */
public record ModelInfo(String version, String fingerprint, int featureCount) {

  public ModelInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (featureCount < 1) {
      throw new IllegalArgumentException("featureCount is at least 1, got " + featureCount);
    }
  }
}
