package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.classify.Model;
import dev.personas.classify.ModelFile;
import dev.personas.classify.ModelFitter;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionInput;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.features.FeatureExtractor;
import dev.personas.load.TestTrees;
import dev.personas.study.DatasetSource;
import dev.personas.study.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `personas classify` in process, on the fixture logs (the real-format claude-code-log files and
 * the hand-written Claude Code and Codex trees), against a model fitted here from the bundled
 * sample (read and featurized as `build` does, fitted by {@link ModelFitter}: deterministic, no
 * randomness anywhere in the fit). The golden classification is
 * {@code src/test/resources/golden/classify/fixtures.json}; after an intended change rerun with
 * {@code -Dgolden.update=true} and review the diff.
 */
class ClassifyCommandTest {
  private static final Path GOLDEN_SOURCE = Paths.get("src/test/resources/golden/classify/fixtures.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> REAL_FORMAT = List.of(
      "edge_cases", "representative_messages", "session_b", "todowrite_examples");
  /**
   * Their sessions' ids: a file not named as Claude Code names one (a UUID) is known by the
   * session its lines name (representative_messages.jsonl's is test_session, todowrite_examples.jsonl's
   * todowrite_session), else by its name.
   */
  private static final List<String> REAL_FORMAT_IDS = List.of(
      "edge_cases", "session_b", "test_session", "todowrite_session");

  @TempDir static Path dir;
  private static Path modelFile;
  private static Model model;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void fitTheModelOnTheBundledSample() {
    DatasetSource sample = Sources.bundledSample();
    FeatureExtractor extractor = new FeatureExtractor();
    List<SessionInput> inputs = new ArrayList<>();
    Sources.loader().load(sample.paths(), sample.format(), session -> inputs.add(
        new SessionInput(session.id(), session.userId(), session.start(), extractor.extract(session))));
    model = new ModelFitter().fit(inputs);
    modelFile = dir.resolve("model.json");
    ModelFile.write(model, modelFile);
  }

  private int run(String... args) {
    return App.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  private static String[] realFormatFiles() {
    return REAL_FORMAT.stream()
        .map(name -> TestTrees.resource("fixtures/claude-code-log/" + name + ".jsonl").toString())
        .toArray(String[]::new);
  }

  private static String[] allFixtures() {
    List<String> paths = new ArrayList<>(Arrays.asList(realFormatFiles()));
    paths.add(TestTrees.resource("fixtures/claude-code").toString());
    paths.add(TestTrees.resource("fixtures/codex").toString());
    return paths.toArray(String[]::new);
  }

  private static String[] args(String[] paths, String... options) {
    return Stream.concat(Stream.concat(Stream.of("classify"), Arrays.stream(paths)),
        Arrays.stream(options)).toArray(String[]::new);
  }

  @Test
  void everyRealFormatSessionGetsATypeInTheJsonOutput() throws IOException {
    int code = run(args(realFormatFiles(), "--model", modelFile.toString(), "--json"));
    assertEquals(ExitCode.OK, code, err.toString());
    JsonNode json = MAPPER.readTree(out.toString());
    assertEquals("personas.classify/1", json.path("schema").asText());
    assertEquals(model.datasetFingerprint(), json.path("model").path("fingerprint").asText());
    Set<String> slugs = Arrays.stream(SessionType.values()).map(SessionType::slug)
        .collect(Collectors.toSet());
    Set<String> ids = new TreeSet<>();
    for (JsonNode s : json.path("sessions")) {
      ids.add(s.path("id").asText());
      String type = s.path("type").asText();
      assertTrue(slugs.contains(type), "unknown type " + type + " for " + s.path("id"));
      assertTrue(slugs.contains(s.path("runnerUp").asText()), s.toString());
      assertNotEquals(type, s.path("runnerUp").asText(), "runner-up repeats the type: " + s);
      double p = s.path("probability").asDouble();
      assertTrue(p > 0 && p <= 1 && s.path("runnerUpProbability").asDouble() <= p, s.toString());
      assertEquals(Feature.values().length, s.path("features").size(), s.toString());
    }
    assertEquals(new TreeSet<>(REAL_FORMAT_IDS), ids);
    JsonNode person = json.path("persons").get(0);
    assertEquals("local", person.path("user").asText());
    assertEquals(4, person.path("sessions").asInt());
    assertTrue(person.path("provisional").isBoolean() && !person.path("provisional").asBoolean(),
        "four sessions make an established persona: " + person);
    assertTrue(Arrays.stream(Persona.values()).anyMatch(
        p -> p.slug().equals(person.path("persona").asText())), person.toString());
    // edge_cases.jsonl has three lines that are not JSON objects: reported, not fatal.
    assertEquals(3, json.path("skipped").path("count").asInt(), json.path("skipped").toString());
  }

  @Test
  void textOutputPrintsOneLineWithATypePerSessionThenThePersona() {
    int code = run(args(realFormatFiles(), "--model", modelFile.toString()));
    assertEquals(ExitCode.OK, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(REAL_FORMAT.size() + 1, lines.size(), out.toString());
    for (String id : REAL_FORMAT_IDS) {
      String line = lines.stream().filter(l -> l.startsWith(id + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("no line for " + id + " in\n" + out));
      String[] words = line.substring(id.length()).strip().split("\\s+");
      String type = words[0];
      assertTrue(Arrays.stream(SessionType.values()).anyMatch(t -> t.slug().equals(type)), line);
      int percent = Integer.parseInt(words[1].replace("%", ""));
      // A type under 80 % says so; one of 80 % or more does not (79.5 % prints as 80 %: skip it).
      if (percent != 80) {
        assertEquals(percent < 80, line.contains("; uncertain)"), line);
      }
    }
    // The persona's line: its confidence is called the model's, not a chance of being right.
    String persona = lines.get(lines.size() - 1);
    assertTrue(persona.matches("local: The [A-Za-z -]+, model confidence \\d+%(, [a-z: -]+[0-9a-z -]*)? \\(runner-up The [A-Za-z -]+\\) from \\d+ sessions?"),
        persona);
    assertTrue(err.toString().contains("skipped 3 lines or files in 1 file"), err.toString());
  }

  /**
   * Seven short asks of nothing in particular over an hour, one edit at the end, no question: too
   * many asks for a One-shot, too few edits or corrections for building, no reading for a
   * consultation. No rule fits, every type is as likely, and the line says so instead of naming a
   * runner-up that is only the next type in the list.
   */
  @Test
  void aSessionNoRuleFitsIsSaidToBeSo() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("no-rule"));
    String id = "11111111-2222-4333-8444-555555555555";
    String[] asks = {"Look at the report layout", "Move on to the footer part", "Keep going with the table",
        "Carry on with the styles", "Next do the header block", "Proceed with the legend", "Finish the chart section"};
    List<String> lines = new ArrayList<>();
    Instant at = Instant.parse("2026-10-01T09:00:00Z");
    for (int p = 0; p < asks.length; p++) {
      String head = "\"timestamp\":\"" + at + "\",\"sessionId\":\"" + id + "\",\"cwd\":\"/home/dev/shop\",";
      lines.add("{\"type\":\"user\"," + head + "\"uuid\":\"u" + p + "\",\"message\":{\"role\":\"user\",\"content\":\""
          + asks[p] + "\"}}");
      String tool = p == asks.length - 1
          ? "\"name\":\"Edit\",\"input\":{\"file_path\":\"src/report.py\",\"old_string\":\"a\",\"new_string\":\"b\"}"
          : "\"name\":\"Bash\",\"input\":{\"command\":\"make report\"}";
      lines.add("{\"type\":\"assistant\"," + head + "\"uuid\":\"a" + p + "\",\"requestId\":\"q" + p
          + "\",\"message\":{\"id\":\"m" + p + "\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t" + p
          + "\"," + tool + "}],\"usage\":{\"input_tokens\":900,\"output_tokens\":80}}}");
      lines.add("{\"type\":\"user\"," + head + "\"uuid\":\"r" + p + "\",\"message\":{\"role\":\"user\",\"content\":"
          + "[{\"type\":\"tool_result\",\"tool_use_id\":\"t" + p + "\",\"content\":\"ok\"}]}}");
      at = at.plusSeconds(570);
    }
    Files.write(logs.resolve(id + ".jsonl"), lines, StandardCharsets.UTF_8);
    assertEquals(ExitCode.OK, run("classify", logs.toString(), "--model", modelFile.toString()), err.toString());
    assertTrue(out.toString().startsWith(id + "  one-shot   14%  (no rule fits: every type as likely; uncertain)  prompts=7 "),
        out.toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", logs.toString(), "--model", modelFile.toString(), "--json"), err.toString());
    JsonNode session = MAPPER.readTree(out.toString()).path("sessions").get(0);
    assertTrue(session.path("noRuleFits").asBoolean(), session.toString());
    assertTrue(session.path("uncertain").asBoolean(), session.toString());
  }

  /** Logs name nobody: one person's, unless each folder inside a path is taken as someone's. */
  @Test
  void aTeamsLogsGetAPersonaPerFolderWhenAsked() throws IOException {
    Path team = Files.createDirectories(dir.resolve("team"));
    List<String> files = List.of(realFormatFiles());
    for (int i = 0; i < files.size(); i++) {
      Path log = Path.of(files.get(i));
      Path person = Files.createDirectories(team.resolve(i < 2 ? "alice" : "bob"));
      Files.copy(log, person.resolve(log.getFileName()));
    }
    assertEquals(ExitCode.OK, run("classify", team.toString(), "--model", modelFile.toString()), err.toString());
    assertEquals(List.of("local"), personLines());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", team.toString(), "--model", modelFile.toString(), "--person-per-folder"),
        err.toString());
    assertEquals(List.of("alice", "bob"), personLines());
  }

  private List<String> personLines() {
    return out.toString().lines().filter(l -> l.contains(", model confidence ")).map(l -> l.substring(0, l.indexOf(':')))
        .toList();
  }

  /** Minutes read alike whether or not they come out whole: test_session's 4 and todowrite_session's 3.96. */
  @Test
  void activeMinutesArePrintedWithOneDecimalAndCountsWhole() {
    assertEquals(ExitCode.OK, run(args(realFormatFiles(), "--model", modelFile.toString())), err.toString());
    List<String> sessions = out.toString().lines().filter(l -> l.contains("active_minutes")).toList();
    assertEquals(REAL_FORMAT.size(), sessions.size(), out.toString());
    for (String line : sessions) {
      assertTrue(line.matches(".*  active_minutes[=\u2248]\\d+\\.\\d  .*"), line);
      assertTrue(line.matches(".*  prompts=\\d+  .*"), line);
    }
  }

  /** Codex's rollouts of early 2025 record no time: their active minutes are marked as estimated. */
  @Test
  void estimatedActiveMinutesAreMarkedInTheTextAndTheJson() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("codex-2025-05"));
    Files.writeString(logs.resolve("rollout-2025-05-07T17-24-21-5973b6c0-94b8-487b-a530-2aeb6098ae0e.jsonl"),
        String.join("\n",
            "{\"id\":\"5973b6c0-94b8-487b-a530-2aeb6098ae0e\",\"timestamp\":\"2025-05-07T17:24:21.123Z\",\"instructions\":null}",
            "{\"type\":\"message\",\"id\":null,\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"add a health check endpoint\"}]}",
            "{\"type\":\"function_call\",\"id\":\"fc_1\",\"name\":\"shell\",\"arguments\":\"{\\\"command\\\":[\\\"bash\\\",\\\"-lc\\\",\\\"ls\\\"]}\",\"call_id\":\"call_1\"}",
            "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"output\\\":\\\"app.py\\\\n\\\",\\\"metadata\\\":{\\\"exit_code\\\":0}}\"}",
            "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Added GET /health.\"}]}")
            + "\n");
    assertEquals(ExitCode.OK, run("classify", logs.toString(), "--model", modelFile.toString()), err.toString());
    // 1 ask and 1 tool call: ln(1 + minutes) = -0.16 + 0.77 ln 2 + 0.48 ln 2, about 1.0 minutes.
    assertTrue(out.toString().contains("active_minutes\u22481.0 "), out.toString());
    assertTrue(err.toString().contains("1 session records no time on its events, so its active time is estimated"),
        err.toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", logs.toString(), "--model", modelFile.toString(), "--json"), err.toString());
    JsonNode session = MAPPER.readTree(out.toString()).path("sessions").get(0);
    assertTrue(session.path("activeMinutesEstimated").asBoolean(), session.toString());
    assertEquals(0, session.path("features").path("wall_minutes").asDouble());
    // A timed session's minutes are measured and marked so.
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run(args(realFormatFiles(), "--model", modelFile.toString(), "--json")), err.toString());
    for (JsonNode timed : MAPPER.readTree(out.toString()).path("sessions")) {
      assertFalse(timed.path("activeMinutesEstimated").asBoolean(), timed.path("id").asText());
    }
  }

  /**
   * A log not named after its session is known by the id its lines carry, which anyone may have
   * written: a secret in it is redacted and terminal control characters are printed as escapes
   * (they could clear the screen or retitle the window), in the text, the JSON and the skip list.
   */
  @Test
  void idsAndFileNamesFromTheLogsArePrintedInert() throws IOException {
    String token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    String hostile = "\u001b]0;pwned\u0007\u001b[2J" + token;
    Path logs = Files.createDirectories(dir.resolve("hostile"));
    String line = "{\"type\":\"user\",\"sessionId\":\"" + hostile.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007")
        + "\",\"uuid\":\"u1\",\"timestamp\":\"2025-06-14T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"fix the build\"}}";
    Files.writeString(logs.resolve("full.jsonl"), line + "\n");
    Files.writeString(logs.resolve("\u001b[31mevil.jsonl"), line + "\nnot json\n");
    assertEquals(ExitCode.OK, run("classify", logs.toString(), "--model", modelFile.toString(), "--verbose"), err.toString());
    for (String printed : List.of(out.toString(), err.toString())) {
      assertFalse(printed.contains("\u001b") || printed.contains("\u0007") || printed.contains(token), printed);
    }
    assertTrue(out.toString().contains("\\u001b]0;pwned\\u0007\\u001b[2J[redacted GitHub token]"), out.toString());
    assertTrue(err.toString().contains("\\u001b[31mevil.jsonl:2: malformed JSON"), err.toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", logs.toString(), "--model", modelFile.toString(), "--json"), err.toString());
    assertFalse(out.toString().contains(token), out.toString());
  }

  @Test
  void fixturesClassifyAsTheGoldenFileSaysAndTheSameTwice() throws IOException {
    String[] args = args(allFixtures(), "--model", modelFile.toString(), "--json");
    assertEquals(ExitCode.OK, run(args), err.toString());
    String first = out.toString();
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run(args), err.toString());
    assertEquals(first, out.toString(), "two runs on the same logs differ");

    String actual = golden(MAPPER.readTree(first));
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN_SOURCE.getParent());
      Files.writeString(GOLDEN_SOURCE, actual, StandardCharsets.UTF_8);
      return;
    }
    Path expected = TestTrees.resource("golden/classify").resolve("fixtures.json");
    if (!Files.exists(expected)) {
      fail("no golden/classify/fixtures.json; create it with -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
        "classification of the fixtures changed (after an intended change:"
            + " -Dgolden.update=true and review the diff)");
  }

  @Test
  void aModelFileThatDoesNotExistIsAUsageErrorInOnePlainSentence() {
    Path missing = dir.resolve("missing.json");
    int code = run(args(realFormatFiles(), "--model", missing.toString()));
    assertEquals(ExitCode.USAGE, code);
    assertTrue(err.toString().startsWith("personas: The model file " + missing + " does not exist."),
        err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void anEmptyFolderIsOneErrorThatSaysWhereItLookedAndWhatItFound() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("no-logs-here"));
    assertEquals(ExitCode.FAILURE, run("classify", empty.toString(), "--model", modelFile.toString()));
    String said = err.toString();
    assertEquals(1, said.lines().count(), said);
    assertTrue(said.startsWith("personas: No sessions found in " + empty + ": no Claude Code, Codex or SWE-chat logs"),
        said);
    assertEquals("", out.toString());
  }

  @Test
  void twoEmptyFoldersAreNamedInTheErrorAndListedWithVerbose() throws IOException {
    Path one = Files.createDirectories(dir.resolve("empty-one"));
    Path two = Files.createDirectories(dir.resolve("empty-two"));
    assertEquals(ExitCode.FAILURE, run("classify", one.toString(), two.toString(), "--verbose",
        "--model", modelFile.toString()));
    String said = err.toString();
    assertTrue(said.contains("  " + one + ": no Claude Code") && said.contains("  " + two + ": no Claude Code"), said);
    assertTrue(said.contains("personas: No sessions found in [" + one + ", " + two + "]: skipped 2"), said);
  }

  @Test
  void aSessionGivenWithItsOwnSubagentTranscriptReadsEachFileOnceAndSkipsNothing() {
    Path project = TestTrees.resource("fixtures/claude-code/projects/-home-dev-deploy");
    String id = "5a1e0000-0000-4000-8000-000000000001";
    Path session = project.resolve(id + ".jsonl");
    Path agent = project.resolve(id + "/subagents/agent-a1.jsonl");
    assertEquals(ExitCode.OK, run("classify", session.toString(), agent.toString(), "--verbose",
        "--model", modelFile.toString()), err.toString());
    String alone = out.toString();
    assertEquals("", err.toString(), "the agent file is attached to its session, not skipped");
    assertTrue(alone.startsWith(id + "  scaffold ") && alone.contains("subagent_calls=1"), alone);
    assertEquals(2, alone.lines().count(), alone);

    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", session.toString(), "--model", modelFile.toString()));
    assertEquals(alone, out.toString(), "the same session as when given alone");
  }

  /**
   * A folder of logs holding another tool's JSON Lines (Entire's own transcript format here) and a
   * session file with no conversation: the text output says so on stderr, as --json does, even
   * though no line was damaged; with --verbose the files are named and the summary says so.
   */
  @Test
  void whatWasLeftOutIsSaidInTextOutputToo() throws IOException {
    Path folder = dir.resolve("left-out");
    Files.createDirectories(folder.resolve("checkpoint"));
    Files.copy(TestTrees.resource("fixtures/claude-code/projects/-home-dev-deploy/5a1e0000-0000-4000-8000-000000000001.jsonl"),
        folder.resolve("5a1e0000-0000-4000-8000-000000000001.jsonl"));
    Files.writeString(folder.resolve("checkpoint/transcript.jsonl"),
        "{\"v\":1,\"agent\":\"opencode\",\"type\":\"user\",\"ts\":\"2026-08-19T01:17:32Z\",\"content\":[]}\n");
    Files.writeString(folder.resolve("0e0e0000-0000-4000-8000-00000000000e.jsonl"),
        "{\"type\":\"summary\",\"summary\":\"x\",\"leafUuid\":\"u\"}\n");
    assertEquals(ExitCode.OK, run("classify", folder.toString(), "--model", modelFile.toString()), err.toString());
    assertEquals("personas: skipped 1 line or file in 1 file; --verbose lists them; 1 session file held no conversation",
        err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", folder.toString(), "--verbose", "--model", modelFile.toString()));
    assertTrue(err.toString().startsWith("personas: skipped 1 line or file in 1 file; they are listed below;"), err.toString());
    assertTrue(err.toString().contains("transcript.jsonl: an Entire transcript of opencode's session"), err.toString());
  }

  /** The summary names --keep-excluded for a SWE-chat release, and classify takes it as build does. */
  @Test
  void keepExcludedClassifiesWhatThePaperLeavesOut() throws IOException {
    Path release = dir.resolve("release");
    assertEquals(ExitCode.OK, run("sample", "--sessions", "200", "--users", "20", "--repos", "4", "--out",
        release.toString()), err.toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", release.toString(), "--json", "--model", modelFile.toString()));
    JsonNode left = MAPPER.readTree(out.toString());
    assertTrue(left.path("skipped").path("summary").asText().endsWith("(build and classify keep them with --keep-excluded)"),
        left.path("skipped").toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("classify", release.toString(), "--json", "--keep-excluded", "--model", modelFile.toString()));
    JsonNode kept = MAPPER.readTree(out.toString());
    assertTrue(kept.path("sessions").size() > left.path("sessions").size(),
        kept.path("sessions").size() + " against " + left.path("sessions").size());
  }

  /** What the golden file pins: per session type, probability (3 decimals), runner-up; persons. */
  private static String golden(JsonNode json) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", "fitted by ModelFitter on the bundled sample, fingerprint "
        + json.path("model").path("fingerprint").asText());
    ObjectNode sessions = root.putObject("sessions");
    for (JsonNode s : json.path("sessions")) {
      sessions.putObject(s.path("id").asText())
          .put("type", s.path("type").asText())
          .put("probability", String.format(Locale.ROOT, "%.3f", s.path("probability").asDouble()))
          .put("runnerUp", s.path("runnerUp").asText());
    }
    ObjectNode persons = root.putObject("persons");
    for (JsonNode p : json.path("persons")) {
      persons.putObject(p.path("user").asText())
          .put("persona", p.path("persona").asText())
          .put("sessions", p.path("sessions").asInt())
          .put("decisive", p.path("decisive").asBoolean())
          .put("provisional", p.path("provisional").asBoolean());
    }
    root.put("skipped", json.path("skipped").path("summary").asText());
    return MAPPER.writer(new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))).writeValueAsString(root) + "\n";
  }
}
