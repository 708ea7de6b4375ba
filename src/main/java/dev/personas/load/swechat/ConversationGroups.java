package dev.personas.load.swechat;

import dev.personas.load.ReadReport;
import dev.personas.session.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams the conversations table and hands over each session's events, ordered by turn number,
 * with bounded memory. The published table keeps a session's rows together, so a session is
 * complete once other sessions' rows follow it; a session is handed over when no row of it has
 * come for {@code window} rows (or when more than {@code maxBufferedEvents} are held). That also
 * reassembles a table sorted by time, where sessions interleave, as long as a session's rows are
 * less than {@code window} rows apart; a row that comes later than that is reported (file:row)
 * and skipped, never silently merged into the wrong place.
 */
final class ConversationGroups {
  /** Receives one session's events and how many of its prompts carry each prompt_intent. */
  interface Sink {
    void accept(String sessionId, Row firstRow, List<Event> events, Map<String, Integer> intents);
  }

  private static final class Group {
    final Row firstRow;
    final List<Event> events = new ArrayList<>();
    final List<Long> turns = new ArrayList<>();
    final Map<String, Integer> intents = new java.util.TreeMap<>();
    long lastRow;

    Group(Row firstRow) {
      this.firstRow = firstRow;
    }
  }

  /** The columns read: the mapper's, the grouping's and the session's ids. */
  static final Set<String> COLUMNS;

  static {
    Set<String> columns = new HashSet<>(TurnMapper.COLUMNS);
    columns.addAll(List.of("session_id", "turn_number", "prompt_intent", "user_id", "repo_id"));
    COLUMNS = Set.copyOf(columns);
  }

  private final int window;
  private final int maxBufferedEvents;
  private final TurnMapper mapper = new TurnMapper();
  private final TableReader tables = new TableReader();

  ConversationGroups(int window, int maxBufferedEvents) {
    this.window = window;
    this.maxBufferedEvents = maxBufferedEvents;
  }

  /**
   * Reads every file of the table in order and hands each session to the sink once; false when a
   * file could not be read to its end, so a session may have rows the read never reached.
   */
  boolean read(List<Path> files, Sink sink, ReadReport report) {
    // Access order: the eldest entry is the session whose last row is furthest behind.
    LinkedHashMap<String, Group> open = new LinkedHashMap<>(64, 0.75f, true);
    Set<String> closed = new HashSet<>();
    long[] index = {0};
    int[] buffered = {0};
    boolean whole = true;
    for (Path file : files) {
      whole &= tables.read(file, COLUMNS, row -> {
        index[0]++;
        String sessionId = row.text("session_id");
        if (sessionId == null) {
          report.skip(row.file(), row.number(), "conversation row without session_id");
          return;
        }
        if (closed.contains(sessionId)) {
          report.skip(row.file(), row.number(), "row of session " + sessionId + " comes more than "
              + window + " rows after the session's other rows (table not grouped by session)");
          return;
        }
        Event event;
        long turn;
        try {
          event = mapper.map(row);
          turn = row.number("turn_number", Long.MAX_VALUE);
        } catch (Row.BadRowException | IllegalArgumentException e) {
          report.skip(row.file(), row.number(), e.getMessage());
          return;
        }
        Group g = open.computeIfAbsent(sessionId, id -> new Group(row.detached()));
        g.lastRow = index[0];
        String intent = row.text("prompt_intent");
        if (intent != null) {
          g.intents.merge(intent.trim().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        if (event != null) {
          g.events.add(event);
          g.turns.add(turn);
          buffered[0]++;
        }
        buffered[0] -= flush(open, closed, index[0], buffered[0], sink);
      }, report);
    }
    for (Map.Entry<String, Group> e : open.entrySet()) {
      emit(e.getKey(), e.getValue(), sink);
    }
    return whole;
  }

  /** Hands over the sessions that are complete; returns how many events that released. */
  private int flush(LinkedHashMap<String, Group> open, Set<String> closed, long index,
      int buffered, Sink sink) {
    int released = 0;
    Iterator<Map.Entry<String, Group>> it = open.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Group> eldest = it.next();
      boolean idle = index - eldest.getValue().lastRow > window;
      boolean full = buffered - released > maxBufferedEvents && open.size() > 1;
      if (!idle && !full) {
        break;
      }
      released += eldest.getValue().events.size();
      emit(eldest.getKey(), eldest.getValue(), sink);
      closed.add(eldest.getKey());
      it.remove();
    }
    return released;
  }

  private static void emit(String sessionId, Group g, Sink sink) {
    if (inTurnOrder(g.turns)) {
      // The published table lists a session's rows in turn order: nothing to sort.
      sink.accept(sessionId, g.firstRow, g.events, g.intents);
      return;
    }
    List<Integer> order = new ArrayList<>(g.events.size());
    for (int i = 0; i < g.events.size(); i++) {
      order.add(i);
    }
    // Stable: rows with equal or missing turn numbers keep their table order.
    order.sort(Comparator.comparingLong(g.turns::get));
    List<Event> events = new ArrayList<>(order.size());
    for (int i : order) {
      events.add(g.events.get(i));
    }
    sink.accept(sessionId, g.firstRow, events, g.intents);
  }

  private static boolean inTurnOrder(List<Long> turns) {
    for (int i = 1; i < turns.size(); i++) {
      if (turns.get(i) < turns.get(i - 1)) {
        return false;
      }
    }
    return true;
  }
}
