package dev.personas.load.swechat;

import dev.personas.PersonasException;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionReader;
import dev.personas.session.Agent;
import dev.personas.session.Annotations;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the SWE-chat dataset as published (see {@link DatasetLayout} for the accepted layouts):
 * the sessions table gives each session's user, repository, agent and the authors' annotations;
 * the repositories table gives repository names; the conversations table, streamed, gives each
 * session's events and prompt intents; a session with a transcript and no conversation rows is
 * read from its transcript by the Claude Code reader passed in. Sessions come out in
 * conversations-table order, then the transcript-only ones in id order.
 *
 * <p>By default it leaves out what the SWE-chat paper's analyses leave out (RESEARCH.md §2): the
 * repository whose prompts are machine-generated, and, when the dataset has a conversations
 * table, the sessions without conversation rows. Each is counted in the read report.
 */
public final class SweChatReader implements SessionReader {
  /** Rows after which a session with no new rows is taken as complete (see ConversationGroups). */
  static final int WINDOW_ROWS = 200_000;
  /** Events held at most while sessions are being assembled (about 100 bytes each). */
  static final int MAX_BUFFERED_EVENTS = 1_000_000;
  /** Repositories whose prompts a program wrote, not a person (names as the repositories table). */
  public static final Set<String> MACHINE_GENERATED = Set.of("dayhaysoos/nimbus");
  /** Why sessions without conversation rows are left out, as the read report counts them. */
  static final String NO_ROWS = "without conversation rows";

  private final SessionReader transcriptReader;
  private final boolean keepExcluded;
  private final TableReader tables = new TableReader();

  /**
   * @param transcriptReader reads one Claude Code transcript file (`transcripts/<id>.jsonl`) into
   *     sessions; its user and repo ids are replaced by the sessions table's
   * @param keepExcluded true to read the sessions the paper leaves out as well
   */
  public SweChatReader(SessionReader transcriptReader, boolean keepExcluded) {
    this.transcriptReader = Objects.requireNonNull(transcriptReader, "transcriptReader");
    this.keepExcluded = keepExcluded;
  }

  /** A reader that leaves out what the paper leaves out. */
  public SweChatReader(SessionReader transcriptReader) {
    this(transcriptReader, false);
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
    requireKey(layout.sessions(), "session_id", "the sessions table");
    requireKey(layout.conversations(), "session_id", "the conversations table");
    requireKey(layout.repositories(), "repo_id", "the repositories table");
    Map<String, SessionInfo> infos = people(sessions(layout.sessions(), report), report);
    Map<String, String> excludedRepos = keepExcluded
        ? Map.of() : machineGenerated(layout.repositories(), report);
    // A session's row of the sessions table is let go once its conversation is read (a release
    // of 580,000 sessions holds about 150 MB of them); only ids that also have a transcript are
    // remembered, so the transcript is not read a second time.
    Set<String> doneWithTranscript = new HashSet<>();
    boolean[] hasRows = {false};
    boolean tableListsSessions = !infos.isEmpty();
    boolean whole = new ConversationGroups(WINDOW_ROWS, MAX_BUFFERED_EVENTS).read(layout.conversations(),
        (id, firstRow, events, intents) -> {
          hasRows[0] = true;
          if (layout.transcripts().containsKey(id)) {
            doneWithTranscript.add(id);
          }
          SessionInfo info = infos.remove(id);
          if (info == null && tableListsSessions) {
            report.note(ONLY_IN_CONVERSATIONS);
          }
          String repo = info != null ? info.repoId() : firstRow.textOrEmpty("repo_id");
          if (excludedRepos.containsKey(repo)) {
            report.exclude(machineGeneratedReason(excludedRepos.get(repo)));
            return;
          }
          sink.accept(fromRows(id, info, firstRow, events, intents, report));
          report.sessionRead();
        }, report);
    Set<String> rest = new TreeSet<>(infos.keySet());
    rest.addAll(layout.transcripts().keySet());
    rest.removeAll(doneWithTranscript);
    // Only a conversations table that gave rows makes a session without rows an exception; when
    // it is missing or unreadable, transcripts are all there is. A table cut short is neither:
    // the rows of a session not reached may be in the part lost, so it is not one the paper
    // leaves out.
    long unreached = 0;
    for (String id : rest) {
      Path transcript = layout.transcripts().get(id);
      SessionInfo info = infos.get(id);
      if (info != null && excludedRepos.containsKey(info.repoId())) {
        report.exclude(machineGeneratedReason(excludedRepos.get(info.repoId())));
      } else if (hasRows[0] && !keepExcluded && !whole) {
        unreached++;
        report.skip(info != null ? info.file() : transcript, info != null ? info.row() : 0,
            "session " + id + " has no rows in the part of the conversations table that could be read");
      } else if (hasRows[0] && !keepExcluded) {
        report.exclude(NO_ROWS);
      } else if (transcript != null) {
        transcriptReader.read(transcript, s -> sink.accept(relabel(s, info)), report);
      } else {
        report.skip(info.file(), info.row(),
            "session " + id + " has no conversation rows and no transcript");
      }
    }
    if (unreached > 0) {
      report.note(String.format(Locale.ROOT, "%,d", unreached) + (unreached == 1 ? " session" : " sessions")
          + " of the sessions table had no rows in the part of the conversations table that could be"
          + " read, so " + (unreached == 1 ? "it is" : "they are") + " left out as unreadable (not as"
          + " sessions without conversation rows)");
    }
  }

  private static String machineGeneratedReason(String name) {
    return "of " + name + " (machine-generated prompts)";
  }

  /** A table without its key column cannot be joined: one sentence, and the build stops. */
  private void requireKey(List<Path> files, String key, String table) {
    for (Path file : files) {
      Set<String> columns = tables.columns(file);
      if (!columns.isEmpty() && !columns.contains(key)) {
        throw PersonasException.failure(file + " has no " + key + " column, the key " + table
            + " is joined on (its columns: " + String.join(", ", columns)
            + "); point --dataset at a SWE-chat release or rename the column.");
      }
    }
  }

  private Map<String, SessionInfo> sessions(List<Path> files, ReadReport report) {
    Map<String, SessionInfo> byId = new TreeMap<>();
    for (Path file : files) {
      tables.read(file, SessionInfo.COLUMNS, row -> {
        try {
          SessionInfo info = SessionInfo.of(row, report);
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

  /**
   * A release without user ids (the authors' loader names none) must not put everyone into one
   * person: each repository's sessions are then taken as one person's, and the report says so
   * (sessions the table does not list are grouped the same way in {@link #fromRows}).
   */
  private static Map<String, SessionInfo> people(Map<String, SessionInfo> infos, ReadReport report) {
    if (infos.isEmpty() || infos.values().stream().anyMatch(i -> !i.userId().isEmpty())) {
      return infos;
    }
    report.note(NO_USER_IDS);
    Map<String, SessionInfo> byRepo = new TreeMap<>();
    infos.forEach((id, info) -> byRepo.put(id, info.withUserId(repoPerson(info.repoId()))));
    return byRepo;
  }

  /** What every summary says when the sessions table names no user. */
  public static final String NO_USER_IDS = "the dataset has no user_id, so each repository's"
      + " sessions are taken as one person's (people are repositories here)";

  /** What the summary says when conversation rows name a session the sessions table does not list. */
  public static final String ONLY_IN_CONVERSATIONS = "sessions found only in the conversations table are read"
      + " from their rows (user and repository as the rows name them, no annotations)";

  /** What the summary says when some sessions name no user and others do. */
  public static final String SOME_WITHOUT_USER_ID = "sessions without a user_id are each taken as their"
      + " repository's person (named \"repository\" and the repository's id)";

  private static String repoPerson(String repoId) {
    return repoId.isEmpty() ? "unknown repository" : "repository " + repoId;
  }

  /** Repository ids whose name is in {@link #MACHINE_GENERATED}, with that name. */
  private Map<String, String> machineGenerated(List<Path> files, ReadReport report) {
    Map<String, String> ids = new TreeMap<>();
    for (Path file : files) {
      tables.read(file, Set.of("name", "repo_id"), row -> {
        String name = row.textOrEmpty("name").trim().toLowerCase(Locale.ROOT);
        if (MACHINE_GENERATED.contains(name)) {
          ids.put(row.textOrEmpty("repo_id"), name);
        }
      }, report);
    }
    // A release without a repositories table may use the name as the id.
    MACHINE_GENERATED.forEach(name -> ids.putIfAbsent(name, name));
    return ids;
  }

  /** A session from its conversation rows; ids from the sessions table when it lists it. */
  private static Session fromRows(String id, SessionInfo info, Row firstRow, List<Event> events,
      Map<String, Integer> intents, ReadReport report) {
    String userId = info != null ? info.userId() : firstRow.textOrEmpty("user_id");
    if (userId.isEmpty()) {
      // Said of the whole dataset only where it is found to lack them all ({@link #people}).
      if (!report.hasNote(NO_USER_IDS)) {
        report.note(SOME_WITHOUT_USER_ID);
      }
      userId = repoPerson(info != null ? info.repoId() : firstRow.textOrEmpty("repo_id"));
    }
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
    Annotations annotations = (info == null ? Annotations.NONE : info.annotations())
        .withPromptIntents(intents);
    return new Session(id, userId, repoId, agent, firstRow.file(), start, end, withTokens,
        List.of(), null, List.of(), annotations);
  }

  /**
   * When the conversation rows carry no token counts but the sessions table does, the session's
   * totals go on its first assistant event, so per-session sums stay right.
   */
  private static List<Event> sessionTokens(List<Event> events, SessionInfo info) {
    if (info.inputTokens() + info.outputTokens() == 0) {
      return events;
    }
    for (Event e : events) {
      if (e.inputTokens() > 0 || e.outputTokens() > 0) {
        return events; // the rows have their own
      }
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
        s.events(), s.subagentEvents(), s.parentId(), s.subagentIds(), info.annotations());
  }
}
