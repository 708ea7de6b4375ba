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

  /**
   * A vector with an ordinary background (a few tools, prompts of 150 characters, tokens in
   * proportion to prompts, no idle time) under the given pairs: what a real session always has.
   */
  static FeatureVector typical(String id, Object... pairs) {
    FeatureVector given = vector(id, pairs);
    double prompts = Math.max(1, given.get(Feature.PROMPTS));
    double minutes = given.get(Feature.ACTIVE_MINUTES);
    Object[] background = {
      Feature.PROMPTS, prompts, Feature.DISTINCT_TOOLS, 5, Feature.TOOL_CALLS_PER_PROMPT, 6,
      Feature.FIRST_PROMPT_CHARS, 150, Feature.MEDIAN_PROMPT_CHARS, 150,
      Feature.READ_SHARE, 0.35, Feature.SHELL_SHARE, 0.25, Feature.MEDIAN_PAUSE_SECONDS, 60,
      Feature.LATE_PAUSE_SECONDS, 70, Feature.WALL_MINUTES, minutes,
      Feature.INPUT_TOKENS, prompts * 50_000, Feature.OUTPUT_TOKENS, prompts * 2_000
    };
    double[] values = vector(id, background).values();
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
