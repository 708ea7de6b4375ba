package dev.personas.features;

import java.util.List;
import java.util.Objects;

/**
 * The shape of one session over time, without any text: what happened, and when, in minutes of
 * active time since the session started. Used to draw a representative session's strip chart.
 *
 * @param sessionId the session drawn
 * @param marks the events worth drawing, in time order
 */
public record Timeline(String sessionId, List<Mark> marks) {

  /** What a mark on the strip chart is. */
  public enum Kind {
    PROMPT, COMMAND, READ, EDIT, SHELL, TEST, TEST_FAILED, ERROR, SUBAGENT, INTERRUPT, COMPACTION;

    /** Lower-case name used in JSON and CSS. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** One drawn event: minutes of active time since the start, and its kind. */
  public record Mark(double minute, Kind kind) {
    public Mark {
      Objects.requireNonNull(kind, "kind");
      if (!(minute >= 0) || !Double.isFinite(minute)) {
        throw new IllegalArgumentException("a mark's minute must be finite and not negative");
      }
    }
  }

  public Timeline {
    Objects.requireNonNull(sessionId, "sessionId");
    marks = List.copyOf(marks);
  }
}
