package dev.personas.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.personas.features.Feature;

/**
 * How a raw feature value is bent before standardizing. Counts, minutes, seconds, tokens and
 * characters are heavy-tailed (one 6-hour session must not dwarf a hundred short ones), so they
 * get {@code log1p}; shares and flags already live in [0, 1] and stay as they are.
 */
public enum FeatureTransform {
  LOG1P("log1p"),
  IDENTITY("identity");

  private final String key;

  FeatureTransform(String key) {
    this.key = key;
  }

  /** Name written to the model file, e.g. "log1p". */
  @JsonValue
  public String key() {
    return key;
  }

  /** The transform used for a feature, chosen by its unit. */
  public static FeatureTransform of(Feature feature) {
    return switch (feature.unit()) {
      case "share", "flag" -> IDENTITY;
      default -> LOG1P;
    };
  }

  /** The transform named {@code key} in a model file. */
  @JsonCreator
  public static FeatureTransform fromKey(String key) {
    for (FeatureTransform t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown feature transform: " + key);
  }

  /** Applies the transform; negative counts (never expected) are clamped at 0 first. */
  public double apply(double value) {
    return this == LOG1P ? Math.log1p(Math.max(0, value)) : value;
  }
}
