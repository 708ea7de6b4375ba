package dev.personas.load.codex;

import com.fasterxml.jackson.core.JsonParser;
import dev.personas.PersonasException;
import dev.personas.load.JsonLines;
import dev.personas.load.LogFiles;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionReader;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Codex CLI rollout logs: {@code ~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl(.gz)}, a
 * folder searched recursively or single files. Each rollout file is one session (a resumed
 * session appends to its file); files are read in path order, which is oldest first, so a
 * forked session's replay of its parent is recognised and not counted twice
 * (see {@link CodexSessionBuilder}). Copies of one session in several files (Entire's
 * checkpoints, a backup) are read one after another, longest first ({@link CodexCopies}), into
 * one session: a shorter copy's items add nothing, and what a copy alone kept joins the session.
 *
 * <p>A thread the agent spawned ({@code spawn_agent}) is written to a rollout of its own, which
 * names the thread that spawned it. Its work is the session's, as a Claude Code subagent's is: its
 * events join the spawning session's subagent events (a thread it spawned in turn, the same
 * session's). A session that spawned threads is handed on once as many threads as it spawned have
 * been read, or at the end; the sessions read after it wait behind it, so they are handed on in
 * reading order. A spawned thread whose session is not among the files read is left out and
 * counted, as a guardian's review is.
 */
public final class CodexReader implements SessionReader {

  @Override
  public void read(Path path, Consumer<Session> sink, ReadReport report) {
    if (!Files.exists(path)) {
      report.skip(path, 0, "not found, skipped");
      return;
    }
    read(path, Files.isDirectory(path) ? LogFiles.jsonl(path, report) : List.of(path), sink, report);
  }

  /** The files of a folder's listing that are Codex rollouts, read together as one part. */
  @Override
  public List<Part> parts(Path dir, List<Path> files, ReadReport report) {
    return List.of((sink, into) -> read(dir, files, sink, into));
  }

  private void read(Path path, List<Path> files, Consumer<Session> sink, ReadReport report) {
    Spawns spawns = new Spawns(sink, report);
    try {
      CodexCopies.Ordered ordered = CodexCopies.longestFirst(files);
      List<Path> inOrder = ordered.files();
      List<String> keys = ordered.ids();
      CodexSessionBuilder.Run run = new CodexSessionBuilder.Run();
      CodexLine line = new CodexLine();
      Reading reading = null;
      for (int i = 0; i < inOrder.size(); i++) {
        Path file = inOrder.get(i);
        String key = keys.get(i);
        if (key != null && reading != null && key.equals(reading.key)) {
          // A copy read right after the longest of its session: what it holds beyond that joins the
          // session, which is counted once.
          reading.builder.joinCopy();
          JsonLines.read(file, handler(line, reading.builder), report);
          report.sessionCopy(file);
          continue;
        }
        finish(reading, spawns, report);
        CodexSessionBuilder builder = new CodexSessionBuilder(run, fallbackId(file));
        boolean readable = JsonLines.read(file, handler(line, builder), report);
        reading = new Reading(key, file, builder, readable);
      }
      finish(reading, spawns, report);
      spawns.finish();
    } catch (PersonasException e) {
      throw e; // the sink's own failure, not the log's
    } catch (RuntimeException e) {
      report.skip(path, 0, "could not read (" + e + "), skipped");
      spawns.finish(); // the sessions read before, some waiting for their threads, are still read
    }
  }

  /** The session being read: its session id (null when not known), its first file, its builder. */
  private record Reading(String key, Path file, CodexSessionBuilder builder, boolean readable) {}

  private static JsonLines.Handler handler(CodexLine line, CodexSessionBuilder builder) {
    return new JsonLines.Handler() {
      @Override
      public void parse(JsonParser parser) throws IOException {
        line.parse(parser);
      }

      @Override
      public boolean accept(long lineNumber) {
        return builder.accept(line);
      }
    };
  }

  /** Hands the session read on, once its copies are read too. */
  private static void finish(Reading reading, Spawns spawns, ReadReport report) {
    if (reading == null) {
      return;
    }
    CodexSessionBuilder builder = reading.builder;
    Session session = builder.build(reading.file);
    if (builder.startedBySubagent()) {
      report.subagentSession(reading.file);
    } else if (builder.spawnedBy() != null) {
      if (!spawns.attach(builder.spawnedBy(), session)) {
        report.subagentSession(reading.file);
      }
    } else if (session.events().isEmpty()) {
      if (reading.readable) {
        report.emptySession(reading.file); // an unreadable file is already reported
      }
    } else {
      spawns.add(session);
    }
  }

  /** Sessions on their way to the sink, in reading order, each waiting for the threads it spawned. */
  private static final class Spawns {
    private final Consumer<Session> sink;
    private final ReadReport report;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    /** The waiting session of each thread id: a session's own, and those of threads it spawned. */
    private final Map<String, Waiting> byThread = new HashMap<>();

    Spawns(Consumer<Session> sink, ReadReport report) {
      this.sink = sink;
      this.report = report;
    }

    void add(Session session) {
      Waiting w = new Waiting(session, spawnCalls(session));
      queue.add(w);
      if (w.due > 0) {
        byThread.put(session.id(), w);
      }
      flush();
    }

    /** Adds a spawned thread's work to the session that spawned it; false when none was read. */
    boolean attach(String spawner, Session thread) {
      Waiting w = byThread.get(spawner);
      if (w == null || w.sent) {
        return false; // its session was not read, or was handed on: more threads than spawn calls
      }
      w.events.addAll(thread.events());
      w.events.addAll(thread.subagentEvents());
      w.ids.add(thread.id());
      w.ids.addAll(thread.subagentIds());
      w.start = earlier(w.start, thread.start());
      w.end = later(w.end, thread.end());
      int spawned = spawnCalls(thread);
      w.due += spawned - 1;
      if (spawned > 0) {
        byThread.put(thread.id(), w);
      }
      flush();
      return true;
    }

    void finish() {
      queue.forEach(w -> w.due = 0);
      flush();
    }

    private void flush() {
      while (!queue.isEmpty() && queue.peek().due <= 0) {
        Waiting w = queue.poll();
        w.sent = true;
        Session session = w.session();
        report.sessionRead(session);
        sink.accept(session);
      }
    }

    private static int spawnCalls(Session session) {
      int n = 0;
      for (Event e : session.events()) {
        n += e.kind() == EventKind.TOOL_CALL && SPAWN.equals(e.toolName()) ? 1 : 0;
      }
      return n;
    }

    private static Instant earlier(Instant a, Instant b) {
      return a == null || b != null && b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
      return a == null || b != null && b.isAfter(a) ? b : a;
    }
  }

  /** The tool Codex's agent calls to spawn a thread. */
  private static final String SPAWN = "spawn_agent";

  /** A session and the spawned threads' work gathered for it so far. */
  private static final class Waiting {
    private final Session read;
    private final List<Event> events = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private Instant start;
    private Instant end;
    /** Spawned threads not read yet. */
    private int due;
    private boolean sent;

    Waiting(Session read, int due) {
      this.read = read;
      this.due = due;
      this.events.addAll(read.subagentEvents());
      this.ids.addAll(read.subagentIds());
      this.start = read.start();
      this.end = read.end();
    }

    Session session() {
      if (ids.size() == read.subagentIds().size()) {
        return read;
      }
      return new Session(read.id(), read.userId(), read.repoId(), read.agent(), read.source(), start, end,
          read.events(), events, read.parentId(), ids, read.annotations());
    }
  }

  /** The session id in a rollout file name ({@code rollout-2025-09-01T10-00-00-<uuid>}). */
  static String fallbackId(Path file) {
    String stem = LogFiles.stem(file);
    if (stem.startsWith("rollout-") && stem.length() >= 36) {
      String tail = stem.substring(stem.length() - 36);
      if (tail.charAt(8) == '-' && tail.charAt(13) == '-') {
        return tail;
      }
    }
    return stem;
  }
}
