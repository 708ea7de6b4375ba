package dev.personas.load.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.features.Feature;
import dev.personas.features.FeatureExtractor;
import dev.personas.features.FeatureVector;
import dev.personas.load.ReadReport;
import dev.personas.load.TestTrees;
import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexReaderTest {
  private static final String A = "0199a1b2-0000-7000-8000-00000000000a";
  private static final String B = "0199a1b2-0000-7000-8000-00000000000b";
  private static final String C = "0199a1b2-0000-7000-8000-00000000000c";
  private static final String D = "0199a1b2-0000-7000-8000-00000000000d";

  @TempDir Path home;
  private final ReadReport report = new ReadReport();
  private final Map<String, Session> sessions = new TreeMap<>();

  @BeforeEach
  void read() throws IOException {
    Path root = home.resolve(".codex/sessions");
    TestTrees.copy("fixtures/codex/sessions", root);
    new CodexReader().read(root, s -> sessions.put(s.id(), s), report);
  }

  private static long count(Session s, EventKind kind) {
    return s.events().stream().filter(e -> e.kind() == kind).count();
  }

  @Test
  void promptsWrittenTwiceCountOnceAndInjectedContextIsNotAPrompt() {
    Session a = sessions.get(A);
    assertEquals(3, a.typedPromptCount());
    assertEquals(2, count(a, EventKind.INJECTED));
    assertEquals(Agent.CODEX, a.agent());
    assertEquals("-home-dev-shop", a.repoId());
  }

  @Test
  void aCustomPromptsExpansionIsACommandAndTheIdeContextIsNotTyped() {
    Session d = sessions.get(D);
    assertEquals(1, d.typedPromptCount(), "only the request typed in the IDE is a prompt");
    assertEquals(2, count(d, EventKind.SLASH_COMMAND), "spec-kit's template and a front-matter command file");
    List<Event> commands = d.events().stream().filter(e -> e.kind() == EventKind.SLASH_COMMAND).toList();
    assertEquals("Add a CSV export of orders".length(), commands.get(0).textLength(), "the typed arguments");
    assertEquals("这个导出支持中文吗？", d.events().stream().filter(e -> e.kind().isTypedPrompt())
        .findFirst().orElseThrow().text());
  }

  @Test
  void expansionsAreRecognisedByTheirShapeAndOrdinaryPromptsAreNot() {
    assertEquals("T006", CodexSessionBuilder.expansionArguments("## User Input\n\n```text\nT006\n```\n\nYou **MUST**"));
    assertEquals("", CodexSessionBuilder.expansionArguments("\n## Checklist\n\n## User Input\n\n```text\n\n```\n"));
    assertEquals("", CodexSessionBuilder.expansionArguments("---\ndescription: Plan it\n---\n\nRun the plan."));
    assertEquals("", CodexSessionBuilder.expansionArguments("# /butler-exec — Execute a ButlerSpec\n\nPurpose: run"));
    assertNull(CodexSessionBuilder.expansionArguments("# Heading\nplease fix the ## User Input parsing"));
    assertEquals("", CodexSessionBuilder.expansionArguments("\nYou must fully embody this agent's persona.\n\n"
        + "<agent-activation CRITICAL=\"TRUE\">\n1. LOAD the FULL agent file from @bmad/bmm/agents/dev.md\n</agent-activation>\n"));
    assertNull(CodexSessionBuilder.expansionArguments("---\ntitle: notes\n---\nwhat does this do?"));
    assertNull(CodexSessionBuilder.expansionArguments("fix the login bug"));
    assertEquals("", CodexSessionBuilder.expansionArguments("Review the code changes against the base branch 'master'. "
        + "The merge base commit for this comparison is 5cd66b2. Run `git diff 5cd66b2` to inspect the changes."));
    assertEquals("", CodexSessionBuilder.expansionArguments(
        "Review the current code changes (staged, unstaged, and untracked files) and provide prioritized findings."));
    assertNull(CodexSessionBuilder.expansionArguments("Review the code changes and tell me what breaks"));
    // What /init writes is the command itself, which sets the table.
    assertEquals("/init", CodexSessionBuilder.expansionArguments("Generate a file named AGENTS.md that serves as a "
        + "contributor guide for this repository.\nYour goal is to produce a clear, concise document."));
    assertNull(CodexSessionBuilder.expansionArguments("Generate a file named AGENTS.md for the API folder"));
    assertEquals("continue", CodexSessionBuilder.ideRequest("# Context from my IDE setup:\n\n## My request for Codex:\ncontinue\n"));
    assertEquals("fix it", CodexSessionBuilder.ideRequest("fix it"));
  }

  @Test
  void aSkillsInstructionsAndPluginRecommendationsAreNotTyped() {
    assertEquals(EventKind.INJECTED, CodexSessionBuilder.classify(
        "<skill>\n<name>skill-installer</name>\n<path>/home/a/.codex/skills/SKILL.md</path>\n---\nname: x"));
    assertEquals(EventKind.INJECTED, CodexSessionBuilder.classify("<recommended_plugins> Here is a list of plugins"));
    assertEquals(EventKind.INJECTED, CodexSessionBuilder.classify(
        "Warning: apply_patch was requested via exec_command. Use the apply_patch tool instead of exec_command."));
    assertEquals(EventKind.PROMPT, CodexSessionBuilder.classify("Warning: the build is red, fix it"));
    assertEquals(EventKind.PROMPT, CodexSessionBuilder.classify("$skill-installer"));
    assertEquals(EventKind.PROMPT, CodexSessionBuilder.classify("why does <skill> not render?"));
  }

  /**
   * Rollouts Codex writes for a guardian's review or a spawned thread are the agent's, not the
   * person's; the review the person asked for with /review is theirs.
   */
  @Test
  void aSubagentsRolloutIsLeftOutAndSaidSo() throws IOException {
    Path dir = java.nio.file.Files.createDirectories(home.resolve("subagents"));
    String meta = "{\"timestamp\":\"2026-05-12T20:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"%s\","
        + "\"cwd\":\"/home/dev/shop\",\"source\":%s}}\n";
    String asked = "{\"timestamp\":\"2026-05-12T20:00:05Z\",\"type\":\"event_msg\",\"payload\":"
        + "{\"type\":\"user_message\",\"message\":\"%s\"}}\n";
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-00-00-" + A + ".jsonl"),
        String.format(meta, A, "{\"subagent\":{\"other\":\"guardian\"}}") + String.format(asked, "assess this request"));
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-01-00-" + B + ".jsonl"),
        String.format(meta, B, "{\"subagent\":{\"thread_spawn\":{\"parent_thread_id\":\"" + C + "\",\"depth\":1}}}")
            + String.format(asked, "review the parser"));
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-02-00-" + C + ".jsonl"),
        String.format(meta, C, "\"vscode\"") + String.format(asked, "add a CSV export"));
    // The review the person asked for with /review runs as a sub-agent too, and is theirs.
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-03-00-" + D + ".jsonl"),
        String.format(meta, D, "{\"subagent\":\"review\"}") + String.format(asked, "review my change"));
    ReadReport own = new ReadReport();
    List<String> read = new java.util.ArrayList<>();
    new CodexReader().read(dir, s -> read.add(s.id()), own);
    assertEquals(List.of(C, D), read);
    assertEquals(2, own.subagentSessions());
    assertTrue(own.summary().contains("2 Codex sub-agent sessions (a guardian's review, or a thread spawned in a session not read) left out"),
        own.summary());
  }

  /**
   * A thread the agent spawned is written to a rollout of its own: its work joins the session that
   * spawned it (a thread it spawns in turn, the same session), as a Claude Code subagent's does,
   * and the sessions read after it are handed on in reading order once its threads are read.
   */
  @Test
  void aSpawnedThreadsWorkJoinsTheSessionThatSpawnedIt() throws IOException {
    Path dir = java.nio.file.Files.createDirectories(home.resolve("spawned"));
    String meta = "{\"timestamp\":\"2026-05-12T20:%s:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"%s\","
        + "\"cwd\":\"/home/dev/shop\",\"source\":%s}}\n";
    String asked = "{\"timestamp\":\"2026-05-12T20:%s:05Z\",\"type\":\"event_msg\",\"payload\":"
        + "{\"type\":\"user_message\",\"message\":\"%s\"}}\n";
    String call = "{\"timestamp\":\"2026-05-12T20:%s:10Z\",\"type\":\"response_item\",\"payload\":"
        + "{\"type\":\"function_call\",\"name\":\"%s\",\"arguments\":\"{}\",\"call_id\":\"%s\"}}\n";
    String spawned = "{\"subagent\":{\"thread_spawn\":{\"parent_thread_id\":\"%s\",\"depth\":1}}}";
    String e = "0199a1b2-0000-7000-8000-00000000000e";
    String f = "0199a1b2-0000-7000-8000-00000000000f";
    // A spawns two threads (B, and D, which spawns E); C, the person's next session, starts between them.
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-00-00-" + A + ".jsonl"),
        String.format(meta, "00", A, "\"cli\"") + String.format(asked, "00", "split the parser")
            + String.format(call, "00", "spawn_agent", "a1") + String.format(call, "00", "spawn_agent", "a2"));
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-01-00-" + B + ".jsonl"),
        String.format(meta, "01", B, String.format(spawned, A)) + String.format(asked, "01", "read the lexer")
            + String.format(call, "01", "exec_command", "b1"));
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-02-00-" + C + ".jsonl"),
        String.format(meta, "02", C, "\"cli\"") + String.format(asked, "02", "add a CSV export"));
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-03-00-" + D + ".jsonl"),
        String.format(meta, "03", D, String.format(spawned, A)) + String.format(asked, "03", "fix the tests")
            + String.format(call, "03", "spawn_agent", "d1") + String.format(call, "03", "apply_patch", "d2"));
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-04-00-" + e + ".jsonl"),
        String.format(meta, "04", e, String.format(spawned, D)) + String.format(call, "04", "exec_command", "e1"));
    // A thread whose session is not among the files read is left out and counted.
    java.nio.file.Files.writeString(dir.resolve("rollout-2026-05-12T20-05-00-" + f + ".jsonl"),
        String.format(meta, "05", f, String.format(spawned, "0199a1b2-0000-7000-8000-000000000099"))
            + String.format(call, "05", "exec_command", "f1"));
    ReadReport own = new ReadReport();
    List<Session> read = new java.util.ArrayList<>();
    new CodexReader().read(dir, read::add, own);
    assertEquals(List.of(A, C), read.stream().map(Session::id).toList());
    Session a = read.get(0);
    assertEquals(List.of(B, D, e), a.subagentIds());
    assertEquals(List.of("exec_command", "spawn_agent", "apply_patch", "exec_command"), a.subagentEvents().stream()
        .filter(x -> x.kind() == EventKind.TOOL_CALL).map(Event::toolName).toList());
    // The threads' task messages are the agent's: the session's own prompts are the person's.
    assertEquals(1, count(a, EventKind.PROMPT));
    assertEquals(java.time.Instant.parse("2026-05-12T20:04:10Z"), a.end());
    assertEquals(List.of(), read.get(1).subagentIds());
    assertEquals(1, own.subagentSessions());
  }

  @Test
  void aCodeModeScriptsToolCallsAreTheSessionsCalls() throws IOException {
    Path root = home.resolve("code-mode");
    TestTrees.copy("fixtures/codex/code-mode", root);
    List<Session> read = new ArrayList<>();
    new CodexReader().read(root, read::add, new ReadReport());
    Session s = read.get(0);
    List<Event> calls = s.events().stream().filter(x -> x.kind() == EventKind.TOOL_CALL).toList();
    // Strings and comments that mention tools.* call nothing; a script that calls no tool is one call.
    assertEquals(List.of("exec_command", "exec_command", "exec_command", "apply_patch", "apply_patch",
        "exec_command", "update_plan", "web.run", "exec"), calls.stream().map(Event::toolName).toList());
    assertEquals(Arrays.asList("rg --files src/db", "sed -n '1,80p' src/db/schema.ts",
        "git status --short", null, null, "npm test", null, null, null),
        calls.stream().map(Event::command).toList());
    assertEquals("migrations/0004_teams.sql", calls.get(3).filePath());
    assertEquals("NOTES.md", calls.get(4).filePath());
    // Each call has its result; a printed non-zero exit code fails a one-call script's command,
    // a failed script its last call.
    List<Event> results = s.events().stream().filter(x -> x.kind() == EventKind.TOOL_RESULT).toList();
    assertEquals(calls.size(), results.size());
    assertEquals(List.of("npm test"), results.stream().filter(Event::isError).filter(x -> x.command() != null)
        .map(Event::command).toList());
    assertEquals(List.of("exec_command", "web.run"), results.stream().filter(Event::isError)
        .map(Event::toolName).toList());
    FeatureVector v = new FeatureExtractor().extract(s);
    assertEquals(2, v.get(Feature.EDIT_ITERATIONS));
    assertEquals(1, v.get(Feature.DOC_EDITS));
    assertEquals(1, v.get(Feature.TEST_RUNS));
    assertEquals(1, v.get(Feature.FAILED_TEST_RUNS));
    assertEquals(1, v.get(Feature.TODO_LISTS));
    assertEquals(1, v.get(Feature.WEB_LOOKUPS));
  }

  @Test
  void tokensComeFromDeltasOfCumulativeTotalsRestartingAfterAResume() {
    Session a = sessions.get(A);
    assertEquals(5000 + 4000 + 3000 + 3000, a.events().stream().mapToLong(Event::inputTokens).sum());
    assertEquals(200 + 250 + 150 + 150, a.events().stream().mapToLong(Event::outputTokens).sum());
  }

  @Test
  void toolCallsResultsInterruptsAndCompactionAreMapped() {
    Session a = sessions.get(A);
    assertEquals(4, count(a, EventKind.TOOL_CALL));
    assertEquals(3, count(a, EventKind.TOOL_RESULT));
    assertEquals(1, count(a, EventKind.INTERRUPT));
    assertEquals(1, count(a, EventKind.COMPACTION));
    assertEquals(1, count(a, EventKind.THINKING));
    List<Event> e = a.events();
    assertTrue(e.stream().anyMatch(x -> "pytest tests/test_checkout.py -q".equals(x.command())
        && x.kind() == EventKind.TOOL_RESULT && x.isError()));
    assertTrue(e.stream().anyMatch(x -> "apply_patch".equals(x.toolName()) && "shop/checkout.py".equals(x.filePath())));
    assertTrue(e.stream().anyMatch(x -> "pytest -q".equals(x.command()) && "exec_command".equals(x.toolName())));
    assertTrue(e.stream().filter(x -> x.kind() == EventKind.TOOL_RESULT && "shell_command".equals(x.toolName()))
        .noneMatch(Event::isError));
  }

  @Test
  void forkedSessionDropsTheReplayedParentPrefix() {
    Session b = sessions.get(B);
    assertEquals(A, b.parentId());
    assertEquals(1, b.typedPromptCount());
    assertEquals(1, count(b, EventKind.TOOL_CALL));
    assertEquals(3000, b.events().stream().mapToLong(Event::inputTokens).sum());
    assertEquals(50, b.events().stream().mapToLong(Event::outputTokens).sum());
    assertEquals("2025-09-01T11:01:00Z", b.start().toString());
  }

  @Test
  void sessionStartingLikeAnotherWithoutReplayingItsWorkIsNotAFork() {
    Session c = sessions.get(C);
    assertNull(c.parentId());
    assertEquals(1, c.typedPromptCount());
    assertEquals(2, count(c, EventKind.INJECTED));
  }

  @Test
  void everyLineIsAccountedFor() {
    assertEquals(4, report.sessions());
    assertEquals(0, report.skipCount());
    assertEquals(63 + 18, report.linesRead());
    assertEquals(report.linesRead(), report.linesParsed() + report.linesIgnored() + report.lineSkipCount());
  }

  @Test
  void earlyRolloutsWithoutTheEnvelopeAreReadToo() throws IOException {
    Path file = home.resolve("rollout-2025-05-07T17-24-21-5973b6c0-94b8-487b-a530-2aeb6098ae0e.jsonl");
    java.nio.file.Files.writeString(file, String.join("\n",
        "{\"id\":\"5973b6c0-94b8-487b-a530-2aeb6098ae0e\",\"timestamp\":\"2025-05-07T17:24:21.123Z\",\"instructions\":null}",
        "{\"record_type\":\"state\"}",
        "{\"type\":\"message\",\"id\":null,\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"add a health check endpoint\"}]}",
        "{\"type\":\"function_call\",\"id\":\"fc_1\",\"name\":\"shell\",\"arguments\":\"{\\\"command\\\":[\\\"bash\\\",\\\"-lc\\\",\\\"ls\\\"]}\",\"call_id\":\"call_1\"}",
        "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"output\\\":\\\"app.py\\\\n\\\",\\\"metadata\\\":{\\\"exit_code\\\":0}}\"}",
        "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Added GET /health.\"}]}") + "\n");
    Map<String, Session> legacy = new TreeMap<>();
    ReadReport legacyReport = new ReadReport();
    new CodexReader().read(file, s -> legacy.put(s.id(), s), legacyReport);
    Session s = legacy.get("5973b6c0-94b8-487b-a530-2aeb6098ae0e");
    assertEquals(1, s.typedPromptCount(), legacyReport.skips().toString());
    assertEquals("ls", s.events().stream().filter(e -> e.kind() == EventKind.TOOL_CALL).findFirst().orElseThrow().command());
    assertEquals(1, count(s, EventKind.TOOL_RESULT));
    assertEquals(1, count(s, EventKind.ASSISTANT_TEXT));
    assertEquals(0, legacyReport.skipCount());
    // Nothing in such a rollout records when it happened: the summary says what that costs.
    assertEquals(1, legacyReport.untimedSessions());
    assertEquals("skipped nothing; 1 session records no time on its events, so its active time is estimated from its prompts and tool calls",
        legacyReport.summary());
  }

  /**
   * What the person sent once, written by the client as several messages a few milliseconds apart
   * (real rollouts: a pasted error a Windows terminal split at its line breaks; the IDE extension
   * sending one message three times in a millisecond), is one prompt; the pieces join its text.
   */
  @Test
  void oneSubmissionWrittenAsSeveralMessagesIsOnePrompt() throws IOException {
    String id = "019ae217-3106-77b2-aa44-7dd1fe3196b0";
    Path file = home.resolve("rollout-2025-12-03T11-42-42-" + id + ".jsonl");
    java.nio.file.Files.writeString(file, String.join("\n",
        "{\"timestamp\":\"2025-12-03T07:50:00.000Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + id + "\",\"cwd\":\"/w\"}}",
        user("07:57:00.000", "run the OCR check"), event("07:57:00.002", "run the OCR check"),
        agent("07:57:05.000", "Done: here is how to check it."),
        user("08:06:46.091", "It says: an error occurred"), event("08:06:46.094", "It says: an error occurred"),
        user("08:06:46.097", "Cause: OCR failed"), user("08:06:46.097", "Check the image size."),
        agent("08:06:58.880", "Check these in order."),
        user("08:07:40.409", "retry it"), event("08:07:40.410", "retry it"),
        user("08:07:40.410", "retry it"), event("08:07:40.410", "retry it"),
        user("08:07:40.411", "retry it"), event("08:07:40.411", "retry it"),
        agent("08:07:50.000", "Retried.")) + "\n");
    Map<String, Session> read = new TreeMap<>();
    new CodexReader().read(file, s -> read.put(s.id(), s), new ReadReport());
    List<String> prompts = read.get(id).events().stream().filter(e -> e.kind().isTypedPrompt()).map(Event::text).toList();
    assertEquals(List.of("run the OCR check", "It says: an error occurred\nCause: OCR failed\nCheck the image size.", "retry it"),
        prompts);
  }

  /**
   * A call whose output says, in Codex's own words, that it failed with no exit code (a patch
   * that did not apply, a command refused or aborted, a process that could not start) is a tool
   * error, as a Claude Code result marked is_error is; an output that only mentions such words is not.
   */
  @Test
  void aCallThatFailedWithoutAnExitCodeIsAToolError() throws IOException {
    String id = "019ae217-3106-77b2-aa44-7dd1fe3196b1";
    Path file = home.resolve("rollout-2025-12-03T11-42-42-" + id + ".jsonl");
    String call = "{\"timestamp\":\"2025-12-03T08:0%d:00Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
        + "\"custom_tool_call\",\"call_id\":\"c%d\",\"name\":\"apply_patch\",\"input\":\"*** Begin Patch\"}}";
    String output = "{\"timestamp\":\"2025-12-03T08:0%d:30Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
        + "\"custom_tool_call_output\",\"call_id\":\"c%d\",\"output\":\"%s\"}}";
    String[] outputs = {
        "apply_patch verification failed: Failed to find expected lines in a.txt",
        "exec command rejected by user",
        "Wall time: 1.2 seconds\\naborted by user",
        "exec_command failed: CreateProcess { message: \\\"not found\\\" }",
        "Success. Updated the following files:\\nM a.txt",
        "the docs say: aborted by user means the person pressed Esc"};
    List<String> lines = new ArrayList<>();
    lines.add("{\"timestamp\":\"2025-12-03T07:50:00.000Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + id
        + "\",\"cwd\":\"/w\"}}");
    lines.add(user("07:57:00.000", "fix the typo"));
    for (int i = 0; i < outputs.length; i++) {
      lines.add(String.format(call, i, i));
      lines.add(String.format(output, i, i, outputs[i]));
    }
    java.nio.file.Files.writeString(file, String.join("\n", lines) + "\n");
    Map<String, Session> read = new TreeMap<>();
    new CodexReader().read(file, s -> read.put(s.id(), s), new ReadReport());
    List<Boolean> errors = read.get(id).events().stream().filter(e -> e.kind() == EventKind.TOOL_RESULT)
        .map(Event::isError).toList();
    assertEquals(List.of(true, true, true, true, false, false), errors);
  }

  private static String user(String time, String text) {
    return "{\"timestamp\":\"2025-12-03T" + time + "Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\","
        + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}]}}";
  }

  private static String event(String time, String text) {
    return "{\"timestamp\":\"2025-12-03T" + time + "Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\","
        + "\"message\":\"" + text + "\"}}";
  }

  private static String agent(String time, String text) {
    return "{\"timestamp\":\"2025-12-03T" + time + "Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\","
        + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]}}";
  }

  @Test
  void sessionsWithTimesAreNotCountedAsUntimed() {
    assertEquals(0, report.untimedSessions());
    assertEquals("skipped nothing", report.summary());
  }
}
