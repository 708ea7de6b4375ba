package dev.personas.session;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One coding-agent session as read from a log or dataset. Subagent transcripts are folded into
 * their parent: their events are in {@link #subagentEvents()}, never counted as sessions.
 *
 * @param id session id from the log
 * @param userId person the session belongs to ("local" for a person's own logs)
 * @param repoId repository or project the session ran in, or "" when unknown
 * @param agent which agent wrote the log
 * @param source file the session was read from
 * @param start first timestamp seen, or null
 * @param end last timestamp seen, or null
 * @param events the main thread's events in log order
 * @param subagentEvents events of subagent transcripts attached to this session
 * @param parentId the session this one was forked or resumed from, or null
 * @param subagentIds ids of subagent transcripts attached to this session
 * @param annotations what the dataset's authors annotated on the session ({@link Annotations#NONE}
 *     for a person's own logs)
 */
public record Session(
    String id,
    String userId,
    String repoId,
    Agent agent,
    Path source,
    Instant start,
    Instant end,
    List<Event> events,
    List<Event> subagentEvents,
    String parentId,
    List<String> subagentIds,
    Annotations annotations) {

  /** The person of every session read from a person's own logs, which name nobody. */
  public static final String OWN_LOGS = "local";

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(repoId, "repoId");
    Objects.requireNonNull(agent, "agent");
    events = List.copyOf(events);
    subagentEvents = List.copyOf(subagentEvents);
    subagentIds = List.copyOf(subagentIds);
    Objects.requireNonNull(annotations, "annotations");
    if (start != null && end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("session " + id + " ends before it starts");
    }
  }

  /** A session without annotations, as every log reader but SWE-chat's makes them. */
  public Session(String id, String userId, String repoId, Agent agent, Path source, Instant start,
      Instant end, List<Event> events, List<Event> subagentEvents, String parentId,
      List<String> subagentIds) {
    this(id, userId, repoId, agent, source, start, end, events, subagentEvents, parentId,
        subagentIds, Annotations.NONE);
  }

  /** This session with the dataset's annotations. */
  public Session withAnnotations(Annotations given) {
    return new Session(id, userId, repoId, agent, source, start, end, events, subagentEvents,
        parentId, subagentIds, given);
  }

  /** Wall-clock span from first to last event; zero when timestamps are missing. */
  public Duration wallTime() {
    return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
  }

  /**
   * True when the session has events and none of them, its subagents' included, records a time
   * (Codex's rollouts of early 2025): its active time is then estimated, and the read summary
   * says so.
   */
  public boolean recordsNoTime() {
    return !(events.isEmpty() && subagentEvents.isEmpty())
        && events.stream().allMatch(e -> e.timestamp() == null)
        && subagentEvents.stream().allMatch(e -> e.timestamp() == null);
  }

  /** Number of prompts the person typed (queue steering included, commands excluded). */
  public long typedPromptCount() {
    return events.stream().filter(e -> e.kind().isTypedPrompt()).count();
  }
}
