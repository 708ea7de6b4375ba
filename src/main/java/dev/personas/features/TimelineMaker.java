package dev.personas.features;

import dev.personas.session.Event;
import dev.personas.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a session's main thread into a text-free timeline: minutes of active time (idle gaps over
 * thirty minutes squeezed out, as in the active-time feature) and one mark per drawable event.
 * Tool calls are classified exactly as the features classify them.
 */
public final class TimelineMaker {
  private static final Duration IDLE = Duration.ofMinutes(30);
  private static final int MAX_MARKS = 160;

  /** The timeline of one session, thinned evenly to at most a few hundred marks. */
  public Timeline make(Session session) {
    return make(session, ToolUses.of(session.events()));
  }

  /** The same, with the session's tool calls already paired ({@link ToolUses#of} its events). */
  Timeline make(Session session, List<ToolCall> calls) {
    Map<Event, Double> minutes = activeMinutes(session.events());
    List<Timeline.Mark> marks = new ArrayList<>();
    for (Event event : session.events()) {
      Timeline.Kind kind = switch (event.kind()) {
        case PROMPT, QUEUE_STEERING -> Timeline.Kind.PROMPT;
        case SLASH_COMMAND, BASH_MODE -> Timeline.Kind.COMMAND;
        case INTERRUPT -> Timeline.Kind.INTERRUPT;
        case COMPACTION -> Timeline.Kind.COMPACTION;
        case SUBAGENT_CALL -> Timeline.Kind.SUBAGENT;
        case API_ERROR -> Timeline.Kind.ERROR;
        default -> null;
      };
      if (kind != null) {
        marks.add(new Timeline.Mark(minutes.get(event), kind));
      }
    }
    for (ToolCall call : calls) {
      // A test run is drawn once: passed at its call, or failed at its result.
      Timeline.Kind kind = call.testRun() ? (call.failed() ? null : Timeline.Kind.TEST)
          : call.edit() ? Timeline.Kind.EDIT
          : call.shell() ? Timeline.Kind.SHELL
          : call.read() ? Timeline.Kind.READ
          : null;
      if (kind != null) {
        marks.add(new Timeline.Mark(minutes.get(call.event()), kind));
      }
      if (call.failed()) {
        Timeline.Kind failure = call.testRun() ? Timeline.Kind.TEST_FAILED : Timeline.Kind.ERROR;
        marks.add(new Timeline.Mark(minutes.get(call.result()), failure));
      }
    }
    marks.sort(Comparator.comparingDouble(Timeline.Mark::minute)); // stable: log order on ties
    return new Timeline(session.id(), thin(marks));
  }

  /** Each event's minute of active time; events without a timestamp take the previous one's. */
  private static Map<Event, Double> activeMinutes(List<Event> events) {
    Map<Event, Double> minutes = new IdentityHashMap<>();
    Instant previous = null;
    double total = 0;
    for (Event event : events) {
      Instant at = event.timestamp();
      if (at != null) {
        if (previous != null) {
          Duration gap = Duration.between(previous, at);
          if (!gap.isNegative() && gap.compareTo(IDLE) <= 0) {
            total += gap.toMillis() / 60_000.0;
          }
        }
        previous = at;
      }
      minutes.put(event, total);
    }
    return minutes;
  }

  /** Keeps every n-th mark when there are too many to draw, always keeping prompts. */
  private static List<Timeline.Mark> thin(List<Timeline.Mark> marks) {
    if (marks.size() <= MAX_MARKS) {
      return marks;
    }
    int step = (marks.size() + MAX_MARKS - 1) / MAX_MARKS;
    List<Timeline.Mark> kept = new ArrayList<>();
    for (int i = 0; i < marks.size(); i++) {
      if (i % step == 0 || marks.get(i).kind() == Timeline.Kind.PROMPT) {
        kept.add(marks.get(i));
      }
    }
    return kept;
  }
}
