package dev.personas.load.swechat;

import dev.personas.load.ReadReport;
import dev.personas.load.SessionReader;
import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the SWE-chat dataset as published (see {@link DatasetLayout} for the accepted layouts):
 * the sessions table gives each session's user, repository and agent; the conversations table,
 * streamed, gives its events; a session with a transcript and no conversation rows is read from
 * its transcript by the Claude Code reader passed in. Sessions come out in conversations-table
 * order, then the transcript-only ones in id order.
 */
public final class SweChatReader implements SessionReader {
  /** Rows after which a session with no new rows is taken as complete (see ConversationGroups). */
  static final int WINDOW_ROWS = 200_000;
  /** Events held at most while sessions are being assembled (about 100 bytes each). */
  static final int MAX_BUFFERED_EVENTS = 1_000_000;

  private final SessionReader transcriptReader;
  private final TableReader tables = new TableReader();

  /**
   * @param transcriptReader reads one Claude Code transcript file (`transcripts/<id>.jsonl`) into
   *     sessions; its user and repo ids are replaced by the sessions table's
   */
  public SweChatReader(SessionReader transcriptReader) {
    this.transcriptReader = Objects.requireNonNull(transcriptReader, "transcriptReader");
  }

  @Override
  public void read(Path path, Consumer<Session> sink, ReadReport report) {
    if (!Files.isDirectory(path)) {
      report.skip(path, 0, "not a folder; a SWE-chat dataset is a folder of tables and transcripts");
      return;
    }
    DatasetLayout layout;
    try {
      layout = DatasetLayout.of(path);
    } catch (UncheckedIOException e) {
      report.skip(path, 0, "cannot be listed: " + e.getMessage());
      return;
    }
    if (layout.isEmpty()) {
      report.skip(path, 0, "holds no sessions or conversations table and no transcripts/ folder");
      return;
    }
    Map<String, SessionInfo> infos = sessions(layout.sessions(), report);
    Set<String> done = new HashSet<>();
    new ConversationGroups(WINDOW_ROWS, MAX_BUFFERED_EVENTS).read(layout.conversations(),
        (id, firstRow, events) -> {
          done.add(id);
          SessionInfo info = infos.get(id);
          sink.accept(fromRows(id, info, firstRow, events));
          report.sessionRead();
        }, report);
    Set<String> rest = new TreeSet<>(infos.keySet());
    rest.addAll(layout.transcripts().keySet());
    rest.removeAll(done);
    for (String id : rest) {
      Path transcript = layout.transcripts().get(id);
      SessionInfo info = infos.get(id);
      if (transcript != null) {
        transcriptReader.read(transcript, s -> sink.accept(relabel(s, info)), report);
      } else {
        report.skip(info.file(), info.row(),
            "session " + id + " has no conversation rows and no transcript");
      }
    }
  }

  private Map<String, SessionInfo> sessions(List<Path> files, ReadReport report) {
    Map<String, SessionInfo> byId = new TreeMap<>();
    for (Path file : files) {
      tables.read(file, row -> {
        try {
          SessionInfo info = SessionInfo.of(row);
          if (byId.putIfAbsent(info.id(), info) != null) {
            report.skip(row.file(), row.number(), "session " + info.id() + " listed twice");
          }
        } catch (Row.BadRowException e) {
          report.skip(row.file(), row.number(), e.getMessage());
        }
      }, report);
    }
    return byId;
  }

  /** A session from its conversation rows; ids from the sessions table when it lists it. */
  private static Session fromRows(String id, SessionInfo info, Row firstRow, List<Event> events) {
    String userId = info != null ? info.userId() : firstRow.textOrEmpty("user_id");
    String repoId = info != null ? info.repoId() : firstRow.textOrEmpty("repo_id");
    Agent agent = info != null ? info.agent() : Agent.OTHER;
    List<Event> withTokens = info == null ? events : sessionTokens(events, info);
    Instant start = null;
    Instant end = null;
    for (Event e : withTokens) {
      if (e.timestamp() != null) {
        start = start == null || e.timestamp().isBefore(start) ? e.timestamp() : start;
        end = end == null || e.timestamp().isAfter(end) ? e.timestamp() : end;
      }
    }
    if (start == null && info != null) {
      start = info.createdAt();
      end = start;
    }
    return new Session(id, userId, repoId, agent, firstRow.file(), start, end, withTokens,
        List.of(), null, List.of());
  }

  /**
   * When the conversation rows carry no token counts but the sessions table does, the session's
   * totals go on its first assistant event, so per-session sums stay right.
   */
  private static List<Event> sessionTokens(List<Event> events, SessionInfo info) {
    boolean rowsHaveTokens = events.stream().anyMatch(e -> e.inputTokens() > 0 || e.outputTokens() > 0);
    if (rowsHaveTokens || info.inputTokens() + info.outputTokens() == 0) {
      return events;
    }
    List<Event> out = new ArrayList<>(events);
    for (int i = 0; i < out.size(); i++) {
      Event e = out.get(i);
      if (e.kind() == EventKind.ASSISTANT_TEXT || e.kind() == EventKind.TOOL_CALL
          || e.kind() == EventKind.THINKING) {
        out.set(i, new Event(e.kind(), e.timestamp(), e.textLength(), e.text(), e.toolName(),
            e.command(), e.filePath(), e.isError(), info.inputTokens(), info.outputTokens()));
        break;
      }
    }
    return out;
  }

  /** A transcript's session with the user, repo and agent of the sessions table. */
  private static Session relabel(Session s, SessionInfo info) {
    if (info == null) {
      return s;
    }
    return new Session(s.id(), info.userId(), info.repoId(),
        info.agent() == Agent.OTHER ? s.agent() : info.agent(), s.source(), s.start(), s.end(),
        s.events(), s.subagentEvents(), s.parentId(), s.subagentIds());
  }
}
