package dev.personas.load.claude;

import com.fasterxml.jackson.core.JsonParser;
import dev.personas.load.JsonLines;
import dev.personas.load.LogFiles;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionReader;
import dev.personas.load.Timestamps;
import dev.personas.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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
    gatherCopies(projects);
    return parts(dir, projects);
  }

  /**
   * Copies of one session kept in several folders (Entire keeps the transcript as it was at each
   * checkpoint, each in a folder of its own; a backup beside the original) join the project folder
   * of the first, with their subagents, so that reading them longest first the others add nothing
   * and are counted as copies, not as sessions of their own. A file not named after its session
   * is looked at for the id its lines carry.
   */
  private static void gatherCopies(Map<Path, Project> projects) {
    Map<Path, Head> heads = new HashMap<>();
    // Entire's transcript.jsonl names no session, but its first prompt's id is the promptId of a
    // Claude Code log of the same session: a copy of one kept as full.jsonl, or the session's own
    // log in a project folder, is that session. Files named after their session are looked at
    // for it only when there is an Entire transcript to link.
    Map<String, String> sessionOfPrompt = new HashMap<>();
    boolean entire = false;
    for (boolean named : new boolean[] {false, true}) {
      for (Project project : projects.values()) {
        for (Path file : project.sessions) {
          String stem = LogFiles.stem(file);
          if (UUID.matcher(stem).matches() != named || named && !entire) {
            continue;
          }
          Head head = peek(file, true);
          heads.put(file, head);
          entire |= head.entire;
          if (!head.entire && head.sessionId != null && head.promptId != null) {
            sessionOfPrompt.putIfAbsent(head.promptId, sessionId(stem, head.sessionId));
          }
        }
      }
    }
    Map<String, Path> firstFolder = new HashMap<>();
    for (Map.Entry<Path, Project> entry : projects.entrySet()) {
      Project here = entry.getValue();
      Map<String, Project> movedTo = new HashMap<>();
      for (Iterator<Path> it = here.sessions.iterator(); it.hasNext();) {
        Path file = it.next();
        String name = LogFiles.stem(file);
        Head head = heads.get(file);
        if (head != null && head.entire && head.sessionId != null) {
          head.sessionId = sessionOfPrompt.getOrDefault(head.sessionId, head.sessionId);
        }
        String id = head == null || UUID.matcher(name).matches() ? name : sessionId(name, head.sessionId);
        Path first = firstFolder.putIfAbsent(id, entry.getKey());
        Project owner = first == null ? here : projects.get(first);
        if (head != null) {
          owner.heads.put(file, head);
        }
        if (owner != here) {
          owner.sessions.add(file);
          List<Path> subagents = here.subagentsByParent.remove(name);
          if (subagents != null) {
            owner.subagentsByParent.computeIfAbsent(name, k -> new ArrayList<>()).addAll(subagents);
          }
          movedTo.put(id, owner);
          it.remove();
        }
      }
      if (!movedTo.isEmpty()) {
        // Subagent transcripts beside the sessions (the old layout) name their session in their lines.
        for (Iterator<Path> it = here.looseSubagents.iterator(); it.hasNext();) {
          Path loose = it.next();
          Project there = movedTo.get(String.valueOf(peek(loose).sessionId));
          if (there != null) {
            there.looseSubagents.add(loose);
            it.remove();
          }
        }
      }
    }
  }

  private List<Part> parts(Path path, Map<Path, Project> projects) {
    List<Part> parts = new ArrayList<>();
    projects.forEach((dir, files) -> parts.add((sink, into) -> readProject(path, dir, files, sink, into)));
    return parts;
  }

  /** A session file also reads its own subagents' transcripts, {@code <sessionId>/subagents/**}. */
  @Override
  public List<Path> roots(Path path) {
    if (path.getParent() == null) {
      return List.of(path);
    }
    // The session's own folder, given beside it, is read through it too when all the logs it
    // holds are the session's subagents' (its other files, tool results, are no logs).
    Path subagents = subagentsOf(path);
    Path folder = subagents.getParent();
    if (Files.isRegularFile(path) && Files.isDirectory(folder)
        && LogFiles.jsonl(folder, new ReadReport()).stream().allMatch(log -> log.startsWith(subagents))) {
      return List.of(path, subagents, folder);
    }
    return List.of(path, subagents);
  }

  /** The files of one project folder: session files and subagent files. */
  private static final class Project {
    final List<Path> sessions = new ArrayList<>();
    /** New layout: parent session id (folder name) → subagent files. */
    final Map<String, List<Path>> subagentsByParent = new TreeMap<>();
    /** Old layout: subagent files beside the sessions, parent known only from their lines. */
    final List<Path> looseSubagents = new ArrayList<>();
    /** Session files' heads already read while gathering copies, so they are not read again. */
    final Map<Path, Head> heads = new HashMap<>();
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
      Head head = files.heads.containsKey(file) ? files.heads.get(file) : peek(file);
      head.file = file;
      sessions.add(head);
    }
    // Oldest first, so the original keeps the lines a later resumed session replays; copies of one
    // session longest first, so the shorter ones add nothing.
    sessions.sort(Comparator.comparing((Head h) -> h.first, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(h -> h.file.toString()));
    sessions = longestCopyFirst(sessions);
    ClaudeSessionBuilder.Project project = new ClaudeSessionBuilder.Project();
    ClaudeLine line = new ClaudeLine();
    Map<String, Path> longest = new HashMap<>();
    Reading reading = null;
    for (Head head : sessions) {
      String name = LogFiles.stem(head.file);
      String id = head.id;
      Path longer = longest.putIfAbsent(id, head.file);
      if (longer != null && (head.entire && head.sessionId != null && !gzipped(head.file, longer) || prefixOf(head.file, longer))) {
        // Its every byte is in the longer copy read before it; an Entire transcript's lines carry no
        // uuid to tell its replay, but one starting with the same prompt is the same session, and
        // Entire keeps it whole at each checkpoint: the longest copy holds the others.
        report.sessionCopy(head.file);
        continue;
      }
      if (longer != null && !head.entire && reading != null && reading.id.equals(id)) {
        // A copy that is not wholly in the longer one (a line damaged in one of them, a line only
        // one checkpoint kept) is still the same session: its lines the files read before held
        // add nothing, the others join the session, counted once. So do its own subagents'.
        reading.builder.joinCopy(reading.heldUuids());
        JsonLines.read(head.file, handler(line, reading.builder, false), report);
        for (Path sub : subagents.getOrDefault(name, List.of())) {
          reading.builder.subagent(LogFiles.stem(sub).substring("agent-".length()));
          JsonLines.read(sub, handler(line, reading.builder, true), report);
          reading.files.add(sub);
        }
        subagents.remove(name);
        reading.files.add(head.file);
        report.sessionCopy(head.file);
        continue;
      }
      finish(reading, repoId, sink, report);
      ClaudeSessionBuilder builder = new ClaudeSessionBuilder(project, id);
      boolean readable = JsonLines.read(head.file, handler(line, builder, false), report);
      reading = new Reading(id, head.file, builder, readable, new ArrayList<>(List.of(head.file)));
      for (String key : id.equals(name) ? List.of(name) : List.of(name, id)) {
        for (Path sub : subagents.getOrDefault(key, List.of())) {
          builder.subagent(LogFiles.stem(sub).substring("agent-".length()));
          JsonLines.read(sub, handler(line, builder, true), report);
          reading.files.add(sub);
        }
        subagents.remove(key);
      }
    }
    finish(reading, repoId, sink, report);
    for (Map.Entry<String, List<Path>> orphan : subagents.entrySet()) {
      for (Path sub : orphan.getValue()) {
        report.skip(sub, 0, orphan.getKey().isEmpty()
            ? "subagent transcript that names no parent session, skipped"
            : "subagent transcript whose parent session " + orphan.getKey() + " is not here, skipped");
      }
    }
  }

  /** The session being read: its first file, its builder, and every file read into it so far. */
  private static final class Reading {
    final String id;
    final Path file;
    final ClaudeSessionBuilder builder;
    final boolean readable;
    final List<Path> files;
    private final Set<String> held = new HashSet<>();

    Reading(String id, Path file, ClaudeSessionBuilder builder, boolean readable, List<Path> files) {
      this.id = id;
      this.file = file;
      this.builder = builder;
      this.readable = readable;
      this.files = files;
    }

    /**
     * The uuid of every line of the files read into the session so far: read again only when a
     * copy comes to be joined, which is rare, so that reading without copies costs nothing more.
     */
    Set<String> heldUuids() {
      ClaudeLine seen = new ClaudeLine();
      for (Path file : files) {
        JsonLines.read(file, handler(seen, held), new ReadReport());
      }
      files.clear();
      return held;
    }
  }

  /** Collects the uuid of each line. */
  private static JsonLines.Handler handler(ClaudeLine line, Set<String> uuids) {
    return handler(line, () -> {
      if (line.uuid != null) {
        uuids.add(line.uuid);
      }
      return true;
    });
  }

  /** Hands the session read on, once every copy of it has been read. */
  private static void finish(Reading reading, String repoId, Consumer<Session> sink, ReadReport report) {
    if (reading == null) {
      return;
    }
    ClaudeSessionBuilder builder = reading.builder;
    if (builder.isEmpty()) {
      if (reading.readable && builder.replaysAnother()) {
        // Wholly a replay of a session read before it: a copy under another name, or a resumed
        // session the person left without asking anything.
        report.sessionCopy(reading.file);
      } else if (reading.readable) {
        report.emptySession(reading.file); // an unreadable file is already reported
      }
    } else {
      Session session = builder.build(repoId, reading.file);
      report.sessionRead(session);
      sink.accept(session);
    }
  }

  private static JsonLines.Handler handler(ClaudeLine line, ClaudeSessionBuilder builder, boolean subagent) {
    return handler(line, () -> {
      boolean mapped = builder.accept(line, subagent);
      if (line.toResults()) {
        builder.accept(line, subagent); // an Entire line's tool calls carry their results
      }
      return mapped;
    });
  }

  /** Reads each line into {@code line} (by the scanner where it can), then runs {@code accept}. */
  private static JsonLines.Handler handler(ClaudeLine line, BooleanSupplier accept) {
    return new JsonLines.Handler() {
      @Override
      public void parse(JsonParser parser) throws IOException {
        line.parse(parser);
      }

      @Override
      public boolean scan(byte[] bytes, int from, int to) {
        return line.scan(bytes, from, to);
      }

      @Override
      public boolean accept(long lineNumber) {
        return accept.getAsBoolean();
      }
    };
  }


  /** What the head of a file says: its first timestamp and session id. */
  private static final class Head {
    Path file;
    Instant first;
    String sessionId;
    /** The session's id ({@link #sessionId(String, String)} of the file's name and its lines' id). */
    String id;
    /** An Entire transcript.jsonl, whose session is known by its first prompt's id. */
    boolean entire;
    /** The first promptId of its lines: on an Entire transcript, its session id until one is known. */
    String promptId;
  }

  /**
   * The heads in the order given, except that the files of one session (copies) are read where
   * the first of them stands, longest first (ties in the order given), Claude Code's own logs
   * before Entire's transcripts of them, which keep less.
   */
  private static List<Head> longestCopyFirst(List<Head> heads) {
    Map<String, List<Head>> byId = new LinkedHashMap<>();
    for (Head head : heads) {
      head.id = sessionId(LogFiles.stem(head.file), head.sessionId);
      byId.computeIfAbsent(head.id, k -> new ArrayList<>()).add(head);
    }
    List<Head> ordered = new ArrayList<>(heads.size());
    for (List<Head> copies : byId.values()) {
      if (copies.size() > 1) {
        copies.sort(Comparator.comparing((Head h) -> h.entire)
            .thenComparing(Comparator.comparingLong((Head h) -> size(h.file)).reversed()));
      }
      ordered.addAll(copies);
    }
    return ordered;
  }

  /** True when {@code shorter} holds bytes and every one (unpacked, if gzipped) begins {@code longer} too. */
  private static boolean prefixOf(Path shorter, Path longer) {
    try (InputStream a = JsonLines.open(shorter); InputStream b = JsonLines.open(longer)) {
      byte[] x = new byte[1 << 16];
      byte[] y = new byte[1 << 16];
      long compared = 0;
      for (int n = a.readNBytes(x, 0, x.length); n > 0; n = a.readNBytes(x, 0, x.length)) {
        if (b.readNBytes(y, 0, n) < n || !Arrays.equals(x, 0, n, y, 0, n)) {
          return false;
        }
        compared += n;
      }
      return compared > 0;
    } catch (IOException | RuntimeException e) {
      return false; // read in full, and any damage reported, in its turn
    }
  }

  /** Whether either file is gzipped: its size on disk then says nothing of which copy is longer. */
  private static boolean gzipped(Path a, Path b) {
    return a.getFileName().toString().endsWith(".gz") || b.getFileName().toString().endsWith(".gz");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // read and reported in its turn
    }
  }

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * A session's id: its file's name, as Claude Code names a session's file after it; for a file
   * named otherwise (Entire keeps every session as {@code full.jsonl}; a copy renamed by hand),
   * the session its lines name, when they name one.
   */
  static String sessionId(String fileName, String named) {
    return UUID.matcher(fileName).matches() || named == null || named.isEmpty() ? fileName : named;
  }

  private static Head peek(Path file) {
    return peek(file, false);
  }

  /** The head; with {@code promptId}, read on (within its first lines) until a prompt's id is seen too. */
  private static Head peek(Path file, boolean promptId) {
    Head head = new Head();
    ClaudeLine line = new ClaudeLine();
    JsonLines.glance(file, PEEK_LINES, handler(line, () -> {
      if (head.first == null) {
        head.first = Timestamps.parse(line.timestamp);
      }
      head.entire |= line.entire;
      if (head.promptId == null && "user".equals(line.type)) {
        head.promptId = line.promptId;
      }
      if (head.sessionId == null) {
        // Entire's lines name no session; its first prompt's id is the same in every copy.
        head.sessionId = line.entire ? line.promptId : line.sessionId;
      }
      return true;
    }), () -> head.first != null && head.sessionId != null && (!promptId || head.promptId != null));
    return head;
  }
}
