package dev.personas.site.figures;

import java.util.Objects;

/**
 * The dataset authors' session-success score over a group of sessions.
 *
 * @param label the group (a session type, a persona, "All sessions")
 * @param sessions sessions of the group that carry a score
 * @param mean their mean score, 0–100 (0 when there are none)
 * @param atLeastHalf the share of them that score 50 or more
 */
public record Success(String label, int sessions, double mean, double atLeastHalf) {

  public Success {
    Objects.requireNonNull(label, "label");
    Check.count(sessions, "sessions");
    if (!(mean >= 0 && mean <= 100)) {
      throw new IllegalArgumentException("A mean success score is 0–100, got " + mean);
    }
    Check.share(atLeastHalf, "atLeastHalf");
  }
}
