package dev.personas.load.swechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import dev.personas.load.ReadReport;
import dev.personas.sample.ParquetTable;
import dev.personas.session.Agent;
import dev.personas.session.Annotations;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweChatReaderTest {
  @TempDir Path dir;

  private final FakeTranscriptReader transcripts = new FakeTranscriptReader();
  private ReadReport report = new ReadReport();

  private List<Session> read(Path root) {
    List<Session> out = new ArrayList<>();
    new SweChatReader(transcripts).read(root, out::add, report);
    return out;
  }

  private static List<EventKind> kinds(Session s) {
    return s.events().stream().map(Event::kind).collect(Collectors.toList());
  }

  private static final List<EventKind> S1_KINDS = List.of(EventKind.PROMPT, EventKind.THINKING,
      EventKind.TOOL_CALL, EventKind.TOOL_RESULT, EventKind.TOOL_CALL, EventKind.SLASH_COMMAND,
      EventKind.INTERRUPT, EventKind.SUBAGENT_CALL, EventKind.PLAN_MODE, EventKind.COMPACTION,
      EventKind.QUEUE_STEERING, EventKind.API_ERROR, EventKind.INJECTED, EventKind.ASSISTANT_TEXT);

  @Test
  void parquetTablesGiveEventsInTurnOrderWithIdsFromTheSessionsTable() throws IOException {
    SweChatFixture.standard().writeParquet(dir);
    List<Session> sessions = read(dir);

    assertEquals(List.of("s1", "s2"), sessions.stream().map(Session::id).collect(Collectors.toList()));
    Session s1 = sessions.get(0);
    assertEquals("alice", s1.userId());
    assertEquals("r1", s1.repoId());
    assertEquals(Agent.CLAUDE_CODE, s1.agent());
    assertEquals(Agent.CODEX, sessions.get(1).agent());
    assertEquals(S1_KINDS, kinds(s1));
    assertEquals(2, s1.typedPromptCount());
    Event bash = s1.events().get(2);
    assertEquals("Bash", bash.toolName());
    assertEquals("pytest -q", bash.command());
    assertTrue(s1.events().get(3).isError());
    assertEquals("src/app.py", s1.events().get(4).filePath());
    assertEquals("Fix the failing test in src/app.py:42", s1.events().get(0).text());
    assertEquals(SweChatFixture.T0.plusSeconds(60), s1.start());
    assertEquals(SweChatFixture.T0.plusSeconds(15 * 60), s1.end());
    // Rows carry no token columns: the sessions table's totals land once, on the first assistant event.
    assertEquals(1200, s1.events().stream().mapToLong(Event::inputTokens).sum());
    assertEquals(0, report.skipCount(), report.skips().toString());
    assertEquals(2, report.sessions());
  }

  @Test
  void jsonlAndCsvExportsReadLikeTheParquetTables() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.writeParquet(dir.resolve("pq"));
    f.writeJsonl(dir.resolve("jsonl"));
    f.writeCsv(dir.resolve("csv"));
    List<Session> parquet = read(dir.resolve("pq"));
    for (String export : List.of("jsonl", "csv")) {
      List<Session> other = read(dir.resolve(export));
      assertEquals(parquet.size(), other.size(), export);
      for (int i = 0; i < parquet.size(); i++) {
        Session a = parquet.get(i);
        Session b = other.get(i);
        assertEquals(a.id(), b.id(), export);
        assertEquals(a.userId(), b.userId(), export);
        assertEquals(a.start(), b.start(), export);
        assertEquals(a.events(), b.events(), export);
      }
    }
    assertEquals(0, report.skipCount(), report.skips().toString());
  }

  @Test
  void missingOptionalColumnsAreNotFatal() throws IOException {
    SweChatFixture.jsonl(dir.resolve("sessions.jsonl"),
        List.of(SweChatFixture.row("session_id", "s1", "user_id", "u1")));
    // No turn_type, timestamp, tool or count columns: the turn type comes from the role.
    SweChatFixture.jsonl(dir.resolve("conversations.jsonl"), List.of(
        SweChatFixture.row("session_id", "s1", "turn_number", 1, "role", "user", "content", "hi"),
        SweChatFixture.row("session_id", "s1", "turn_number", 2, "role", "assistant", "tool_name", "Read"),
        SweChatFixture.row("session_id", "s1", "turn_number", 3, "role", "assistant", "content", "ok")));
    List<Session> sessions = read(dir);
    assertEquals(1, sessions.size());
    Session s = sessions.get(0);
    assertEquals("u1", s.userId());
    assertEquals("", s.repoId());
    assertEquals(Agent.OTHER, s.agent());
    assertEquals(List.of(EventKind.PROMPT, EventKind.TOOL_CALL, EventKind.ASSISTANT_TEXT), kinds(s));
    assertNull(s.start());
    assertEquals(0, report.skipCount(), report.skips().toString());
  }

  @Test
  void badRowsAreReportedWithFileAndRowAndTheRestIsRead() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.writeJsonl(dir);
    Path conv = dir.resolve("conversations.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(conv));
    lines.add(3, "{\"session_id\": \"s1\", \"turn_number\": 99, \"content\": tru");
    lines.add(5, "{\"session_id\": \"s1\", \"turn_number\": 98, \"turn_type\": \"user_prompt\", \"timestamp\": \"yesterday\"}");
    Files.write(conv, lines);

    List<Session> sessions = read(dir);
    assertEquals(S1_KINDS, kinds(sessions.get(0)));
    assertEquals(2, report.skipCount());
    assertEquals(conv, report.skips().get(0).file());
    assertEquals(4, report.skips().get(0).line());
    assertTrue(report.skips().get(0).reason().startsWith("not valid JSON"), report.skips().toString());
    assertEquals(6, report.skips().get(1).line());
    assertTrue(report.skips().get(1).reason().contains("timestamp"), report.skips().toString());
  }

  @Test
  void badParquetRowValueIsReportedWithItsRowNumber() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.writeParquet(dir);
    // A second part of the sessions table whose created_at is text that is no timestamp.
    Files.move(dir.resolve("sessions.parquet"), Files.createDirectories(dir.resolve("sessions")).resolve("part-0.parquet"));
    new ParquetTable("sessions", List.of(new ParquetTable.Column("session_id", ParquetTable.Type.STRING),
        new ParquetTable.Column("created_at", ParquetTable.Type.STRING)))
        .write(dir.resolve("sessions").resolve("part-1.parquet"), List.of(
            SweChatFixture.row("session_id", "s3", "created_at", "2025-09-01T10:00:00Z"),
            SweChatFixture.row("session_id", "s4", "created_at", "last tuesday")));
    List<Session> sessions = read(dir);
    assertEquals(2, sessions.size());
    List<ReadReport.Skip> skips = report.skips();
    assertEquals(1, skips.size(), skips.toString());
    assertEquals(dir.resolve("sessions").resolve("part-1.parquet"), skips.get(0).file());
    assertEquals(2, skips.get(0).line());
    // s3 is listed but has no conversation rows: left out, as the paper does, and counted.
    assertEquals(Map.of(SweChatReader.NO_ROWS, 1L), report.exclusions());

    // Kept, it has no transcript either: located at its sessions row.
    report = new ReadReport();
    List<Session> kept = new ArrayList<>();
    new SweChatReader(transcripts, true).read(dir, kept::add, report);
    assertEquals(2, kept.size());
    assertTrue(report.skips().get(1).reason().contains("s3 has no conversation rows"), report.skips().toString());
  }

  @Test
  void transcriptOnlySessionIsReadFromItsTranscriptWithTableIds() throws IOException {
    SweChatFixture f = SweChatFixture.standard().session("s9", "carol", "r1", "claude_code");
    f.writeParquet(dir);
    Path transcript = Files.createDirectories(dir.resolve("transcripts")).resolve("s9.jsonl");
    Files.writeString(transcript,
        "{\"type\":\"user\",\"sessionId\":\"s9\",\"timestamp\":\"2025-09-02T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"add a flag\"}}\n");
    // s1 has conversation rows AND a transcript: the rows win, the transcript is not read.
    Files.writeString(dir.resolve("transcripts").resolve("s1.jsonl"), "{}\n");

    // Left out by default, as the SWE-chat paper leaves out sessions without conversation rows.
    assertEquals(List.of("s1", "s2"), read(dir).stream().map(Session::id).collect(Collectors.toList()));
    assertEquals(Map.of(SweChatReader.NO_ROWS, 1L), report.exclusions());
    assertTrue(report.summary().contains("left out as the SWE-chat paper does: 1 session without conversation rows"), report.summary());

    report = new ReadReport();
    List<Session> sessions = new ArrayList<>();
    new SweChatReader(transcripts, true).read(dir, sessions::add, report);
    assertEquals(List.of("s1", "s2", "s9"), sessions.stream().map(Session::id).collect(Collectors.toList()));
    Session s9 = sessions.get(2);
    assertEquals("carol", s9.userId());
    assertEquals("r1", s9.repoId());
    assertEquals(1, s9.typedPromptCount());
    assertEquals(List.of(transcript), transcripts.filesRead);
  }

  @Test
  void aFolderWithoutTablesIsReportedOnce() {
    assertTrue(read(dir).isEmpty());
    assertEquals(1, report.skipCount());
    assertTrue(report.skips().get(0).reason().contains("no sessions or conversations table"));
  }

  @Test
  void huggingFaceDataLayoutIsFound() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.writeParquet(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("data"));
    Files.move(dir.resolve("tmp/sessions.parquet"), dir.resolve("data/sessions-00000-of-00001.parquet"));
    Files.move(dir.resolve("tmp/conversations.parquet"), dir.resolve("data/conversations-00000-of-00001.parquet"));
    assertEquals(2, read(dir).size());
    assertEquals(0, report.skipCount(), report.skips().toString());
  }

  /** Exporters write an offset in more ways than java.time reads: each is the same instant. */
  @Test
  void timestampsWithOffsetsWrittenWithoutAColonAreRead() {
    for (String written : List.of("2025-09-01T12:00:00+02:00", "2025-09-01T12:00:00+0200",
        "2025-09-01 12:00:00.250+02", "2025-09-01T10:00:00.250Z", "2025-09-01 07:30:00-0230")) {
      Row row = new Row(dir.resolve("sessions.csv"), 2, Map.of("created_at", written));
      assertEquals(written.contains(".250") ? SweChatFixture.T0.plusMillis(250) : SweChatFixture.T0,
          row.instant("created_at"), written);
    }
  }

  /** Links are followed, and one back to a folder above is passed over, not a failure of the read. */
  @Test
  void aLinkBackToAFolderAboveInsideAReleaseIsPassedOver() throws IOException {
    SweChatFixture.standard().writeParquet(dir.resolve("release"));
    Files.createDirectories(dir.resolve("release/transcripts"));
    Files.createSymbolicLink(dir.resolve("release/transcripts/up"), dir.resolve("release"));
    List<Session> sessions = read(dir.resolve("release"));
    assertEquals(List.of("s1", "s2"), sessions.stream().map(Session::id).toList());
  }

  @Test
  void aReleaseFolderGivenThroughASymbolicLinkIsReadWhole() throws IOException {
    SweChatFixture.standard().writeParquet(dir.resolve("release"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("release"));
    List<Session> sessions = read(link);
    assertEquals(List.of("s1", "s2"), sessions.stream().map(Session::id).toList());
    assertEquals("alice", sessions.get(0).userId());
    assertEquals(0, report.skipCount(), report.skips().toString());
  }

  @Test
  void generatedSampleIsReadFromItsRowsAndItsTranscriptOnlySessionsWithTableIds() throws IOException {
    new dev.personas.sample.SampleGenerator(new dev.personas.sample.SampleOptions(60, 7, 3, 11L)).generate(dir);
    // Everything, the sessions the paper leaves out included.
    List<Session> sessions = new ArrayList<>();
    new SweChatReader(transcripts, true).read(dir, sessions::add, report);
    assertEquals(60, sessions.size());
    com.fasterxml.jackson.databind.JsonNode truth =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    assertEquals(truth.get("noise").get("no_conversation_rows").size(), transcripts.filesRead.size());
    for (Session s : sessions) {
      assertTrue(truth.get("sessions").has(s.id()), s.id());
      assertTrue(truth.get("users").has(s.userId()), s.userId());
      assertTrue(s.repoId().contains("/"), "repositories are keyed owner/name: " + s.repoId());
      assertEquals(Agent.CLAUDE_CODE, s.agent());
      assertFalse(s.events().isEmpty(), s.id());
    }
    assertEquals(truth.get("noise").get("malformed_files").size(), report.skipCount(), report.skips().toString());
  }

  @Test
  void gzippedJsonlAndCsvTablesAreRead() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.writeJsonl(dir.resolve("j"));
    f.writeCsv(dir.resolve("c"));
    for (Path table : List.of(dir.resolve("j/conversations.jsonl"), dir.resolve("j/sessions.jsonl"),
        dir.resolve("c/conversations.csv"), dir.resolve("c/sessions.csv"))) {
      try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(Path.of(table + ".gz")))) {
        Files.copy(table, out);
      }
      Files.delete(table);
    }
    assertEquals(S1_KINDS, kinds(read(dir.resolve("j")).get(0)));
    assertEquals(S1_KINDS, kinds(read(dir.resolve("c")).get(0)));
    assertEquals(0, report.skipCount(), report.skips().toString());
  }

  @Test
  void aFileThatIsNotParquetIsReportedOnceAndTheOtherTablesAreRead() throws IOException {
    SweChatFixture.standard().writeParquet(dir);
    Files.writeString(dir.resolve("conversations.parquet"), "this is not parquet at all");
    List<Session> sessions = read(dir);
    assertTrue(sessions.isEmpty());
    List<ReadReport.Skip> skips = report.skips();
    assertEquals(dir.resolve("conversations.parquet"), skips.get(0).file());
    assertEquals(0, skips.get(0).line());
    assertTrue(skips.get(0).reason().startsWith("not a readable Parquet file"), skips.toString());
    // Both listed sessions are then reported as having neither rows nor transcripts.
    assertEquals(3, report.skipCount(), skips.toString());
  }

  @Test
  void agentToolBashModeAndInjectedTextAreToldApartFromPrompts() {
    TurnMapper mapper = new TurnMapper();
    Path file = dir.resolve("t.jsonl");
    assertEquals(EventKind.SUBAGENT_CALL, mapper.map(new Row(file, 1,
        SweChatFixture.row("turn_type", "tool_use", "tool_name", "Agent"))).kind());
    assertEquals(EventKind.BASH_MODE, mapper.map(new Row(file, 2,
        SweChatFixture.row("turn_type", "user_prompt", "content", "<bash-input>ls</bash-input>"))).kind());
    assertEquals(EventKind.INJECTED, mapper.map(new Row(file, 3,
        SweChatFixture.row("turn_type", "user_prompt", "content", "<local-command-stdout>ok</local-command-stdout>"))).kind());
    assertEquals("/init", mapper.map(new Row(file, 4,
        SweChatFixture.row("turn_type", "user_prompt", "content", "<command-name>/init</command-name>"))).toolName());
    assertEquals("do tasks T012 - T016", mapper.map(new Row(file, 4, SweChatFixture.row("turn_type", "user_prompt",
        "content", "<command-name>/implement</command-name><command-args>do tasks T012 - T016</command-args>")))
        .text(), "what was typed after the command");
    assertNull(mapper.map(new Row(file, 5, SweChatFixture.row("turn_type", "file_snapshot"))));
    assertNull(mapper.map(new Row(file, 6, SweChatFixture.row("turn_type", "queue_operation"))));
  }

  @Test
  void noticesClaudeCodeWritesAsTheUserAreNotPromptsAsInTheClaudeCodeReader() {
    TurnMapper mapper = new TurnMapper();
    Path file = dir.resolve("t.jsonl");
    for (String notice : List.of("<task-notification>done</task-notification>",
        "<cross-session-message from=\"uds:/run/user/1000/s.sock\" from-mode=\"prompting\">the plan</cross-session-message>",
        "<bash-notification><status>failed</status></bash-notification>",
        "<ide_opened_file>The user opened app.py</ide_opened_file>",
        "<local-command-caveat>Caveat: …</local-command-caveat>")) {
      assertNull(mapper.map(new Row(file, 1, SweChatFixture.row("turn_type", "queue_operation", "content", notice))),
          "queued, not typed: " + notice);
      assertEquals(EventKind.INJECTED, mapper.map(new Row(file, 2,
          SweChatFixture.row("turn_type", "user_prompt", "content", notice))).kind(), notice);
    }
    assertEquals(EventKind.QUEUE_STEERING, mapper.map(new Row(file, 3,
        SweChatFixture.row("turn_type", "queue_operation", "content", "also update the docs"))).kind());
  }

  /** The v2 release: four tables, annotations, a machine-generated repository, a session without rows. */
  private SweChatFixture v2Release() throws IOException {
    SweChatFixture f = SweChatFixture.standard()
        .session("n1", "nimbus-bot", "r9", "claude_code").repo("r9", "dayhaysoos/nimbus")
        .session("s9", "carol", "r1", "claude_code")
        .annotate("s2", 0.0, 40L, "Vague Requester")
        .annotate("s9", 100.0, 90L, null)
        .checkpoint("s1", "r1", 30, 10);
    f.turn("n1", 1, "user_prompt", "Generated task 1: update the changelog", null, null, null);
    f.turn("s2", 4, "user_prompt", "and the tests?", null, null, null);
    f.intents("s1", "debug", null, "other").intents("s2", "understand", "understand");
    f.writeParquet(dir);
    Files.writeString(Files.createDirectories(dir.resolve("transcripts")).resolve("s9.jsonl"),
        "{\"type\":\"user\",\"sessionId\":\"s9\",\"timestamp\":\"2025-09-02T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"add a flag\"}}\n");
    return f;
  }

  @Test
  void v2ReleaseLeavesOutTheMachineGeneratedRepositoryAndSessionsWithoutRowsAndCountsThem() throws IOException {
    v2Release();
    List<Session> sessions = read(dir);
    assertEquals(List.of("s1", "s2"), sessions.stream().map(Session::id).toList());
    assertEquals(Map.of("of dayhaysoos/nimbus (machine-generated prompts)", 1L, SweChatReader.NO_ROWS, 1L),
        report.exclusions());
    assertTrue(report.summary().contains("left out as the SWE-chat paper does: 1 session of dayhaysoos/nimbus"
        + " (machine-generated prompts), 1 session without conversation rows (build and classify keep them with --keep-excluded)"), report.summary());
    assertEquals(List.of(), report.skips());

    report = new ReadReport();
    List<Session> kept = new ArrayList<>();
    new SweChatReader(transcripts, true).read(dir, kept::add, report);
    assertEquals(List.of("s1", "n1", "s2", "s9"), kept.stream().map(Session::id).toList());
    assertEquals(Map.of(), report.exclusions());
  }

  @Test
  void theAuthorsAnnotationsAndPromptIntentsTravelWithTheSession() throws IOException {
    v2Release();
    report = new ReadReport();
    List<Session> kept = new ArrayList<>();
    new SweChatReader(transcripts, true).read(dir, kept::add, report);
    Map<String, Annotations> byId = kept.stream().collect(Collectors.toMap(Session::id, Session::annotations));
    Annotations s1 = byId.get("s1");
    assertEquals(80.0, s1.agentPercentage());
    assertEquals(Annotations.CodingMode.COLLABORATIVE, s1.codingMode());
    assertEquals(75.0, s1.sessionSuccess());
    assertEquals("Expert Nitpicker", s1.userPersona());
    // s1's second prompt row (the /init command) carries no intent; the third does.
    assertEquals(Map.of("debug", 1, "other", 1), s1.promptIntents());
    Annotations s2 = byId.get("s2");
    assertEquals(Annotations.CodingMode.HUMAN_ONLY, s2.codingMode());
    assertEquals(Map.of("understand", 2), s2.promptIntents());
    // Read from its transcript, s9 still carries the sessions table's annotations.
    Annotations s9 = byId.get("s9");
    assertEquals(Annotations.CodingMode.VIBE_CODING, s9.codingMode());
    assertEquals(90.0, s9.sessionSuccess());
    assertTrue(!s9.hasUserPersona() && s9.promptIntents().isEmpty());
  }

  @Test
  void anAnnotationOutsideItsRangeIsReportedAndReadAsAbsent() throws IOException {
    SweChatFixture f = SweChatFixture.standard().annotate("s2", 140.0, 50L, "Other");
    f.writeParquet(dir);
    Session s2 = read(dir).get(1);
    assertTrue(!s2.annotations().hasAgentPercentage());
    assertEquals(50.0, s2.annotations().sessionSuccess());
    assertEquals(1, report.skips().size(), report.skips().toString());
    assertTrue(report.skips().get(0).toString().contains("sessions.parquet:2: column agent_percentage is 140.0, outside 0–100"),
        report.skips().toString());
  }

  @Test
  void aReleaseWithoutUserIdsTakesEachRepositoryAsOnePersonAndSaysSo() throws IOException {
    SweChatFixture f = SweChatFixture.standard().session("s3", "carol", "r1", "claude_code");
    f.turn("s3", 1, "user_prompt", "rename it", null, null, null);
    f.sessions.forEach(r -> r.remove("user_id"));
    f.conversations.forEach(r -> r.remove("user_id"));
    f.writeParquet(dir);
    List<Session> sessions = read(dir);
    assertEquals(List.of("repository r1", "repository r2", "repository r1"),
        sessions.stream().map(Session::userId).toList());
    assertTrue(report.summary().contains(SweChatReader.NO_USER_IDS), report.summary());
  }

  /** Conversation rows of a session the sessions table does not list are read, and the summary says so. */
  @Test
  void aSessionOnlyInTheConversationsTableIsReadAndSaidToBe() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.turn("s7", 1, "user_prompt", "add a readme", null, null, null);
    f.writeParquet(dir);
    List<Session> sessions = read(dir);
    assertEquals(List.of("row-user"), sessions.stream().filter(s -> s.id().equals("s7")).map(Session::userId).toList());
    assertTrue(report.summary().contains(SweChatReader.ONLY_IN_CONVERSATIONS), report.summary());
    report = new ReadReport();
    SweChatFixture.standard().writeParquet(dir);
    read(dir);
    assertFalse(report.summary().contains(SweChatReader.ONLY_IN_CONVERSATIONS), report.summary());
  }

  /** Empty, blank and null prompt rows are nothing typed; a row whose text is withheld but counted still is a prompt. */
  @Test
  void blankPromptRowsAreNoPrompts() throws IOException {
    SweChatFixture f = new SweChatFixture().session("s9", "dana", "r1", "claude_code").repo("r1", "acme/web");
    f.turn("s9", 1, "user_prompt", null, null, null, null)
        .turn("s9", 2, "user_prompt", "", null, null, null)
        .turn("s9", 3, "user_prompt", "  \n ", null, null, null)
        .turn("s9", 4, "user_prompt", "rename the flag", null, null, null)
        .turn("s9", 5, "user_prompt", "and the test too", null, null, null);
    f.conversations.get(4).put("content", null); // withheld, but char_count says 16 characters were typed
    f.writeParquet(dir);
    Session s = read(dir).get(0);
    assertEquals(2, s.events().stream().filter(e -> e.kind() == EventKind.PROMPT).count());
  }

  /** A table whose pages cannot be decoded loses its rows: the summary names the table, not only a count. */
  @Test
  void aTableThatCannotBeReadIsNamedInTheSummary() throws IOException {
    SweChatFixture.standard().writeParquet(dir);
    Path conversations = dir.resolve("conversations.parquet");
    byte[] bytes = Files.readAllBytes(conversations);
    Files.write(conversations, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a download cut short
    read(dir);
    assertTrue(report.summary().contains("conversations.parquet could not be read at all (not a readable Parquet file)"),
        report.summary());
    assertTrue(report.summary().contains(", so what it holds beyond that is missing"), report.summary());
  }

  /**
   * A conversations table that breaks off: the sessions whose rows were not reached are lost to
   * the damage, not sessions without rows that the paper leaves out.
   */
  @Test
  void sessionsBeyondWhereTheConversationsTableBrokeOffAreSkippedNotLeftOutAsThePaperDoes() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.writeParquet(dir);
    Files.createDirectories(dir.resolve("conversations"));
    Files.delete(dir.resolve("conversations.parquet"));
    new ParquetTable("conversations", SweChatFixture.CONVERSATION_COLUMNS).write(
        dir.resolve("conversations/part-0.parquet"),
        f.conversations.stream().filter(r -> r.get("session_id").equals("s1")).toList());
    Files.write(dir.resolve("conversations/part-1.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
    assertEquals(List.of("s1"), read(dir).stream().map(Session::id).toList());
    assertTrue(report.exclusions().isEmpty(), report.exclusions().toString());
    assertTrue(report.skips().stream().anyMatch(k -> k.file().equals(dir.resolve("sessions.parquet")) && k.line() == 2
        && k.reason().equals("session s2 has no rows in the part of the conversations table that could be read")),
        report.skips().toString());
    assertTrue(report.summary().contains("1 session of the sessions table had no rows in the part of the conversations table"),
        report.summary());
  }

  /** A release whose sessions mostly name their user: the few that do not are their repository's, said as such. */
  @Test
  void sessionsWithoutAUserIdInAReleaseThatHasThemAreTheirRepositorysAndOnlyTheyAreSaidToBe() throws IOException {
    SweChatFixture f = SweChatFixture.standard().session("s3", "", "r1", "claude_code");
    f.turn("s3", 1, "user_prompt", "rename it", null, null, null);
    f.writeParquet(dir);
    List<Session> sessions = read(dir);
    assertEquals(List.of("alice", "bob", "repository r1"), sessions.stream().map(Session::userId).toList());
    assertTrue(report.summary().contains(SweChatReader.SOME_WITHOUT_USER_ID), report.summary());
    assertFalse(report.summary().contains(SweChatReader.NO_USER_IDS), report.summary());
  }

  @Test
  void aTableWithoutItsKeyColumnStopsTheReadWithOneSentence() throws IOException {
    SweChatFixture f = SweChatFixture.standard();
    f.sessions.forEach(r -> r.put("id", r.remove("session_id")));
    f.writeJsonl(dir);
    PersonasException e = assertThrows(PersonasException.class, () -> read(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("sessions.jsonl") + " has no session_id column, the key the sessions table is joined on"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void otherAgentsSubagentToolsStartSubagents() throws IOException {
    SweChatFixture f = new SweChatFixture().session("c1", "dana", "r1", "codex").repo("r1", "acme/web");
    f.turn("c1", 1, "user_prompt", "split the work", null, null, null)
        .turn("c1", 2, "tool_use", "", "spawn_agent", null, null)
        .turn("c1", 3, "tool_use", "", "exec_command", "git status", null);
    f.writeParquet(dir);
    assertEquals(List.of(EventKind.PROMPT, EventKind.SUBAGENT_CALL, EventKind.TOOL_CALL), kinds(read(dir).get(0)));
  }
}
