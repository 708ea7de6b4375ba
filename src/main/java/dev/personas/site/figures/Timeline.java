package dev.personas.site.figures;

import java.util.Comparator;
import java.util.List;

/**
 * The events of one representative session, as kinds at times: no prompt text, paths or names.
 *
 * @param activeMinutes the session's active time (idle gaps removed)
 * @param events its events, sorted by minute; none later than activeMinutes
 */
public record Timeline(double activeMinutes, List<TimelineEvent> events) {

  public Timeline {
    Check.finite(activeMinutes, "activeMinutes");
    if (activeMinutes < 0) {
      throw new IllegalArgumentException("activeMinutes is not negative, got " + activeMinutes);
    }
    events = events.stream().sorted(Comparator.comparingDouble(TimelineEvent::minute)).toList();
    if (events.isEmpty()) {
      throw new IllegalArgumentException("A representative timeline has at least one event");
    }
    if (events.get(events.size() - 1).minute() > activeMinutes + 1e-9) {
      throw new IllegalArgumentException("A timeline event lies after the session's end (" + activeMinutes + " min)");
    }
  }

  /** How many events of a kind the session had. */
  public long count(TimelineKind kind) {
    return events.stream().filter(e -> e.kind() == kind).count();
  }
}
