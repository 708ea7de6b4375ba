package dev.personas.site.figures;

import java.util.Objects;

/**
 * One mark on a timeline strip.
 *
 * @param minute active minutes since the session's first event (idle gaps removed)
 * @param kind what happened
 */
public record TimelineEvent(double minute, TimelineKind kind) {

  public TimelineEvent {
    if (!(minute >= 0.0) || !Double.isFinite(minute)) {
      throw new IllegalArgumentException("A timeline minute is finite and not negative, got " + minute);
    }
    Objects.requireNonNull(kind, "kind");
  }
}
