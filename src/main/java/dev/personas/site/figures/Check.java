package dev.personas.site.figures;

import dev.personas.classify.SessionType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Invariant checks shared by the figure records; each message names the field. */
final class Check {
  private Check() {}

  static double share(double value, String name) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " is a share in [0, 1], got " + value);
    }
    return value;
  }

  static int count(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " is a count, got " + value);
    }
    return value;
  }

  static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
    return value;
  }

  static void sumsToOne(Collection<Double> shares, String name) {
    double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 1.0) > 1e-6) {
      throw new IllegalArgumentException(name + " must add up to 1, got " + sum);
    }
  }

  /** An unmodifiable copy in SessionType order; every key a type, every value a share. */
  static Map<SessionType, Double> typeShares(Map<SessionType, Double> shares, String name) {
    Objects.requireNonNull(shares, name);
    EnumMap<SessionType, Double> copy = new EnumMap<>(SessionType.class);
    shares.forEach((type, share) -> copy.put(Objects.requireNonNull(type, name), share(share, name + "." + type.slug())));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
