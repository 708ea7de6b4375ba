package dev.personas.load.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.load.ReadReport;
import dev.personas.session.Event;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of one real Codex session (EdofEngland/code_butler, MIT; src/test/resources/real) kept
 * as Entire keeps them, one prefix of the rollout per checkpoint, and as a backup beside it.
 */
class CodexCopiesTest {
  private static final Path ROLLOUT = Path.of("src/test/resources/real/EdofEngland+code_butler/.codex/sessions"
      + "/2025/11/24/rollout-2025-11-24T13-02-00-019ab73e-8c11-7ad2-b604-5987891db560.jsonl");
  private static final String ID = "019ab73e-8c11-7ad2-b604-5987891db560";

  @TempDir Path dir;

  private Path copy(String where, int lines) throws IOException {
    List<String> all = Files.readAllLines(ROLLOUT);
    Path file = dir.resolve(where);
    Files.createDirectories(file.getParent());
    Files.write(file, all.subList(0, Math.min(lines, all.size())));
    return file;
  }

  private List<Session> read(Path path, ReadReport report) {
    List<Session> sessions = new ArrayList<>();
    new CodexReader().read(path, sessions::add, report);
    return sessions;
  }

  @Test
  void copiesKeptAtEachCheckpointAreOneSessionWhicheverPathComesFirst() throws IOException {
    Session whole = read(ROLLOUT, new ReadReport()).get(0);
    // Path order puts a short copy first, then the whole rollout, then a longer copy.
    copy("0a/1/full.jsonl", 40);
    copy("5f/2/full.jsonl", 200);
    copy("c3/3/full.jsonl", 80);
    ReadReport report = new ReadReport();
    List<Session> sessions = read(dir, report);
    assertEquals(1, sessions.size(), sessions.toString());
    assertEquals(ID, sessions.get(0).id());
    assertEquals(whole.events(), sessions.get(0).events());
    assertEquals(2, report.sessionCopies());
    assertEquals(0, report.emptySessions());
    assertTrue(report.summary().contains("2 files were copies of a session read from another copy"),
        report.summary());
  }

  /**
   * A checkpoint's copy can be the larger in bytes and still lack the session's end (Entire keeps
   * each checkpoint's reasoning and metadata as it was written then): what only the other copy
   * kept joins the one session, in time order, and nothing the two share is counted twice.
   */
  @Test
  void whatOnlyAShorterCopyKeptJoinsTheSession() throws IOException {
    Session whole = read(ROLLOUT, new ReadReport()).get(0);
    List<String> all = Files.readAllLines(ROLLOUT);
    List<String> early = new ArrayList<>(all.subList(0, 70));
    // A field no item is known by, long enough to make the early copy the larger file.
    early.set(0, early.get(0).replaceFirst("^\\{", "{\"kept\":\"" + "x".repeat(200_000) + "\","));
    Path earlyFile = dir.resolve("0a/1/full.jsonl");
    Files.createDirectories(earlyFile.getParent());
    Files.write(earlyFile, early);
    copy("5f/2/full.jsonl", all.size());
    ReadReport report = new ReadReport();
    List<Session> sessions = read(dir, report);
    assertEquals(1, sessions.size(), sessions.toString());
    assertEquals(whole.events(), sessions.get(0).events());
    assertEquals(whole.start(), sessions.get(0).start());
    assertEquals(whole.end(), sessions.get(0).end());
    assertEquals(1, report.sessionCopies(), report.summary());
  }

  /**
   * A copy read first that a redacting tool damaged (one line no longer JSON, the file longer for
   * it): the line the other copy adds joins without counting anything twice, whether it is a
   * token total (not a restart of the count) or one of the two lines Codex writes a prompt on
   * (the prompt came from its twin).
   */
  @ParameterizedTest(name = "line {0}")
  @ValueSource(ints = {3, 4, 19})
  void aLineADamagedCopyLostJoinsWithoutCountingTwice(int broken) throws IOException {
    Session whole = read(ROLLOUT, new ReadReport()).get(0);
    List<String> all = Files.readAllLines(ROLLOUT);
    List<String> damaged = new ArrayList<>(all);
    damaged.set(broken, damaged.get(broken).replaceFirst("\\}$", ",\"requestId\":[REDACTED_PHONE]}"));
    Path first = dir.resolve("a/full.jsonl");
    Files.createDirectories(first.getParent());
    Files.write(first, damaged);
    copy("b/full.jsonl", all.size());
    List<Session> sessions = read(dir, new ReadReport());
    assertEquals(1, sessions.size(), sessions.toString());
    assertEquals(whole.typedPromptCount(), sessions.get(0).typedPromptCount());
    assertEquals(whole.events().stream().mapToLong(Event::inputTokens).sum(),
        sessions.get(0).events().stream().mapToLong(Event::inputTokens).sum());
    assertEquals(whole.events().size(), sessions.get(0).events().size());
  }

  @Test
  void aBackupNamedAsTheRolloutIsKnownByItsName() throws IOException {
    String name = ROLLOUT.getFileName().toString();
    copy("a/" + name, 30);
    copy("b/" + name, 200);
    ReadReport report = new ReadReport();
    List<Session> sessions = read(dir, report);
    assertEquals(1, sessions.size(), sessions.toString());
    assertEquals(1, report.sessionCopies());
    assertEquals(ID, CodexCopies.sessionId(dir.resolve("a/" + name)));
    assertEquals(ID, CodexCopies.sessionId(dir.resolve("b/" + name)));
  }

  @Test
  void aFileWithoutASessionMetaFirstLineHasNoKnownSession() throws IOException {
    Path notes = dir.resolve("notes/full.jsonl");
    Files.createDirectories(notes.getParent());
    Files.writeString(notes, "{\"type\":\"response_item\",\"payload\":{\"id\":\"x\"}}\n");
    assertNull(CodexCopies.sessionId(notes));
    assertEquals(ID, CodexCopies.sessionId(copy("d/full.jsonl", 1)));
  }
}
