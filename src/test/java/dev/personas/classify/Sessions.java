package dev.personas.classify;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.time.Instant;

/** Hand-written feature vectors for tests: every feature 0 unless given. */
final class Sessions {
  private Sessions() {}

  /** A vector with the given (feature, value) pairs, e.g. {@code vector("s1", PROMPTS, 3)}. */
  static FeatureVector vector(String id, Object... pairs) {
    double[] values = new double[Feature.values().length];
    for (int i = 0; i < pairs.length; i += 2) {
      values[((Feature) pairs[i]).ordinal()] = ((Number) pairs[i + 1]).doubleValue();
    }
    return new FeatureVector(id, values);
  }

  /** A session of {@code user} starting {@code minute} minutes after a fixed instant. */
  static SessionInput input(String user, int minute, FeatureVector features) {
    return new SessionInput(features.sessionId(), user,
        Instant.parse("2026-03-01T00:00:00Z").plusSeconds(60L * minute), features);
  }
}
