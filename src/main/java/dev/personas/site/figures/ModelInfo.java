package dev.personas.site.figures;

import java.util.Objects;
import java.util.Optional;

/**
 * Which model classified the sessions, so readers can match a site to its model file.
 *
 * @param version the model's version string
 * @param fingerprint a hash of the model file
 * @param featureCount how many features the model reads
 * @param notFitted why the model is the shipped one, fitted on the bundled sample, rather than
 *     one fitted on this dataset ("3 sessions of 1 person are too few …"); absent when fitted here
 */
public record ModelInfo(String version, String fingerprint, int featureCount, Optional<String> notFitted) {

  public ModelInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(notFitted, "notFitted");
    if (featureCount < 1) {
      throw new IllegalArgumentException("featureCount is at least 1, got " + featureCount);
    }
  }
}
