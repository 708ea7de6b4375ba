package dev.personas.load.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.load.ReadReport;
import dev.personas.load.TestTrees;
import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCodeReaderTest {
  private static final String MAIN = "5a1e0000-0000-4000-8000-000000000001";
  private static final String RESUMED = "5a1e0000-0000-4000-8000-000000000002";

  @TempDir Path home;
  private Path projects;
  private final ReadReport report = new ReadReport();
  private final Map<String, Session> sessions = new TreeMap<>();

  @BeforeEach
  void fakeClaudeHome() throws IOException {
    projects = home.resolve(".claude/projects");
    TestTrees.copy("fixtures/claude-code/projects", projects);
    Path sample = projects.resolve("-tmp");
    Files.createDirectories(sample);
    for (String f : List.of("representative_messages.jsonl", "session_b.jsonl")) {
      Files.copy(TestTrees.resource("fixtures/claude-code-log/" + f), sample.resolve(f));
    }
    Path edge = projects.resolve("-tmp-edge");
    Files.createDirectories(edge);
    Files.copy(TestTrees.resource("fixtures/claude-code-log/edge_cases.jsonl"), edge.resolve("edge_cases.jsonl"));
  }

  private void readAll() {
    new ClaudeCodeReader().read(projects, s -> sessions.put(s.id(), s), report);
  }

  private static long count(List<Event> events, EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).count();
  }

  @Test
  void everyCountedKindIsCountedExactlyOnce() {
    readAll();
    List<Event> e = sessions.get(MAIN).events();
    assertEquals(4, count(e, EventKind.PROMPT));
    assertEquals(2, count(e, EventKind.QUEUE_STEERING), "enqueue counts; delivery and popAll do not");
    assertEquals(6, sessions.get(MAIN).typedPromptCount());
    assertEquals(1, count(e, EventKind.SLASH_COMMAND));
    assertEquals(1, count(e, EventKind.BASH_MODE));
    assertEquals(1, count(e, EventKind.INTERRUPT));
    assertEquals(4, count(e, EventKind.INJECTED));
    assertEquals(3, count(e, EventKind.PLAN_MODE));
    assertEquals(1, count(e, EventKind.SUBAGENT_CALL));
    assertEquals(2, count(e, EventKind.TOOL_CALL));
    assertEquals(1, count(e, EventKind.TOOL_RESULT));
    assertEquals(1, count(e, EventKind.THINKING));
    assertEquals(1, count(e, EventKind.ASSISTANT_TEXT));
    assertEquals(1, count(e, EventKind.COMPACTION), "boundary and summary are one compaction");
    assertEquals(1, count(e, EventKind.API_ERROR));
  }

  @Test
  void tokensAreCountedOncePerMessageIdAndRequestId() {
    readAll();
    List<Event> e = sessions.get(MAIN).events();
    assertEquals(1110 + 5 + 1 + 7, e.stream().mapToLong(Event::inputTokens).sum());
    assertEquals(50 + 20 + 2 + 9, e.stream().mapToLong(Event::outputTokens).sum());
  }

  @Test
  void promptTextIsKeptOnlyForPromptsAndCommandArgumentsAndCommandTemplatesStayOut() {
    readAll();
    for (Event e : sessions.get(MAIN).events()) {
      boolean typed = e.kind().isTypedPrompt() || e.kind() == EventKind.SLASH_COMMAND;
      assertEquals(typed, e.text() != null, e.toString());
    }
    Event command = sessions.get(MAIN).events().stream()
        .filter(e -> e.kind() == EventKind.SLASH_COMMAND).findFirst().orElseThrow();
    assertEquals("/init", command.toolName());
    assertEquals("", command.text(), "/init was run with nothing typed after it");
    assertTrue(sessions.get(MAIN).events().stream().filter(e -> e.kind() == EventKind.PROMPT)
        .noneMatch(e -> e.text().contains("CLAUDE.md")));
  }

  @Test
  void toolCallsCarryNameCommandAndPathAndResultsKnowTheirCall() {
    readAll();
    List<Event> e = sessions.get(MAIN).events();
    Event bash = e.stream().filter(x -> x.kind() == EventKind.TOOL_CALL && "Bash".equals(x.toolName())).findFirst().orElseThrow();
    assertEquals("pytest -q", bash.command());
    Event edit = e.stream().filter(x -> "Edit".equals(x.toolName())).findFirst().orElseThrow();
    assertEquals("/home/dev/deploy/scripts/deploy.sh", edit.filePath());
    Event result = e.stream().filter(x -> x.kind() == EventKind.TOOL_RESULT).findFirst().orElseThrow();
    assertTrue(result.isError());
    assertEquals("pytest -q", result.command());
    assertTrue(result.textLength() > 20);
  }

  @Test
  void subagentsOfBothLayoutsAttachToTheirParentAndOrphansAreReported() {
    readAll();
    Session main = sessions.get(MAIN);
    assertEquals(List.of("a1", "b2"), main.subagentIds());
    assertEquals(2, count(main.subagentEvents(), EventKind.PROMPT));
    assertEquals(3 + 2, main.subagentEvents().stream().mapToLong(Event::inputTokens).sum());
    assertTrue(sessions.keySet().stream().noneMatch(id -> id.startsWith("agent-")));
    assertTrue(report.skips().stream().anyMatch(s -> s.file().endsWith("agent-c3.jsonl")
        && s.reason().contains("parent session 99999999")));
  }

  @Test
  void workflowSubagentsNestedUnderSubagentsAttachAndTheWorkflowJournalIsNoSession() throws IOException {
    // Newer Claude Code runs workflows whose agents write <session>/subagents/workflows/<run>/,
    // beside a journal.jsonl of start and result records (layout as in claude-code-log's test data).
    Path run = projects.resolve("-home-dev-deploy/" + MAIN + "/subagents/workflows/wf_01");
    Files.createDirectories(run);
    Files.writeString(run.resolve("journal.jsonl"), "{\"type\": \"started\", \"key\": \"v2:h0\", \"agentId\": \"wf1\"}\n"
        + "{\"type\": \"result\", \"key\": \"v2:h0\", \"agentId\": \"wf1\", \"result\": \"Swept.\"}\n");
    Files.writeString(run.resolve("agent-wf1.jsonl"), "{\"type\":\"user\",\"uuid\":\"wf1u\",\"isSidechain\":true,"
        + "\"sessionId\":\"" + MAIN + "#agent-wf1\",\"timestamp\":\"2025-10-03T10:00:00.000Z\",\"agentId\":\"wf1\","
        + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Sweep docs batch a.\"}]}}\n");
    readAll();
    assertTrue(sessions.get(MAIN).subagentIds().contains("wf1"), sessions.get(MAIN).subagentIds().toString());
    assertTrue(report.skips().stream().noneMatch(s -> s.file().toString().contains("workflows")), report.skips().toString());
    assertEquals(5, sessions.size(), "the journal is no session");
    assertEquals(1, report.emptySessions(), "and no empty one either");
  }

  @Test
  void resumedSessionDoesNotCountReplayedLinesAgain() {
    readAll();
    Session resumed = sessions.get(RESUMED);
    assertEquals(1, resumed.typedPromptCount());
    assertEquals(0, resumed.events().stream().mapToLong(Event::inputTokens).sum());
    assertEquals(MAIN, resumed.parentId());
    assertNull(sessions.get(MAIN).parentId());
  }

  @Test
  void aConversationWrittenOutAgainUnderNewUuidsAddsNoToolCallTwice() throws IOException {
    Path dir = projects.resolve("-tmp-replay");
    Files.createDirectories(dir);
    String head = "{\"sessionId\":\"replay\",\"isSidechain\":false,";
    List<String> lines = new ArrayList<>();
    lines.add(head + "\"type\":\"user\",\"uuid\":\"u1\",\"timestamp\":\"2025-11-01T09:08:21Z\","
        + "\"message\":{\"role\":\"user\",\"content\":\"change the subtitle\"}}");
    for (String[] copy : new String[][] {{"a1", "r1", "09:08:25"}, {"a1-again", "r1-again", "09:24:29"}}) {
      lines.add(head + "\"type\":\"assistant\",\"uuid\":\"" + copy[0] + "\",\"timestamp\":\"2025-11-01T" + copy[2]
          + "Z\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
          + "\"id\":\"toolu_1\",\"name\":\"Edit\",\"input\":{\"file_path\":\"/w/README\"}}]}}");
      lines.add(head + "\"type\":\"user\",\"uuid\":\"" + copy[1] + "\",\"timestamp\":\"2025-11-01T" + copy[2]
          + "Z\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
          + "\"tool_use_id\":\"toolu_1\",\"content\":\"ok\"}]}}");
    }
    lines.add(head + "\"type\":\"assistant\",\"uuid\":\"a2\",\"timestamp\":\"2025-11-01T09:24:31Z\","
        + "\"message\":{\"id\":\"msg_2\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
        + "\"id\":\"toolu_2\",\"name\":\"Bash\",\"input\":{\"command\":\"npm run dev\"}}]}}");
    Files.write(dir.resolve("replay.jsonl"), lines);
    readAll();
    List<Event> e = sessions.get("replay").events();
    assertEquals(2, count(e, EventKind.TOOL_CALL), e.toString());
    assertEquals(1, count(e, EventKind.TOOL_RESULT), e.toString());
    assertEquals(1, sessions.get("replay").typedPromptCount());
  }

  /**
   * Claude Code writes "[Request interrupted by user]" with interruptedByShutdown when it shut down
   * while the agent worked, and "Continue from where you left off." as a meta line when the session
   * is resumed: no one interrupted. The same words typed with Escape are an interrupt.
   */
  @Test
  void aShutdownMidTurnIsNoInterrupt() throws IOException {
    String user = "{\"sessionId\":\"shut\",\"isSidechain\":false,\"type\":\"user\",\"uuid\":\"shut-%s\","
        + "\"timestamp\":\"2026-08-23T04:%sZ\",%s\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"%s\"}]}}";
    String reply = "{\"sessionId\":\"shut\",\"isSidechain\":false,\"type\":\"assistant\",\"uuid\":\"shut-%s\","
        + "\"timestamp\":\"2026-08-23T04:%sZ\",\"message\":{\"id\":\"m-%1$s\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"On it.\"}]}}";
    Path dir = projects.resolve("-tmp-shutdown");
    Files.createDirectories(dir);
    Files.write(dir.resolve("shut.jsonl"), List.of(
        String.format(user, "u1", "30:00.000", "", "rename the config loader"),
        String.format(reply, "a1", "30:05.000"),
        String.format(user, "s1", "30:40.000", "\"interruptedByShutdown\":true,", "[Request interrupted by user]"),
        String.format(user, "c1", "41:00.000", "\"isMeta\":true,", "Continue from where you left off."),
        String.format(reply, "a2", "41:05.000"),
        String.format(user, "i1", "41:20.000", "", "[Request interrupted by user]"),
        String.format(user, "u2", "41:30.000", "", "keep the old name as an alias")));
    readAll();
    List<Event> events = sessions.get("shut").events();
    assertEquals(1, count(events, EventKind.INTERRUPT), events.toString());
    assertEquals(2, sessions.get("shut").typedPromptCount(), events.toString());
  }

  @Test
  void aPromptWrittenOutAgainInAReplayCountsOnceAndOneTypedAgainCountsTwice() throws IOException {
    // Line uuids are the session's own (%1$s-…): a uuid seen in another file would be a resume.
    String line = "{\"sessionId\":\"%1$s\",\"isSidechain\":false,\"type\":\"%2$s\",\"uuid\":\"%1$s-%3$s\","
        + "\"timestamp\":\"2025-10-30T%4$sZ\",\"message\":{\"role\":\"%5$s\",\"content\":\"%6$s\"}}";
    Path dir = projects.resolve("-tmp-replayed-prompt");
    Files.createDirectories(dir);
    // The VS Code extension writes the conversation out again, a run of lines at one instant.
    Files.write(dir.resolve("burst.jsonl"), List.of(
        String.format(line, "burst", "user", "u1", "09:17:51.887", "user", "fix the footer glow"),
        String.format(line, "burst", "assistant", "a1", "09:18:02.000", "assistant", "Moved it down."),
        String.format(line, "burst", "user", "i1-again", "09:39:20.567", "user", "[Request interrupted by user]"),
        String.format(line, "burst", "assistant", "a0-again", "09:39:20.567", "assistant", "Looking."),
        String.format(line, "burst", "user", "u1-again", "09:39:20.567", "user", "fix the footer glow"),
        String.format(line, "burst", "assistant", "a1-again", "09:39:20.567", "assistant", "Moved it down."),
        // The person asks the same again, later: a prompt of its own.
        String.format(line, "burst", "user", "u3", "09:45:00.000", "user", "fix the footer glow")));
    // Another client writes a session's first exchange again with its old times.
    Files.write(dir.resolve("old-times.jsonl"), List.of(
        String.format(line, "old-times", "user", "u1", "08:53:03.853", "user", "why does login fail?"),
        String.format(line, "old-times", "assistant", "a1", "08:53:04.548", "assistant", "403."),
        String.format(line, "old-times", "user", "u2", "08:54:06.411", "user", "and now?"),
        String.format(line, "old-times", "user", "i1-again", "08:53:03.853", "user", "[Request interrupted by user]"),
        String.format(line, "old-times", "user", "u1-again", "08:53:03.853", "user", "why does login fail?")));
    // A client's notice written at the instant of the prompt it comes with, and the same prompt
    // typed again later with its own notice: two prompts.
    Files.write(dir.resolve("notice.jsonl"), List.of(
        String.format(line, "notice", "user", "n1", "00:50:26.249", "user", "[Request interrupted by user]"),
        String.format(line, "notice", "user", "u1", "00:50:26.249", "user", "run it"),
        String.format(line, "notice", "user", "n2", "00:50:41.313", "user", "[Request interrupted by user]"),
        String.format(line, "notice", "user", "u2", "00:50:41.313", "user", "run it")));
    readAll();
    assertEquals(2, sessions.get("burst").typedPromptCount(), sessions.get("burst").events().toString());
    assertEquals(2, sessions.get("old-times").typedPromptCount(), sessions.get("old-times").events().toString());
    assertEquals(2, sessions.get("notice").typedPromptCount(), sessions.get("notice").events().toString());
  }

  @Test
  void notTypedByThePersonAreTeammatesNoticesUnknownCommandsQueuedCommandsAndAQueueLoop() throws IOException {
    String user = "{\"sessionId\":\"odd\",\"isSidechain\":false,\"type\":\"user\",\"uuid\":\"odd-%s\","
        + "\"timestamp\":\"2026-01-16T05:%sZ\",\"message\":{\"role\":\"user\",\"content\":\"%s\"}}";
    String queued = "{\"type\":\"queue-operation\",\"operation\":\"%s\",\"timestamp\":\"2026-01-16T05:%sZ\","
        + "\"sessionId\":\"odd\",\"content\":\"%s\"}";
    String dequeue = "{\"type\":\"queue-operation\",\"operation\":\"dequeue\",\"timestamp\":\"2026-01-16T05:%sZ\","
        + "\"sessionId\":\"odd\"}";
    String command = "<command-name>/context</command-name><command-message>context</command-message><command-args></command-args>";
    Path dir = projects.resolve("-tmp-not-typed");
    Files.createDirectories(dir);
    List<String> lines = new ArrayList<>(List.of(
        String.format(user, "u1", "00:00.000", "Create a team with 2 teammates to find the leak"),
        String.format(queued, "enqueue", "01:00.000", "<teammate-message teammate_id=\\\"analyst\\\">found it</teammate-message>"),
        String.format(user, "n1", "02:00.000", "<agent-notification><agent-id>a67f</agent-id></agent-notification>"),
        String.format(user, "x1", "03:00.000", "Unknown slash command: resume"),
        // A command typed while the agent worked: counted when it runs, as the command.
        String.format(queued, "enqueue", "04:00.000", "/context"),
        String.format(dequeue, "04:00.100"),
        String.format(user, "c1", "04:00.200", command),
        // A path is no command: typed steering.
        String.format(queued, "enqueue", "05:00.000", "/usr/lib/x is missing")));
    // A client loop: one queued message written out again and again, a tenth of a second apart.
    for (int i = 0; i < 5; i++) {
      lines.add(String.format(queued, "enqueue", "06:0" + i + ".1" + i + "0", "what happened?"));
      lines.add(String.format(dequeue, "06:0" + i + ".1" + i + "5"));
    }
    // The same words queued again well after: the person again.
    lines.add(String.format(queued, "enqueue", "07:00.000", "what happened?"));
    Files.write(dir.resolve("odd.jsonl"), lines);
    readAll();
    List<Event> e = sessions.get("odd").events();
    assertEquals(1, count(e, EventKind.PROMPT), e.toString());
    assertEquals(3, count(e, EventKind.QUEUE_STEERING), "the path, the looped message once, the later one: " + e);
    assertEquals(1, count(e, EventKind.SLASH_COMMAND), e.toString());
    assertEquals(4, sessions.get("odd").typedPromptCount());
  }

  @Test
  void aFileOfClaudeCodesTitleRequestAloneIsNoSession() throws IOException {
    String line = "{\"sessionId\":\"%1$s\",\"isSidechain\":false,\"type\":\"%2$s\",\"uuid\":\"%1$s-%3$s\","
        + "\"timestamp\":\"2026-05-21T04:12:%4$sZ\",\"message\":{\"role\":\"%2$s\",\"content\":\"%5$s\"}}";
    String request = "Context: This summary will be shown in a list to help users and Claude choose which conversations "
        + "are relevant.\\n\\nPlease write a concise, factual summary of this conversation.";
    Path dir = projects.resolve("-tmp-titles");
    Files.createDirectories(dir);
    Files.write(dir.resolve("title.jsonl"), List.of(
        String.format(line, "title", "user", "u1", "48.776", request),
        String.format(line, "title", "assistant", "a1", "50.672", "Saved the report checker settings.")));
    // A title request inside a conversation is not typed either; the conversation stays a session.
    Files.write(dir.resolve("talk.jsonl"), List.of(
        String.format(line, "talk", "user", "u1", "10.000", "why is the sidebar empty?"),
        String.format(line, "talk", "user", "u2", "20.000", request),
        String.format(line, "talk", "assistant", "a1", "30.000", "Sidebar setting found.")));
    readAll();
    assertNull(sessions.get("title"), "a title request alone is no session");
    assertEquals(1, sessions.get("talk").typedPromptCount());
    assertEquals(2, report.emptySessions(), "the fixtures' empty file and the title request");
  }

  @Test
  void aQueuedCommandIsACommandAndAPathIsNot() {
    assertTrue(ClaudeText.isCommand("/context"));
    assertTrue(ClaudeText.isCommand("  /review src/app.py\n"));
    assertTrue(ClaudeText.isCommand("/feature-dev:feature-dev"));
    assertTrue(!ClaudeText.isCommand("/usr/lib/x is missing"));
    assertTrue(!ClaudeText.isCommand("/"));
    assertTrue(!ClaudeText.isCommand("/1up"));
    assertTrue(!ClaudeText.isCommand("fix /context"));
  }

  @Test
  void sessionFileWithoutConversationIsCountedAsEmptyNotAsSession() {
    readAll();
    assertEquals(5, sessions.size(), sessions.keySet().toString());
    assertEquals(5, report.sessions());
    assertEquals(1, report.emptySessions());
  }

  @Test
  void sessionsCarryLocalUserProjectRepoAndAgent() {
    readAll();
    Session s = sessions.get(MAIN);
    assertEquals("local", s.userId());
    assertEquals("-home-dev-deploy", s.repoId());
    assertEquals(Agent.CLAUDE_CODE, s.agent());
    assertEquals("2025-10-03T09:00:00Z", s.start().toString());
  }

  /**
   * Entire keeps every session as full.jsonl, and people rename copies: such a file is known by the
   * session its lines name, not by "full"; a file Claude Code named (a UUID) keeps its name.
   */
  @Test
  void aSessionFileNotNamedAfterItsSessionIsKnownByTheSessionItsLinesName() throws IOException {
    Path real = TestTrees.resource("real/JeedaveyFCRA+poc/.claude/projects/-home-avid-arrajeedavey/"
        + "7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl");
    Path entire = home.resolve("entire/7b/4d3e88/0/full.jsonl");
    Files.createDirectories(entire.getParent());
    Files.copy(real, entire);
    List<String> ids = new java.util.ArrayList<>();
    new ClaudeCodeReader().read(home.resolve("entire"), s -> ids.add(s.id()), report);
    assertEquals(List.of("7b4d3e88-1959-4340-b1a6-fc57134d7481"), ids);
    assertEquals("5a1e0000-0000-4000-8000-000000000001", ClaudeCodeReader.sessionId(MAIN, "another"));
    assertEquals("full", ClaudeCodeReader.sessionId("full", null));
  }

  /**
   * Entire keeps a Claude Code transcript as it was at each checkpoint, each in a folder of its
   * own, and people keep backups beside the original: one session, read from the longest copy,
   * whichever copy path order puts first; the others are counted as copies.
   */
  @Test
  void copiesOfASessionInSeveralFoldersAreReadOnceFromTheLongest() throws IOException {
    Path real = TestTrees.resource("real/JeedaveyFCRA+poc/.claude/projects/-home-avid-arrajeedavey/"
        + "7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl");
    List<String> lines = Files.readAllLines(real);
    Path kept = home.resolve("kept");
    Map<String, List<String>> copies = Map.of("0a/1/full.jsonl", lines.subList(0, lines.size() * 2 / 5),
        "5f/2/full.jsonl", lines, "c3/3/full.jsonl", lines.subList(0, lines.size() * 7 / 10),
        "backup/7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl", lines.subList(0, lines.size() / 2));
    for (Map.Entry<String, List<String>> copy : copies.entrySet()) {
      Files.createDirectories(kept.resolve(copy.getKey()).getParent());
      Files.write(kept.resolve(copy.getKey()), copy.getValue());
    }
    List<Session> alone = new java.util.ArrayList<>();
    new ClaudeCodeReader().read(real, alone::add, new ReadReport());
    List<Session> got = new java.util.ArrayList<>();
    ReadReport copiesReport = new ReadReport();
    new ClaudeCodeReader().read(kept, got::add, copiesReport);
    assertEquals(1, got.size(), copiesReport.summary());
    assertEquals(alone.get(0).id(), got.get(0).id());
    assertEquals(alone.get(0).events(), got.get(0).events());
    assertEquals(3, copiesReport.sessionCopies(), copiesReport.summary());
    assertEquals(0, copiesReport.emptySessions(), copiesReport.summary());
  }

  /**
   * A copy damaged by a tool that redacted it (numbers replaced in place, leaving lines that are
   * no JSON), longer than the original and so read first: the original's lines it lost join the
   * one session, in their place in time, and the session is the original's (the damaged lines
   * still reported, file:line).
   */
  @Test
  void aDamagedCopyReadFirstTakesTheLinesItLostFromTheOtherCopy() throws IOException {
    Path real = TestTrees.resource("real/JeedaveyFCRA+poc/.claude/projects/-home-avid-arrajeedavey/"
        + "7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl");
    List<String> lines = Files.readAllLines(real);
    List<String> damaged = new ArrayList<>(lines);
    for (int i : new int[] {22, 27, 30}) { // the agent's text between tool calls
      damaged.set(i, damaged.get(i).replaceFirst("\\}$", ",\"requestId\":[REDACTED_PHONE]}"));
    }
    Path kept = home.resolve("redacted");
    String name = "7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl";
    Files.createDirectories(kept.resolve("Archives"));
    Files.createDirectories(kept.resolve("CHAT_LOGS"));
    Files.write(kept.resolve("Archives").resolve(name), lines);
    Files.write(kept.resolve("CHAT_LOGS").resolve(name), damaged);
    List<Session> alone = new ArrayList<>();
    new ClaudeCodeReader().read(real, alone::add, new ReadReport());
    List<Session> got = new ArrayList<>();
    ReadReport copiesReport = new ReadReport();
    new ClaudeCodeReader().read(kept, got::add, copiesReport);
    assertEquals(1, got.size(), copiesReport.summary());
    assertEquals(alone.get(0).events(), got.get(0).events());
    assertEquals(alone.get(0).start(), got.get(0).start());
    assertEquals(alone.get(0).end(), got.get(0).end());
    assertEquals(1, copiesReport.sessionCopies(), copiesReport.summary());
    assertEquals(List.of("CHAT_LOGS/" + name + ":23", "CHAT_LOGS/" + name + ":28", "CHAT_LOGS/" + name + ":31"),
        copiesReport.skips().stream().map(k -> kept.relativize(k.file()) + ":" + k.line()).toList());
  }

  /**
   * A damaged copy read first, of a log with queued text, a mode change and a compaction: the
   * original's lines join it, and nothing the copy already gave (lines without a uuid, a
   * compaction's second line, which adds no event of its own) is counted again.
   */
  @Test
  void joiningACopyCountsNothingTwice() throws IOException {
    Path real = TestTrees.resource("fixtures/claude-code/projects/-home-dev-deploy/" + MAIN + ".jsonl");
    List<String> lines = Files.readAllLines(real);
    List<String> damaged = new ArrayList<>(lines);
    // The agent's first thinking (a line a call's result does not need: a lost tool call joins
    // after its result, which then names no tool).
    damaged.set(2, damaged.get(2).replaceFirst("\\}$", ",\"requestId\":[REDACTED_PHONE]}"));
    Path kept = home.resolve("queued");
    Files.createDirectories(kept.resolve("a"));
    Files.createDirectories(kept.resolve("b"));
    Files.write(kept.resolve("a").resolve(MAIN + ".jsonl"), lines);
    Files.write(kept.resolve("b").resolve(MAIN + ".jsonl"), damaged);
    List<Session> alone = new ArrayList<>();
    new ClaudeCodeReader().read(real, alone::add, new ReadReport());
    List<Session> got = new ArrayList<>();
    new ClaudeCodeReader().read(kept, got::add, new ReadReport());
    Session whole = alone.stream().filter(x -> x.id().equals(MAIN)).findFirst().orElseThrow();
    Session joined = got.stream().filter(x -> x.id().equals(MAIN)).findFirst().orElseThrow();
    // The same events; a message's tokens, counted once, may sit on another of its lines.
    assertEquals(whole.events().stream().map(e -> e.kind() + " " + e.timestamp() + " " + e.text()).toList(),
        joined.events().stream().map(e -> e.kind() + " " + e.timestamp() + " " + e.text()).toList());
    assertEquals(whole.events().stream().mapToLong(Event::inputTokens).sum(),
        joined.events().stream().mapToLong(Event::inputTokens).sum());
  }

  /**
   * Claude Code writes a streamed message as one line per content block, each with the usage as
   * it stood then: the output tokens grow, so the message counts at its largest, once.
   */
  @Test
  void aMessageWrittenOverSeveralLinesCountsItsLargestUsageOnce() throws IOException {
    String line = "{\"type\":\"assistant\",\"uuid\":\"%s\",\"parentUuid\":\"%s\",\"sessionId\":\"s\","
        + "\"timestamp\":\"2025-06-01T10:0%d:00Z\",\"requestId\":\"%s\",\"message\":{\"id\":\"%s\","
        + "\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}],"
        + "\"usage\":{\"input_tokens\":%d,\"cache_read_input_tokens\":%d,\"output_tokens\":%d}}}";
    Path project = home.resolve("streamed/-home-x");
    Files.createDirectories(project);
    Files.write(project.resolve("s.jsonl"), List.of(
        "{\"type\":\"user\",\"uuid\":\"u1\",\"parentUuid\":null,\"sessionId\":\"s\","
            + "\"timestamp\":\"2025-06-01T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"add a readme\"}}",
        String.format(line, "a1", "u1", 1, "req_A", "msg_A", 100, 1000, 3),
        String.format(line, "a2", "a1", 2, "req_A", "msg_A", 100, 1000, 250),
        // A copy of the first line again (a replay) adds nothing, nor does a smaller count.
        String.format(line, "a3", "a2", 3, "req_A", "msg_A", 100, 1000, 3),
        String.format(line, "a4", "a3", 4, "req_B", "msg_B", 120, 1100, 7)));
    List<Session> got = new ArrayList<>();
    new ClaudeCodeReader().read(home.resolve("streamed"), got::add, new ReadReport());
    List<Event> e = got.get(0).events();
    assertEquals(250 + 7, e.stream().mapToLong(Event::outputTokens).sum(), "msg_A at its last line's 250, not its first's 3");
    assertEquals(1100 + 1220, e.stream().mapToLong(Event::inputTokens).sum());
  }

  /** A session kept again under another session's name is counted once, and said to be a copy, not empty. */
  @Test
  void aSessionKeptUnderAnotherNameIsACopyNotAnEmptySession() throws IOException {
    Path real = TestTrees.resource("real/JeedaveyFCRA+poc/.claude/projects/-home-avid-arrajeedavey/"
        + "7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl");
    Path project = home.resolve("renamed/-home-avid");
    Files.createDirectories(project);
    Files.copy(real, project.resolve("7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl"));
    Files.copy(real, project.resolve("ffffffff-1959-4340-b1a6-fc57134d7481.jsonl"));
    List<Session> got = new ArrayList<>();
    ReadReport copiesReport = new ReadReport();
    new ClaudeCodeReader().read(home.resolve("renamed"), got::add, copiesReport);
    assertEquals(1, got.size(), copiesReport.summary());
    assertEquals(1, copiesReport.sessionCopies(), copiesReport.summary());
    assertEquals(0, copiesReport.emptySessions(), copiesReport.summary());
  }

  /** A project kept twice (a backup folder): its sessions once, their subagents with them, nothing orphaned. */
  @Test
  void aProjectKeptInTwoFoldersIsReadOnceWithItsSubagents() throws IOException {
    Path kept = home.resolve("twice");
    TestTrees.copy("fixtures/claude-code/projects/-home-dev-deploy", kept.resolve("a"));
    TestTrees.copy("fixtures/claude-code/projects/-home-dev-deploy", kept.resolve("b"));
    List<Session> once = new java.util.ArrayList<>();
    ReadReport onceReport = new ReadReport();
    new ClaudeCodeReader().read(kept.resolve("a"), once::add, onceReport);
    List<Session> twice = new java.util.ArrayList<>();
    ReadReport twiceReport = new ReadReport();
    new ClaudeCodeReader().read(kept, twice::add, twiceReport);
    assertEquals(once.stream().map(s -> s.id() + " " + s.events().size() + "+" + s.subagentEvents().size()).toList(),
        twice.stream().map(s -> s.id() + " " + s.events().size() + "+" + s.subagentEvents().size()).toList());
    // Only the fixture's own orphan (agent-c3 names a session that is nowhere), once per copy of it.
    assertEquals(2 * onceReport.skipCount(), twiceReport.skipCount(), twiceReport.skips().toString());
    assertTrue(twiceReport.skips().stream().allMatch(s -> s.file().getFileName().toString().equals("agent-c3.jsonl")),
        twiceReport.skips().toString());
    assertTrue(twiceReport.sessionCopies() >= 2, twiceReport.summary());
  }

  @Test
  void realFormatSamplesCountPromptsAndReportBadLinesWithTheirLocation() {
    readAll();
    assertEquals(4, sessions.get("test_session").typedPromptCount(), "representative_messages.jsonl's session");
    assertEquals(2, sessions.get("session_b").typedPromptCount());
    Session edge = sessions.get("edge_cases");
    assertEquals(3, edge.typedPromptCount());
    assertEquals(1, count(edge.events(), EventKind.SLASH_COMMAND));
    List<String> located = new ArrayList<>();
    report.skips().forEach(s -> located.add(s.file().getFileName() + ":" + s.line()));
    assertTrue(located.containsAll(List.of("edge_cases.jsonl:13", "edge_cases.jsonl:15", "edge_cases.jsonl:16")), located.toString());
    assertEquals(report.linesRead(), report.linesParsed() + report.linesIgnored() + report.lineSkipCount());
  }

  @Test
  void singleGzippedFileIsReadWithItsNewLayoutSubagents() throws IOException {
    Path dir = projects.resolve("-home-dev-deploy");
    Path gz = dir.resolve(MAIN + ".jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(dir.resolve(MAIN + ".jsonl"), out);
    }
    Files.delete(dir.resolve(MAIN + ".jsonl"));
    new ClaudeCodeReader().read(gz, s -> sessions.put(s.id(), s), report);
    assertEquals(List.of(MAIN), new ArrayList<>(sessions.keySet()));
    assertEquals(6, sessions.get(MAIN).typedPromptCount());
    assertEquals(List.of("a1"), sessions.get(MAIN).subagentIds());
  }
}
