package dev.personas.load;

import dev.personas.Futures;
import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.load.codex.CodexReader;
import dev.personas.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads sessions from any number of paths, each with the reader its format needs (detected from
 * the path unless the caller forces one). The readers are passed in: SWE-chat's reader lives in
 * {@code dev.personas.load.swechat} and is wired by whoever builds the loader, through
 * {@link #withReaders}.
 */
public final class SessionLoader {
  private final Map<SourceFormat, SessionReader> readers;

  /** A loader with the given readers; a format with no reader is reported, not read. */
  public SessionLoader(Map<SourceFormat, SessionReader> readers) {
    this.readers = new EnumMap<>(SourceFormat.class);
    this.readers.putAll(readers);
  }

  /** The Claude Code and Codex readers plus any others (the seam for SWE_CHAT). */
  public static SessionLoader withReaders(Map<SourceFormat, SessionReader> more) {
    Map<SourceFormat, SessionReader> all = new EnumMap<>(SourceFormat.class);
    all.put(SourceFormat.CLAUDE_CODE, new ClaudeCodeReader());
    all.put(SourceFormat.CODEX, new CodexReader());
    all.putAll(more);
    return new SessionLoader(all);
  }

  /**
   * Reads every path into the sink, one complete session at a time, and returns what happened.
   * Nothing throws: a path that is missing, of no known format, or of a format without a reader
   * is one plain sentence in the report.
   */
  public ReadReport load(List<Path> paths, Optional<SourceFormat> override, Consumer<Session> sink) {
    ReadReport report = new ReadReport();
    List<Given> givens = readOnce(paths, override);
    FirstPath once = new FirstPath(givens.size());
    for (Placed placed : parts(givens)) {
      placed.part().read(session -> {
        if (once.keeps(key(session), session.source(), placed.path(), report)) {
          sink.accept(session);
        }
      }, report);
    }
    noteForcedFormat(givens, override, report);
    return report;
  }

  /**
   * The same on up to {@code threads} threads: the independent parts of the read (a Claude Code
   * project folder) are read at the same time, and {@code work} runs on other threads while
   * reading goes on, so it must be safe to call from several threads at once. The sink gets the
   * results on the calling thread, in the order {@link #load(List, Optional, Consumer)} would
   * give them, and the report is the same, whatever the threads' timing. Few sessions wait for
   * work at a time (a reader that gets ahead does the work itself); a part's results wait until
   * the parts before it are done, so {@code work} should keep what is needed, not the session.
   */
  public <T> ReadReport load(List<Path> paths, Optional<SourceFormat> override, int threads,
      Function<Session, T> work, Consumer<T> sink) {
    ReadReport report = new ReadReport();
    List<Given> givens = readOnce(paths, override);
    List<Placed> parts = parts(givens);
    FirstPath once = new FirstPath(givens.size());
    if (threads <= 1) {
      for (Placed placed : parts) {
        placed.part().read(session -> {
          if (once.keeps(key(session), session.source(), placed.path(), report)) {
            sink.accept(work.apply(session));
          }
        }, report);
      }
      noteForcedFormat(givens, override, report);
      return report;
    }
    ExecutorService readers = Executors.newFixedThreadPool(Math.min(threads, parts.size()), named("reader"));
    ExecutorService workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(WAITING_PER_THREAD * threads), named("worker"),
        new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      List<Future<Done<T>>> running = new ArrayList<>();
      for (Placed placed : parts) {
        running.add(readers.submit(() -> {
          Done<T> done = new Done<>(new ArrayList<>(), new ArrayList<>(), new ReadReport());
          placed.part().read(session -> {
            FutureTask<Worked<T>> task = new FutureTask<>(() -> worked(session, work));
            done.results().add(task);
            done.sessions().add(new Read(key(session), session.source()));
            workers.execute(task);
          }, done.report());
          return done;
        }));
      }
      for (int p = 0; p < running.size(); p++) {
        Done<T> done = Futures.value(running.get(p));
        report.add(done.report());
        for (int r = 0; r < done.results().size(); r++) {
          // Decided here, in reading order, so the same path's copy is kept whatever the timing.
          Read read = done.sessions().get(r);
          if (!once.keeps(read.key(), read.source(), parts.get(p).path(), report)) {
            continue;
          }
          Worked<T> worked = Futures.value(done.results().get(r));
          if (worked.failure() == null) {
            sink.accept(worked.result());
          } else {
            report.skip(worked.failure().file(), 0, worked.failure().reason());
          }
        }
      }
      noteForcedFormat(givens, override, report);
      return report;
    } finally {
      readers.shutdownNow();
      workers.shutdownNow();
    }
  }

  /** Sessions waiting for work, per thread, before a reader does the work itself. */
  private static final int WAITING_PER_THREAD = 4;

  /** What one part read: its sessions' work and which sessions they were, in order, and its own report. */
  private record Done<T>(List<Future<Worked<T>>> results, List<Read> sessions, ReadReport report) {}

  /** A session read, as {@link FirstPath} needs it (not the session, which the work may let go). */
  private record Read(String key, Path source) {}

  /** A part of the read and the index of the path it reads. */
  private record Placed(int path, SessionReader.Part part) {}

  private static String key(Session session) {
    return session.agent() + " " + session.id();
  }

  /**
   * The same session read from two of the paths given (a folder and a copy of it elsewhere, a
   * symbolic link to it, ~/.claude/projects beside a ~/.config/claude linked to it) is one session:
   * the first path's is kept and the later one counted as a copy. Within one path the readers join
   * a session's copies themselves.
   */
  private static final class FirstPath {
    private final Map<String, Integer> pathOf = new HashMap<>();
    // One path holds no session twice: nothing to remember (a dataset's sessions can be many).
    private final boolean several;

    FirstPath(int paths) {
      several = paths > 1;
    }

    boolean keeps(String key, Path source, int path, ReadReport report) {
      if (!several) {
        return true;
      }
      Integer first = pathOf.putIfAbsent(key, path);
      if (first == null || first == path) {
        return true;
      }
      report.sessionCopy(source);
      return false;
    }
  }

  /** The work's result for one session, or why it failed (a bug: reported, not thrown). */
  private record Worked<T>(T result, ReadReport.Skip failure) {}

  private static <T> Worked<T> worked(Session session, Function<Session, T> work) {
    try {
      return new Worked<>(work.apply(session), null);
    } catch (dev.personas.PersonasException e) {
      throw e;
    } catch (RuntimeException e) {
      Path where = session.source() != null ? session.source() : Path.of(session.id());
      return new Worked<>(null, new ReadReport.Skip(where, 0,
          "could not be featurized (" + JsonLines.describe(e) + "), skipped"));
    }
  }

  private static ThreadFactory named(String role) {
    AtomicInteger count = new AtomicInteger();
    return run -> {
      Thread thread = new Thread(run, "personas-" + role + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Every path's parts in reading order, each part guarded so that a reader that throws (which
   * readers promise not to) leaves a report line and the other parts still load. What is found
   * while splitting a path (it cannot be read, a folder cannot be listed) is a part of its own,
   * so it lands in the report where reading the paths one by one would put it.
   */
  private List<Placed> parts(List<Given> givens) {
    List<Placed> parts = new ArrayList<>();
    for (int g = 0; g < givens.size(); g++) {
      ReadReport found = new ReadReport();
      parts.add(new Placed(g, (sink, into) -> into.add(found)));
      for (SessionReader.Part part : parts(givens.get(g), found)) {
        parts.add(new Placed(g, part));
      }
    }
    return parts;
  }

  private List<SessionReader.Part> parts(Given given, ReadReport found) {
    Path path = given.path();
    // A path the person gave that cannot be read is named in the summary, not only counted.
    if (!Files.exists(path)) {
      found.skip(path, 0, "not found: check the path, skipped");
      found.note(path + " was not found (check the path)");
      return List.of();
    }
    if (!Files.isReadable(path)) {
      found.skip(path, 0, "not readable: check its permissions, skipped");
      found.note(path + " could not be read (check its permissions)");
      return List.of();
    }
    if (given.format().isEmpty() && !Files.isDirectory(path) && !Files.isRegularFile(path)) {
      // A pipe or a device (/dev/stdin, <(…)) can be read only once: it cannot be looked at first.
      found.skip(path, 0, "not a file but a pipe or a device; save the log to a file and give that, skipped");
      return List.of();
    }
    if (given.format().isEmpty()) {
      Optional<String> entire = Files.isRegularFile(path) ? SourceFormat.entireAgent(path) : Optional.empty();
      found.skip(path, 0, entire.map(SessionLoader::otherAgentsTranscript).orElse("no Claude Code, Codex or SWE-chat logs found here"
          + " (use --format to say which it holds), skipped"));
      return List.of();
    }
    SessionReader reader = readers.get(given.format().get());
    if (reader == null) {
      found.skip(path, 0, "holds " + given.format().get().optionName() + " logs, which this build cannot read, skipped");
      return List.of();
    }
    List<SessionReader.Part> parts = new ArrayList<>();
    try {
      for (SessionReader.Part part : given.perLog() ? byAgent(path, found)
          : reader.parts(path, found)) {
        parts.add((sink, into) -> {
          try {
            part.read(sink, into);
          } catch (dev.personas.PersonasException e) {
            throw e;
          } catch (RuntimeException e) {
            // Readers promise not to throw; if one does, the other parts still load.
            into.skip(path, 0, "reading failed (" + JsonLines.describe(e) + "), skipped");
          }
        });
      }
    } catch (dev.personas.PersonasException e) {
      throw e;
    } catch (RuntimeException e) {
      found.skip(path, 0, "reading failed (" + JsonLines.describe(e) + "), skipped");
    }
    return parts;
  }

  /**
   * Logs read as the format {@code --format} named that held no conversation so, when they are
   * the other agent's by their place, name or first lines: the summary says so, since "held no
   * conversation" alone would hide that the format was wrong. Looked for only then, so no cost
   * otherwise; no path in the sentence, which reaches me.json.
   */
  private static void noteForcedFormat(List<Given> givens, Optional<SourceFormat> override, ReadReport report) {
    if (override.isEmpty() || report.emptySessions() == 0
        || override.get() != SourceFormat.CLAUDE_CODE && override.get() != SourceFormat.CODEX) {
      return;
    }
    SourceFormat other = override.get() == SourceFormat.CODEX ? SourceFormat.CLAUDE_CODE : SourceFormat.CODEX;
    long others = 0;
    for (Given given : givens) {
      Path path = given.normal();
      if (!Files.isReadable(path)) {
        continue;
      }
      for (Path file : Files.isDirectory(path) ? LogFiles.jsonl(path, new ReadReport()) : List.of(path)) {
        Path folder = Files.isDirectory(path) ? path : file.getParent();
        if (SourceFormat.ofLog(folder, file).equals(Optional.of(other))) {
          others++;
        }
      }
    }
    if (others > 0) {
      report.note(others + (others == 1 ? " log read as " : " logs read as ") + agent(override.get())
          + "'s, as --format said, " + (others == 1 ? "looks like a " + agent(other) + " log" : "look like "
          + agent(other) + " logs") + " (leave --format out to tell each log's agent)");
    }
  }

  /** What is said of an Entire transcript of another agent's session (Codex, OpenCode, …). */
  private static String otherAgentsTranscript(String agent) {
    return "an Entire transcript of " + agent + "'s session (of Entire's transcripts, only Claude Code's are read), skipped";
  }

  private static String agent(SourceFormat format) {
    return format == SourceFormat.CODEX ? "Codex" : "Claude Code";
  }

  /**
   * A folder whose format was told from its first logs may hold both agents' logs (copies kept
   * together, a backup of a whole home folder): each reader reads its own agent's, told log by log
   * as the finder tells them ({@link SourceFormat#ofLog}); a file that tells neither (another
   * tool's JSON Lines, a log with no conversation) is reported as the finder reports it. Claude
   * Code's logs come first, as in the finder.
   */
  private List<SessionReader.Part> byAgent(Path dir, ReadReport found) {
    Map<SourceFormat, List<Path>> logs = new EnumMap<>(SourceFormat.class);
    for (Path file : LogFiles.jsonl(dir, found)) {
      if (!Files.isReadable(file)) {
        found.skip(file, 0, "not readable: check its permissions, skipped");
        continue;
      }
      Optional<SourceFormat> format = SourceFormat.ofLog(dir, file).filter(readers::containsKey);
      if (format.isPresent()) {
        logs.computeIfAbsent(format.get(), f -> new ArrayList<>()).add(file);
      } else {
        found.skip(file, 0, SourceFormat.entireAgent(file).map(SessionLoader::otherAgentsTranscript)
            .orElse("neither a Claude Code nor a Codex log (no line looks like either), skipped"));
      }
    }
    List<SessionReader.Part> parts = new ArrayList<>();
    logs.forEach((format, files) -> parts.addAll(readers.get(format).parts(dir, files, found)));
    return parts;
  }

  /**
   * A path as given, with the format it is read as (empty: missing, unreadable or unknown) and
   * whether its logs' agents are told one by one (a folder told from its first logs).
   */
  private record Given(Path path, Path normal, Optional<SourceFormat> format, boolean perLog) {}

  /**
   * The paths left once those that another path's reader reads too are dropped: a path given
   * twice, a file inside a folder given too, a subagent transcript given beside its session.
   * Each file is then read, and reported, once; of two equal paths the first is kept.
   */
  private List<Given> readOnce(List<Path> paths, Optional<SourceFormat> override) {
    List<Given> all = new ArrayList<>();
    Map<Path, List<Integer>> readersOf = new HashMap<>();
    for (int j = 0; j < paths.size(); j++) {
      Path normal = paths.get(j).toAbsolutePath().normalize();
      // Detected once here: sniffing a folder walks it.
      Optional<SourceFormat> format = !Files.isReadable(normal) ? Optional.empty()
          : override.isPresent() ? override : SourceFormat.detect(normal);
      boolean perLog = override.isEmpty() && Files.isDirectory(normal) && SourceFormat.byPath(normal).isEmpty()
          && (format.equals(Optional.of(SourceFormat.CLAUDE_CODE)) || format.equals(Optional.of(SourceFormat.CODEX)));
      all.add(new Given(paths.get(j), normal, format, perLog));
      SessionReader reader = format.map(readers::get).orElse(null);
      for (Path root : reader == null ? List.of(normal) : reader.roots(normal)) {
        readersOf.computeIfAbsent(root, r -> new ArrayList<>()).add(j);
      }
    }
    List<Given> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!readByAnother(all, i, readersOf)) {
        kept.add(all.get(i));
      }
    }
    return kept;
  }

  /** True when another path's reader reads the i-th path: it or a folder above it is a root. */
  private static boolean readByAnother(List<Given> all, int i, Map<Path, List<Integer>> readersOf) {
    Path normal = all.get(i).normal();
    for (Path at = normal; at != null; at = at.getParent()) {
      for (int j : readersOf.getOrDefault(at, List.of())) {
        if (j != i && (j < i || !all.get(j).normal().equals(normal))) {
          return true;
        }
      }
    }
    return false;
  }
}
