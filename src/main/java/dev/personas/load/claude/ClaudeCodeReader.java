package dev.personas.load.claude;

import com.fasterxml.jackson.core.JsonParser;
import dev.personas.load.JsonLines;
import dev.personas.load.LogFiles;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionReader;
import dev.personas.load.Timestamps;
import dev.personas.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads Claude Code session logs: a folder searched recursively (the layout of
 * {@code ~/.claude/projects/<project>/<sessionId>.jsonl}) or single {@code .jsonl} /
 * {@code .jsonl.gz} files. Each session file becomes one {@link Session} with user "local",
 * repo id the project folder's name, and its subagent transcripts attached (new layout
 * {@code <sessionId>/subagents/agent-*.jsonl}, old layout {@code agent-*.jsonl} beside the
 * session file, which name their parent in {@code sessionId}). A subagent file whose parent is
 * absent is reported and skipped; a session file without conversation is counted as empty.
 *
 * <p>Within a project folder, sessions are read oldest first (by their first timestamp) and
 * every line's uuid is remembered, so a resumed session replaying earlier messages counts them
 * once, and names the session it replays as its parent.
 */
public final class ClaudeCodeReader implements SessionReader {

  private static final int PEEK_LINES = 50;

  @Override
  public void read(Path path, Consumer<Session> sink, ReadReport report) {
    for (Part part : parts(path, report)) {
      part.read(sink, report);
    }
  }

  /** One part per project folder: a project's sessions depend on one another, projects do not. */
  @Override
  public List<Part> parts(Path path, ReadReport report) {
    try {
      if (!Files.exists(path)) {
        report.skip(path, 0, "not found, skipped");
        return List.of();
      }
      if (Files.isDirectory(path)) {
        return parts(path, LogFiles.jsonl(path, report), report);
      }
      Map<Path, Project> projects = new TreeMap<>();
      classify(path, projects);
      addNewLayoutSubagents(path, projects);
      return parts(path, projects);
    } catch (RuntimeException e) {
      report.skip(path, 0, "could not read (" + e + "), skipped");
      return List.of();
    }
  }

  /** The files of a folder's listing that are Claude Code's, one part per project folder. */
  @Override
  public List<Part> parts(Path dir, List<Path> files, ReadReport report) {
    Map<Path, Project> projects = new TreeMap<>();
    for (Path file : files) {
      classify(file, projects);
    }
    return parts(dir, projects);
  }

  private List<Part> parts(Path path, Map<Path, Project> projects) {
    List<Part> parts = new ArrayList<>();
    projects.forEach((dir, files) -> parts.add((sink, into) -> readProject(path, dir, files, sink, into)));
    return parts;
  }

  /** A session file also reads its own subagents' transcripts, {@code <sessionId>/subagents/**}. */
  @Override
  public List<Path> roots(Path path) {
    return path.getParent() == null ? List.of(path) : List.of(path, subagentsOf(path));
  }

  /** The files of one project folder: session files and subagent files. */
  private static final class Project {
    final List<Path> sessions = new ArrayList<>();
    /** New layout: parent session id (folder name) → subagent files. */
    final Map<String, List<Path>> subagentsByParent = new TreeMap<>();
    /** Old layout: subagent files beside the sessions, parent known only from their lines. */
    final List<Path> looseSubagents = new ArrayList<>();
  }

  private static void classify(Path file, Map<Path, Project> projects) {
    String stem = LogFiles.stem(file);
    Path parent = file.toAbsolutePath().getParent();
    Path subagents = subagentsFolder(parent);
    if (subagents != null) {
      // Everything under <sessionId>/subagents/ belongs to that session: its subagents' transcripts
      // (agent-*.jsonl, also nested as in subagents/workflows/<run>/) and the workflow runner's own
      // bookkeeping (journal.jsonl: start and result records, no conversation), which is no session.
      if (stem.startsWith("agent-")) {
        Path sessionDir = subagents.getParent();
        projects.computeIfAbsent(sessionDir.getParent(), p -> new Project()).subagentsByParent
            .computeIfAbsent(sessionDir.getFileName().toString(), k -> new ArrayList<>()).add(file);
      }
    } else if (stem.startsWith("agent-")) {
      projects.computeIfAbsent(parent, p -> new Project()).looseSubagents.add(file);
    } else {
      projects.computeIfAbsent(parent, p -> new Project()).sessions.add(file);
    }
  }

  /**
   * The nearest folder named "subagents" at most three levels above a file (subagents/,
   * subagents/workflows/<run>/) that sits in a session folder inside a project folder, or null.
   */
  private static Path subagentsFolder(Path dir) {
    Path at = dir;
    for (int up = 0; up < 3 && at != null; up++, at = at.getParent()) {
      if (at.getFileName() != null && at.getFileName().toString().equals("subagents")
          && at.getParent() != null && at.getParent().getParent() != null) {
        return at;
      }
    }
    return null;
  }

  /** Where a session file's own subagent transcripts live (new layout). */
  private static Path subagentsOf(Path file) {
    return file.toAbsolutePath().getParent().resolve(LogFiles.stem(file)).resolve("subagents");
  }

  private static void addNewLayoutSubagents(Path file, Map<Path, Project> projects) {
    Path dir = subagentsOf(file);
    if (Files.isDirectory(dir)) {
      for (Path sub : LogFiles.jsonl(dir, new ReadReport())) {
        classify(sub, projects);
      }
    }
  }

  private void readProject(Path path, Path dir, Project files, Consumer<Session> sink, ReadReport report) {
    try {
      readProject(dir, files, sink, report);
    } catch (dev.personas.PersonasException e) {
      throw e; // the sink's own failure, not the log's
    } catch (RuntimeException e) {
      // The contract: nothing escapes. A bug here still leaves a located report line.
      report.skip(path, 0, "could not read (" + e + "), skipped");
    }
  }

  private void readProject(Path dir, Project files, Consumer<Session> sink, ReadReport report) {
    String repoId = dir == null || dir.getFileName() == null ? "" : dir.getFileName().toString();
    Map<String, List<Path>> subagents = new TreeMap<>(files.subagentsByParent);
    for (Path loose : files.looseSubagents) {
      String parent = peek(loose).sessionId;
      String key = parent == null ? "" : parent;
      subagents.computeIfAbsent(key, k -> new ArrayList<>()).add(loose);
    }
    List<Head> sessions = new ArrayList<>();
    for (Path file : files.sessions) {
      Head head = peek(file);
      head.file = file;
      sessions.add(head);
    }
    // Oldest first, so the original keeps the lines a later resumed session replays.
    sessions.sort(Comparator.comparing((Head h) -> h.first, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(h -> h.file.toString()));
    ClaudeSessionBuilder.Project project = new ClaudeSessionBuilder.Project();
    ClaudeLine line = new ClaudeLine();
    for (Head head : sessions) {
      String name = LogFiles.stem(head.file);
      String id = sessionId(name, head.sessionId);
      ClaudeSessionBuilder builder = new ClaudeSessionBuilder(project, id);
      boolean readable = JsonLines.read(head.file, handler(line, builder, false), report);
      for (String key : id.equals(name) ? List.of(name) : List.of(name, id)) {
        for (Path sub : subagents.getOrDefault(key, List.of())) {
          builder.subagent(LogFiles.stem(sub).substring("agent-".length()));
          JsonLines.read(sub, handler(line, builder, true), report);
        }
        subagents.remove(key);
      }
      if (builder.isEmpty()) {
        if (readable) {
          report.emptySession(head.file); // an unreadable file is already reported
        }
      } else {
        Session session = builder.build(repoId, head.file);
        report.sessionRead(session);
        sink.accept(session);
      }
    }
    for (Map.Entry<String, List<Path>> orphan : subagents.entrySet()) {
      for (Path sub : orphan.getValue()) {
        report.skip(sub, 0, orphan.getKey().isEmpty()
            ? "subagent transcript that names no parent session, skipped"
            : "subagent transcript whose parent session " + orphan.getKey() + " is not here, skipped");
      }
    }
  }

  private static JsonLines.Handler handler(ClaudeLine line, ClaudeSessionBuilder builder, boolean subagent) {
    return new JsonLines.Handler() {
      @Override
      public void parse(JsonParser parser) throws java.io.IOException {
        line.parse(parser);
      }

      @Override
      public boolean scan(byte[] bytes, int from, int to) {
        return line.scan(bytes, from, to);
      }

      @Override
      public boolean accept(long lineNumber) {
        return builder.accept(line, subagent);
      }
    };
  }

  /** What the head of a file says: its first timestamp and session id. */
  private static final class Head {
    Path file;
    Instant first;
    String sessionId;
  }

  private static final java.util.regex.Pattern UUID =
      java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * A session's id: its file's name, as Claude Code names a session's file after it; for a file
   * named otherwise (Entire keeps every session as {@code full.jsonl}; a copy renamed by hand),
   * the session its lines name, when they name one.
   */
  static String sessionId(String fileName, String named) {
    return UUID.matcher(fileName).matches() || named == null || named.isEmpty() ? fileName : named;
  }

  private static Head peek(Path file) {
    Head head = new Head();
    ClaudeLine line = new ClaudeLine();
    JsonLines.glance(file, PEEK_LINES, new JsonLines.Handler() {
      @Override
      public void parse(JsonParser parser) throws java.io.IOException {
        line.parse(parser);
      }

      @Override
      public boolean scan(byte[] bytes, int from, int to) {
        return line.scan(bytes, from, to);
      }

      @Override
      public boolean accept(long lineNumber) {
        if (head.first == null) {
          head.first = Timestamps.parse(line.timestamp);
        }
        if (head.sessionId == null) {
          head.sessionId = line.sessionId;
        }
        return true;
      }
    }, () -> head.first != null && head.sessionId != null);
    return head;
  }
}
