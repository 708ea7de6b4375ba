package dev.personas.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.session.Agent;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLoaderTest {
  @TempDir Path home;

  @Test
  void formatIsDetectedFromPlaceNameAndFirstLines() throws IOException {
    Path codex = home.resolve(".codex/sessions");
    TestTrees.copy("fixtures/codex/sessions", codex);
    Path claude = home.resolve("claude");
    TestTrees.copy("fixtures/claude-code/projects", claude);
    Path swe = home.resolve("swe");
    Files.createDirectories(swe.resolve("transcripts"));
    Path renamed = home.resolve("log.jsonl");
    Files.copy(TestTrees.resource("fixtures/codex/sessions/2025/09/02/rollout-2025-09-02T09-00-00-0199a1b2-0000-7000-8000-00000000000c.jsonl"), renamed);
    assertEquals(Optional.of(SourceFormat.CODEX), SourceFormat.detect(codex));
    assertEquals(Optional.of(SourceFormat.CLAUDE_CODE), SourceFormat.detect(claude));
    assertEquals(Optional.of(SourceFormat.SWE_CHAT), SourceFormat.detect(swe));
    // Someone's own logs kept in a transcripts/ folder beside others are logs, not a release.
    Path own = home.resolve("own");
    TestTrees.copy("fixtures/claude-code/projects", own.resolve("transcripts"));
    TestTrees.copy("fixtures/claude-code/projects", own.resolve("Archives"));
    assertEquals(Optional.of(SourceFormat.CLAUDE_CODE), SourceFormat.detect(own));
    Path linked = Files.createSymbolicLink(home.resolve("linked"), own);
    assertEquals(Optional.of(SourceFormat.CLAUDE_CODE), SourceFormat.detect(linked), "the same through a link to it");
    assertEquals(Optional.of(SourceFormat.CODEX), SourceFormat.detect(renamed));
    assertEquals(Optional.of(SourceFormat.CLAUDE_CODE), SourceFormat.detect(home.resolve(".claude/projects")));
    // Where Codex moves the threads a person archives.
    assertEquals(Optional.of(SourceFormat.CODEX), SourceFormat.detect(home.resolve(".codex/archived_sessions")));
    assertEquals(Optional.empty(), SourceFormat.detect(home.resolve("nothing-here")));
    assertEquals(Optional.of(SourceFormat.CLAUDE_CODE), SourceFormat.parse("claude-code"));
  }

  /** Every layout the SWE-chat reader accepts is told to be a release, not left for --format. */
  @Test
  void everyReleaseLayoutTheReaderAcceptsIsDetected() throws IOException {
    for (String table : List.of("sessions.ndjson", "sessions.json.gz", "data/sessions-00000-of-00001.parquet",
        "data/sessions.csv", "data/sessions/train-0.parquet")) {
      Path release = home.resolve("release-" + table.replace('/', '_'));
      Files.createDirectories(release.resolve(table).getParent());
      Files.write(release.resolve(table), new byte[0]);
      if (table.startsWith("data/sessions/")) {
        Files.createDirectories(release.resolve("data/conversations"));
      }
      assertEquals(Optional.of(SourceFormat.SWE_CHAT), SourceFormat.detect(release), table);
    }
  }

  @Test
  void loaderDispatchesEachPathAndReportsWhatItCannotRead() throws IOException {
    Path codex = home.resolve(".codex/sessions");
    TestTrees.copy("fixtures/codex/sessions", codex);
    Path claude = home.resolve("claude");
    TestTrees.copy("fixtures/claude-code/projects", claude);
    Path swe = home.resolve("swe");
    Files.createDirectories(swe.resolve("transcripts"));
    List<Session> got = new ArrayList<>();
    ReadReport report = SessionLoader.withReaders(Map.of())
        .load(List.of(codex, claude, swe, home.resolve("nope")), Optional.empty(), got::add);
    assertEquals(4, got.stream().filter(s -> s.agent() == Agent.CODEX).count());
    assertEquals(2, got.stream().filter(s -> s.agent() == Agent.CLAUDE_CODE).count());
    assertEquals(6, report.sessions());
    assertTrue(report.skips().stream().anyMatch(s -> s.file().equals(swe) && s.reason().contains("holds swe-chat logs")));
    assertTrue(report.skips().stream().anyMatch(s -> s.reason().startsWith("not found")));
  }

  /**
   * A folder holding both agents' logs, under names that do not tell (a copy named log.jsonl, a
   * subagent's transcript in its session's folder): each log is read by its own agent's reader,
   * on one thread or several alike, and gives what each agent's logs give read apart.
   */
  @Test
  void aFolderHoldingBothAgentsLogsReadsEachWithItsOwnReader() throws IOException {
    Path mixed = home.resolve("logs");
    TestTrees.copy("fixtures/claude-code/projects", mixed.resolve("claude"));
    Files.createDirectories(mixed.resolve("z"));
    Files.copy(TestTrees.resource("fixtures/codex/sessions/2025/09/02/rollout-2025-09-02T09-00-00-0199a1b2-0000-7000-8000-00000000000c.jsonl"),
        mixed.resolve("z/log.jsonl"));
    List<Session> apart = new ArrayList<>();
    ReadReport apartReport = SessionLoader.withReaders(Map.of())
        .load(List.of(mixed.resolve("claude"), mixed.resolve("z")), Optional.empty(), apart::add);
    assertEquals(3, apart.size(), apartReport.summary());
    for (Path first : List.of(mixed.resolve("claude"), mixed.resolve("z"))) {
      assertEquals(Optional.of(first.endsWith("z") ? SourceFormat.CODEX : SourceFormat.CLAUDE_CODE),
          SourceFormat.detect(first));
    }
    for (int threads : new int[] {1, 3}) {
      List<Session> got = new ArrayList<>();
      ReadReport report = SessionLoader.withReaders(Map.of())
          .load(List.of(mixed), Optional.empty(), threads, s -> s, got::add);
      assertEquals(apart.stream().map(s -> s.agent() + " " + s.id() + " " + s.events().size()).toList(),
          got.stream().map(s -> s.agent() + " " + s.id() + " " + s.events().size()).toList(), report.summary());
      assertEquals(apartReport.summary(), report.summary());
      assertEquals(apartReport.filesRead(), report.filesRead());
    }
  }

  /**
   * The same sessions given through two paths (a backup beside the original, ~/.config/claude
   * linked to ~/.claude) are read once, from the first path, on one thread or several alike; the
   * later path's count as copies.
   */
  @Test
  void theSameSessionsGivenThroughTwoPathsAreReadOnce() throws IOException {
    Path claude = home.resolve(".claude/projects");
    TestTrees.copy("fixtures/claude-code/projects", claude);
    Path codex = home.resolve(".codex/sessions");
    TestTrees.copy("fixtures/codex/sessions", codex);
    Path backup = home.resolve("backup");
    TestTrees.copy("fixtures/claude-code/projects", backup.resolve("projects"));
    Path linked = Files.createSymbolicLink(home.resolve("linked"), claude);
    Loaded alone = load(List.of(claude, codex));
    assertEquals(6, alone.sessions.size(), alone.report.summary());
    for (int threads : new int[] {1, 3}) {
      List<Session> got = new ArrayList<>();
      ReadReport report = SessionLoader.withReaders(Map.of())
          .load(List.of(claude, codex, backup.resolve("projects"), linked), Optional.empty(), threads, x -> x, got::add);
      assertEquals(alone.sessions.stream().map(x -> x.agent() + " " + x.id() + " " + x.events().size()).toList(),
          got.stream().map(x -> x.agent() + " " + x.id() + " " + x.events().size()).toList(), report.summary());
      assertEquals(4, report.sessionCopies(), report.summary());
      assertTrue(report.summary().contains("4 files were copies of a session read from another copy"), report.summary());
    }
  }

  /** A format forced on the other agent's logs: the summary says so, not only "held no conversation". */
  @Test
  void aFormatForcedOnTheOtherAgentsLogsIsSaid() throws IOException {
    Path claude = home.resolve("claude");
    TestTrees.copy("fixtures/claude-code/projects", claude);
    ReadReport report = SessionLoader.withReaders(Map.of())
        .load(List.of(claude), Optional.of(SourceFormat.CODEX), s -> { });
    assertTrue(report.summary().endsWith("logs read as Codex's, as --format said, look like Claude Code logs"
        + " (leave --format out to tell each log's agent)"), report.summary());
    ReadReport right = SessionLoader.withReaders(Map.of())
        .load(List.of(claude), Optional.of(SourceFormat.CLAUDE_CODE), s -> { });
    assertEquals(List.of(), right.notes(), "the right format: nothing to say");
  }

  @Test
  void aSubagentTranscriptGivenBesideItsSessionIsReadOnceThroughIt() throws IOException {
    Path claude = home.resolve("claude");
    TestTrees.copy("fixtures/claude-code/projects", claude);
    Path session = claude.resolve("-home-dev-deploy/5a1e0000-0000-4000-8000-000000000001.jsonl");
    Path agent = claude.resolve("-home-dev-deploy/5a1e0000-0000-4000-8000-000000000001/subagents/agent-a1.jsonl");
    Loaded alone = load(List.of(session));
    Loaded both = load(List.of(agent, session));
    assertEquals(0, both.report.skipCount(), both.report.skips().toString());
    assertEquals(1, both.sessions.size());
    assertEquals(alone.sessions.get(0).events(), both.sessions.get(0).events());
    assertEquals(2, both.report.filesRead(), "the session file and its agent's, once each");

    // The session's own folder given beside it (as a shell's tab completion offers it) too.
    Path folder = session.resolveSibling("5a1e0000-0000-4000-8000-000000000001");
    Loaded withFolder = load(List.of(session, folder));
    assertEquals(0, withFolder.report.skipCount(), withFolder.report.skips().toString());
    assertEquals(alone.sessions.get(0).events(), withFolder.sessions.get(0).events());
    assertEquals(2, withFolder.report.filesRead());
    // A log of something else kept in that folder is no subagent's: the folder is read on its own.
    Files.copy(claude.resolve("-home-dev-deploy/5a1e0000-0000-4000-8000-000000000002.jsonl"),
        folder.resolve("5a1e0000-0000-4000-8000-000000000002.jsonl"));
    assertEquals(2, load(List.of(session, folder)).sessions.size(), "the session, then the folder's other log");
  }

  @Test
  void aPathGivenTwiceOrInsideAFolderGivenTooIsReadOnce() throws IOException {
    Path claude = home.resolve("claude");
    TestTrees.copy("fixtures/claude-code/projects", claude);
    Path session = claude.resolve("-home-dev-deploy/5a1e0000-0000-4000-8000-000000000002.jsonl");
    Loaded folder = load(List.of(claude));
    Loaded again = load(List.of(session, claude, claude.resolve("."), session));
    assertEquals(folder.sessions.stream().map(Session::id).toList(),
        again.sessions.stream().map(Session::id).toList());
    assertEquals(folder.report.filesRead(), again.report.filesRead());
    assertEquals(folder.report.skipCount(), again.report.skipCount());

    Loaded missingTwice = load(List.of(home.resolve("nope"), home.resolve("nope")));
    assertEquals(1, missingTwice.report.skipCount(), "reported once");
  }

  @Test
  void aLinkedLogFolderIsReadLikeTheFolderItselfAndALinkLoopIsReported() throws IOException {
    Path real = home.resolve("dotfiles/claude/projects");
    TestTrees.copy("fixtures/claude-code/projects", real);
    Loaded direct = load(List.of(real));
    assertTrue(direct.sessions.size() > 1, "the fixture has sessions");

    // ~/.claude/projects linked into place from a dotfiles repository.
    Path linked = Files.createSymbolicLink(home.resolve("projects"), real);
    Loaded viaLink = load(List.of(linked));
    assertEquals(direct.sessions.stream().map(Session::id).toList(),
        viaLink.sessions.stream().map(Session::id).toList());
    assertEquals(direct.report.filesRead(), viaLink.report.filesRead());

    // A project folder reached twice (a second link to it) and a link back up: each file read
    // once, the loop reported (once per path that reaches it) and not entered, nothing else skipped.
    Path project = Files.list(real).filter(Files::isDirectory).sorted().findFirst().orElseThrow();
    Files.createSymbolicLink(real.resolve("zz-again"), project);
    Files.createSymbolicLink(project.resolve("up"), real);
    Loaded tangled = load(List.of(linked));
    assertEquals(direct.sessions.stream().map(Session::id).sorted().toList(),
        tangled.sessions.stream().map(Session::id).sorted().toList());
    assertEquals(direct.report.filesRead(), tangled.report.filesRead());
    long loops = tangled.report.skips().stream().filter(s -> s.reason().contains("symbolic link back")).count();
    assertEquals(2, loops, tangled.report.skips().toString());
    assertEquals(direct.report.skipCount() + loops, tangled.report.skipCount());
  }

  private record Loaded(List<Session> sessions, ReadReport report) {}

  private static Loaded load(List<Path> paths) {
    List<Session> sessions = new ArrayList<>();
    ReadReport report = SessionLoader.withReaders(Map.of()).load(paths, Optional.empty(), sessions::add);
    return new Loaded(sessions, report);
  }

  /**
   * A file named on the command line is read whatever its name (a log saved as session.log); in a
   * folder, a link to a log that is gone is named, not passed over in silence.
   */
  @Test
  void aLogNamedOnTheCommandLineIsReadWhateverItsNameAndADeadLinkIsNamed() throws IOException {
    Path saved = home.resolve("session.log");
    Files.copy(TestTrees.resource("fixtures/codex/sessions/2025/09/02/rollout-2025-09-02T09-00-00-0199a1b2-0000-7000-8000-00000000000c.jsonl"), saved);
    assertEquals(Optional.of(SourceFormat.CODEX), SourceFormat.detect(saved));
    assertEquals(1, load(List.of(saved)).sessions().size());
    Path logs = home.resolve("logs");
    TestTrees.copy("fixtures/claude-code/projects", logs);
    Path dead = Files.createSymbolicLink(logs.resolve("gone.jsonl"), home.resolve("nowhere.jsonl"));
    Loaded loaded = load(List.of(logs));
    assertEquals(2, loaded.sessions().size());
    assertTrue(loaded.report().skips().stream().anyMatch(k -> k.file().equals(dead)
        && k.reason().equals("a link to a file that does not exist, skipped")), loaded.report().skips().toString());
  }

  @Test
  void injectedReaderIsUsedForItsFormat() throws IOException {
    Path swe = home.resolve("swe");
    Files.createDirectories(swe.resolve("transcripts"));
    List<Path> seen = new ArrayList<>();
    SessionReader fake = (path, sink, report) -> seen.add(path);
    SessionLoader.withReaders(Map.of(SourceFormat.SWE_CHAT, fake)).load(List.of(swe), Optional.empty(), s -> {});
    assertEquals(List.of(swe), seen);
  }
}
