package dev.personas.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * The features of one session, in {@link Feature} order.
 *
 * @param sessionId the session the values describe
 * @param values one value per {@link Feature}, in declaration order
 */
public record FeatureVector(String sessionId, double[] values) {

  public FeatureVector {
    Objects.requireNonNull(sessionId, "sessionId");
    if (values.length != Feature.values().length) {
      throw new IllegalArgumentException(
          "expected " + Feature.values().length + " feature values, got " + values.length);
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("non-finite feature value in session " + sessionId);
      }
    }
    values = values.clone();
  }

  /** The value of one feature. */
  public double get(Feature feature) {
    return values[feature.ordinal()];
  }

  /** Whether the session's active minutes are an estimate: see {@link #activeMinutesEstimated(double, double)}. */
  public boolean activeMinutesEstimated() {
    return activeMinutesEstimated(get(Feature.ACTIVE_MINUTES), get(Feature.WALL_MINUTES));
  }

  /**
   * Whether active minutes are the estimate a session gets when none of its events records a
   * time ({@link FeatureExtractor}): measured active time never exceeds the span between the
   * first and last timed event, so active time without a span was estimated.
   */
  public static boolean activeMinutesEstimated(double activeMinutes, double wallMinutes) {
    return wallMinutes == 0 && activeMinutes > 0;
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureVector other
        && sessionId.equals(other.sessionId)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * sessionId.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FeatureVector[" + sessionId + ", " + Arrays.toString(values) + "]";
  }
}
