package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.classify.Model;
import dev.personas.classify.ModelFile;
import dev.personas.load.ReadReport;
import dev.personas.me.MeAnalyzer;
import dev.personas.me.MeFile;
import dev.personas.me.MeResult;
import dev.personas.me.PersonalFiguresMaker;
import dev.personas.sample.SampleGenerator;
import dev.personas.sample.SampleOptions;
import dev.personas.serve.DevServer;
import dev.personas.site.figures.FixtureFigures;
import dev.personas.study.ClassifiedLog;
import dev.personas.study.LogsClassifier;
import dev.personas.study.PopulationModels;
import dev.personas.study.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The in-browser finder ("Find your persona") on the built site, in a real headless Chromium
 * served by the project's own server. The Java pipeline is the reference: the fixture logs fed
 * through the page's file input must give the features, session types and persona that
 * MeAnalyzer gives for the same files (reals within 1e-9, labels exact), in a me.json that
 * MeFile reads, drawn as the same page PersonalPageRenderer writes. After the page and its
 * model have loaded the browser sends no request; a large generated log (SampleGenerator)
 * finishes with progress shown and the Java answers; a malformed file is reported line by line;
 * cancel stops a read.
 */
class FinderIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TOLERANCE = 1e-9;
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

  @TempDir static Path temp;
  static Model model;
  static List<Path> fixtureDirs;
  static MeResult javaFixtures;
  static List<String> fixtureIds;
  static Path large;
  static MeResult javaLarge;
  static TestSite site;
  static DevServer server;
  static String home;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    model = PopulationModels.load(Optional.empty());
    fixtureDirs = List.of(FIXTURES.resolve("claude-code/projects"), FIXTURES.resolve("claude-code-log"),
        FIXTURES.resolve("codex"));
    javaFixtures = analyse(fixtureDirs);
    fixtureIds = new LogsClassifier(Sources.loader(), model).classify(fixtureDirs, Optional.empty()).sessions().stream()
        .map(ClassifiedLog::sessionId).toList();
    // About 60 MB of real-shaped Claude Code logs (sessions of real size, about 200 KB each),
    // with subagents, in the ~/.claude/projects layout; -Dfinder.sessions=1500 makes about
    // 300 MB, to measure the issue's worst case.
    new SampleGenerator(new SampleOptions(Integer.getInteger("finder.sessions", 300), 40, 20, 7L), true)
        .generate(temp.resolve("large"));
    large = temp.resolve("large/transcripts");
    javaLarge = analyse(List.of(large));

    // The site as `personas build` publishes it (model.json beside the pages), plus the Java
    // personal page of the fixture logs at /me/ to compare the finder's drawing with.
    site = TestSite.copyInto(temp.resolve("source"));
    SiteOptions options = site.options(FixtureSite.BASE_URL);
    SiteData data = SiteData.of(FixtureFigures.sample()).withFiles(Map.of(FinderView.MODEL, ModelFile.bytes(model)));
    List<Renderer> renderers = new ArrayList<>(Renderers.standard());
    renderers.add(0, new PersonalPageRenderer(new PersonalFiguresMaker().figures(javaFixtures), "/me/"));
    FixtureSite.Served served = FixtureSite.serve(options, renderers, data);
    server = served.server();
    home = served.home();
    driver = Chromium.start(temp);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static MeResult analyse(List<Path> paths) {
    return new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, session -> { }).analyse(paths).result()
        .orElseThrow();
  }

  @Test
  void fixtureLogsGiveTheJavaFeaturesTypesAndPersonaAndTheSamePageWithNoRequestAfterLoad() throws IOException {
    List<String> atLoad = openFinder();
    assertTrue(atLoad.contains(FixtureSite.BASE_URL + "model.json"), "the server saw the model fetched at load " + atLoad);
    assertTrue(atLoad.contains(FixtureSite.BASE_URL + "js/finder/lines.js"),
        "the server sees the worker's own requests (its modules, fetched at load) " + atLoad);
    assertTrue(atLoad.stream().noneMatch(path -> path.endsWith("/charts.js") || path.endsWith("/chart.umd.js")),
        "the finder draws its charts without Chart.js " + atLoad);
    long served = server.filesServed();

    List<Path> files = new ArrayList<>();
    for (Path dir : fixtureDirs) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    pick("finder-files", files);
    JsonNode report = waitUntilDone(Duration.ofSeconds(60));

    MeResult js = readExport();
    assertSameResult(javaFixtures, js, fixtureIds);
    assertTrue(driver.findElement(By.id("finder-download")).getAttribute("href").startsWith("blob:"),
        "me.json is offered from memory, not from a server");
    assertEquals(served, server.filesServed(), "requests the server received after load; latest: " + server.recentFiles());
    assertEquals(List.of(), requestsSince(), "requests the browser started after load, to any address");
    assertTrue(report.path("message").asText().contains("files that are not .jsonl logs were left out"),
        "READMEs and licences among the files are left out: " + report);
    assertSamePage();
    // The site publishes the bundled sample's model: its population is called illustrative, as
    // the personal page calls it (Population.describe), whatever the site's dataset was.
    assertEquals("Compared with the population of the bundled synthetic sample: its shares and medians are"
        + " illustrative, not the study's.", (String) js().executeScript(
            "return [...document.querySelectorAll('#finder-result p.note')].map(p => p.textContent)"
                + ".find(t => t.startsWith('Compared with'));"));
    assertChartsDrawn(2 + 1 + 3 + (javaFixtures.depth().orElseThrow().trend().isEmpty() ? 0 : 1));
    assertMapDrawn();
    assertTheExportBuildsTheJavaPage();
    assertNoSeriousAccessibilityViolations();
    screenshot("finder-results");
  }

  /**
   * depth.js against DepthAnalyzer on the golden person of each persona (their sessions, scores
   * and labels from src/test/resources/golden/me), against this model: every branch of the fit's
   * wording, shadow axes of both kinds, personas with and without persons in the cohort.
   */
  @Test
  void depthOfTheGoldenPersonOfEachPersonaIsDepthAnalyzers() throws IOException {
    openFinder();
    List<Path> goldens;
    try (Stream<Path> list = Files.list(Path.of("src/test/resources/golden/me"))) {
      goldens = list.map(dir -> dir.resolve("me.json")).filter(Files::isRegularFile).sorted().toList();
    }
    assertEquals(dev.personas.classify.Persona.values().length, goldens.size(), "one golden person per persona");
    String modelJson = new String(ModelFile.bytes(model), StandardCharsets.UTF_8);
    for (Path golden : goldens) {
      MeResult person = MeFile.read(golden);
      String js = (String) js().executeAsyncScript("var done = arguments[arguments.length - 1];"
          + "var args = arguments;"
          + "Promise.all([import(args[0]), import(args[1])]).then(function (mods) {"
          + "  var me = JSON.parse(args[3]);"
          + "  var result = { persona: me.persona.slug, runnerUp: me.persona.runnerUp, decisive: me.persona.decisive,"
          + "    scores: mods[1].PERSONAS.map(function (p) { return me.persona.scores[p]; }),"
          + "    populationMix: mods[1].TYPES.map(function (t) { return me.populationMix[t]; }), sessions: me.sessions };"
          + "  done(JSON.stringify(mods[0].depth(JSON.parse(args[2]), result)));"
          + "}).catch(function (e) { done('failed: ' + e); });",
          home + "js/finder/depth.js", home + "js/finder/classify.js", modelJson, Files.readString(golden));
      assertTrue(js.startsWith("{"), golden + ": " + js);
      assertSameJson(JSON.valueToTree(new dev.personas.me.DepthAnalyzer(model).analyse(person)), JSON.readTree(js),
          golden.getParent().getFileName().toString());
    }
  }

  @Test
  void largeGeneratedLogsFinishWithProgressShownAndTheJavaAnswers() throws IOException {
    openFinder();
    long baseKb = chromiumRssKb();
    long peakKb = 0;
    double progressSeen = -1;
    pick("finder-folder", List.of(large));
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!"done".equals(state())) {
      if (System.nanoTime() > deadline) {
        fail("the large read did not finish within 5 minutes: " + message());
      }
      Object bar = js().executeScript("var p = document.getElementById('finder-progress');"
          + " return p.hidden ? null : document.getElementById('finder-bar').value;");
      if (bar != null) {
        double value = ((Number) bar).doubleValue();
        progressSeen = value > 0 && value < 1 ? value : progressSeen;
      }
      peakKb = Math.max(peakKb, chromiumRssKb());
      sleep(100);
    }
    assertTrue(progressSeen > 0, "the progress bar was shown part way: " + progressSeen);
    assertTrue(Integer.parseInt(driver.findElement(By.id("finder")).getAttribute("data-progress")) > 3,
        "progress was reported many times");
    String message = message() + " (telling the formats apart: " + js().executeScript(
        "return document.getElementById('finder-result').dataset.sortMillis;") + " ms)";
    assertSameResult(javaLarge, readExport(), null);
    long bytes;
    try (Stream<Path> walk = Files.walk(large)) {
      bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("FinderIT: %.1f MB of generated logs, %d sessions: %s RSS of all Chromium processes: %d MB"
        + " before the read, %d MB at most during it%n", bytes / 1e6, javaLarge.sessions().size(), message, baseKb / 1024,
        peakKb / 1024);
    assertTrue(bytes > 40_000_000, "the generated input is large: " + bytes);
  }

  @Test
  void aMalformedFileIsReportedLineByLineAsTheCliReportsIt() throws IOException {
    openFinder();
    Path broken = temp.resolve("broken/broken.jsonl");
    Files.createDirectories(broken.getParent());
    // Garbage of a damaged disk after the good lines: what only starts like a string or an
    // array, invalid UTF-8 that is no JSON after repair, a NUL after the first byte.
    byte[] garbage = "\"a string\" and more\n[1, 2\noops\u00ff\nj\u00d7\nr\0\0\0\0\u00ff\u00ff\u00ff\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(broken, concat(String.join("\n",
        "{\"type\":\"user\",\"uuid\":\"u1\",\"sessionId\":\"s1\",\"timestamp\":\"2025-06-14T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"add a health check endpoint\"}}",
        "{\"type\":\"assistant\",\"uuid\":\"u2\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",",
        "this line is not JSON",
        "[1, 2, 3]",
        "\0".repeat(40) + " left by a crash",
        "{\"type\":\"assistant\",\"uuid\":\"u3\",\"sessionId\":\"s1\",\"timestamp\":\"2025-06-14T10:01:00Z\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Done.\"}]}}",
        "").getBytes(StandardCharsets.UTF_8), garbage));
    pick("finder-files", List.of(broken));
    waitUntilDone(Duration.ofSeconds(60));

    ReadReport java = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { })
        .analyse(List.of(broken)).report();
    List<String> expected = java.skips().stream().map(s -> "broken.jsonl:" + s.line() + ": " + s.reason().replaceAll(" \\(.*", "")).toList();
    assertEquals(List.of("broken.jsonl:2: truncated JSON", "broken.jsonl:3: malformed JSON", "broken.jsonl:4: not a JSON object",
        "broken.jsonl:5: NUL bytes, not a line of the log", "broken.jsonl:7: malformed JSON", "broken.jsonl:8: truncated JSON",
        "broken.jsonl:9: malformed JSON", "broken.jsonl:10: malformed JSON", "broken.jsonl:11: malformed JSON"), expected,
        "the CLI's skips");
    List<String> shown = driver.findElements(By.cssSelector("#finder-skip-list li")).stream()
        .map(li -> li.getAttribute("textContent").replaceAll(" \\(.*", "")).toList();
    assertEquals(expected, shown, "the page lists the same lines, with file:line");
    String summary = driver.findElement(By.id("finder-skip-summary")).getAttribute("textContent");
    assertTrue(summary.contains("skipped 9 lines or files in 1 file"), summary);
    assertTrue(driver.findElement(By.id("finder-skips")).isDisplayed(), "the skipped lines are shown");
    assertEquals(java.summary().replace("--verbose lists them", "they are listed below"),
        summary.replaceFirst("^While reading: ", "").replaceFirst("\\.$", ""));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void oddButReadableLinesAreReadAsTheJavaReaderReadsThem() throws IOException {
    Path odd = temp.resolve("odd/odd.jsonl");
    Files.createDirectories(odd.getParent());
    String user = "{\"type\":\"user\",\"uuid\":\"%s\",\"sessionId\":\"odd\",\"timestamp\":\"%s\","
        + "\"message\":{\"role\":\"user\",\"content\":\"%s\"}}";
    String assistant = "{\"type\":\"assistant\",\"uuid\":\"%s\",\"sessionId\":\"odd\",\"timestamp\":\"%s\","
        + "\"message\":{\"id\":\"%s\",\"role\":\"assistant\",\"usage\":{\"input_tokens\":%s,\"output_tokens\":%s},"
        + "\"content\":[{\"type\":\"text\",\"text\":\"%s\"}]}}";
    var out = new java.io.ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte-order mark
    out.write(String.format(user, "u1", "2025-06-14T10:00:00.5+02:00", "why does `parse()` fail on line 3?").getBytes(StandardCharsets.UTF_8));
    out.write("\n\n   \n".getBytes(StandardCharsets.UTF_8));
    // Token counts written as decimals are no counts to the Java reader.
    out.write(String.format(assistant, "u2", "2025-06-14T08:00:03Z", "m1", "1.0", "5", "Looking.").getBytes(StandardCharsets.UTF_8));
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    out.write(String.format(assistant, "u3", "2025-06-14T08:00:09.123456789Z", "m2", "12", "2e1", "Done.")
        .getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    // Invalid UTF-8 inside a prompt: read with a replacement character, and counted as repaired.
    byte[] invalid = String.format(user, "u4", "2025-06-14T08:02:00Z", "still broken \u0001\u2028same error")
        .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < invalid.length; i++) {
      invalid[i] = invalid[i] == 1 ? (byte) 0xFF : invalid[i];
    }
    out.write(invalid);
    // Notices newer Claude Code queues or writes as the user: another session's message, a
    // background shell's report, a forked worker's brief. Not typed, so no prompts.
    String queued = "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"sessionId\":\"odd\","
        + "\"timestamp\":\"%s\",\"content\":\"%s\"}";
    out.write(("\n" + String.format(queued, "2025-06-14T08:03:00Z",
        "<cross-session-message from=\\\"uds:/run/user/1000/s.sock\\\">the plan</cross-session-message>")
        + "\n" + String.format(queued, "2025-06-14T08:04:00Z", "<bash-notification><status>failed</status></bash-notification>")
        + "\n" + String.format(user, "u5", "2025-06-14T08:05:00Z", "<fork-boilerplate>You are a worker fork.</fork-boilerplate>")
        // A teammate's report, a background agent's notice, Claude Code's answer to an unknown
        // command, a command queued while the agent worked: none typed. One queued message a client
        // loop wrote three times in a third of a second: typed once.
        + "\n" + String.format(queued, "2025-06-14T08:05:10Z", "<teammate-message teammate_id=\\\"analyst\\\">found it</teammate-message>")
        + "\n" + String.format(user, "n5", "2025-06-14T08:05:20Z", "<agent-notification><agent-id>a67f</agent-id></agent-notification>")
        + "\n" + String.format(user, "x5", "2025-06-14T08:05:30Z", "Unknown slash command: resume")
        + "\n" + String.format(queued, "2025-06-14T08:05:40Z", "/context")
        + "\n" + String.format(queued, "2025-06-14T08:05:50.100Z", "what happened?")
        + "\n" + String.format(queued, "2025-06-14T08:05:50.200Z", "what happened?")
        + "\n" + String.format(queued, "2025-06-14T08:05:50.300Z", "what happened?")
        + "\n").getBytes(StandardCharsets.UTF_8));
    // A message streamed over two lines, each with its usage as it stood: counted once, at 40.
    out.write((String.format(assistant, "s1", "2025-06-14T08:05:55Z", "m5", "7", "3", "Streaming.") + "\n"
        + String.format(assistant, "s2", "2025-06-14T08:05:58Z", "m5", "7", "40", "Streamed.") + "\n")
        .getBytes(StandardCharsets.UTF_8));
    // A tool call and its result, written out again under new uuids (a replay), then a new call:
    // two calls, not three.
    String call = "{\"type\":\"assistant\",\"uuid\":\"%s\",\"sessionId\":\"odd\",\"timestamp\":\"%s\","
        + "\"message\":{\"id\":\"%s\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"%s\","
        + "\"name\":\"Edit\",\"input\":{\"file_path\":\"/w/app.py\"}}]}}\n";
    String result = "{\"type\":\"user\",\"uuid\":\"%s\",\"sessionId\":\"odd\",\"timestamp\":\"%s\","
        + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"%s\",\"content\":\"ok\"}]}}\n";
    out.write((String.format(call, "c1", "2025-06-14T08:06:00Z", "m3", "toolu_9")
        + String.format(result, "r1", "2025-06-14T08:06:05Z", "toolu_9")
        + String.format(call, "c1-again", "2025-06-14T08:07:00Z", "m3", "toolu_9")
        + String.format(result, "r1-again", "2025-06-14T08:07:00Z", "toolu_9")
        + String.format(call, "c2", "2025-06-14T08:08:00Z", "m4", "toolu_10")
        // u1's prompt written out again with its old time, as is the line before it: a replay, not
        // typed. The same prompt typed again later, after a notice written at its instant, is typed.
        + String.format(user, "i1-again", "2025-06-14T10:00:00.5+02:00", "[Request interrupted by user]") + "\n"
        + String.format(user, "u1-again", "2025-06-14T10:00:00.5+02:00", "why does `parse()` fail on line 3?") + "\n"
        + String.format(user, "i6", "2025-06-14T08:09:00Z", "[Request interrupted by user]") + "\n"
        + String.format(user, "u6", "2025-06-14T08:09:00Z", "why does `parse()` fail on line 3?")
        + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(odd, out.toByteArray());
    // Claude Code's request for a conversation's title, a file of its own under a session id of its
    // own: no session.
    Path title = odd.resolveSibling("title.jsonl");
    Files.writeString(title, (String.format(user, "t1", "2025-06-14T08:10:00Z", "Context: This summary will be shown in a "
        + "list to help users and Claude choose which conversations are relevant.\\n\\nPlease write a concise summary.")
        + "\n" + String.format(assistant, "t2", "2025-06-14T08:10:02Z", "m9", "3", "4", "Fixed the parser.") + "\n")
        .replace("\"sessionId\":\"odd\"", "\"sessionId\":\"title\""));

    openFinder();
    pick("finder-files", List.of(odd, title));
    waitUntilDone(Duration.ofSeconds(60));
    MeAnalyzer.Analysis java = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { })
        .analyse(List.of(odd, title));
    assertTrue(java.report().summary().contains("1 session file held no conversation"), java.report().summary());
    assertTrue(java.report().summary().contains("1 line had invalid UTF-8, read with replacement characters (at "
        + odd + ":"), java.report().summary());
    assertEquals(0, java.report().skipCount(), "the Java reader skips none of these lines");
    assertEquals(4.0, java.result().orElseThrow().sessions().get(0).features().get(
        dev.personas.features.Feature.PROMPTS.ordinal()).doubleValue(),
        "typed prompts: u1, u4, the looped queued message once and u6, not the notices, the command or u1's replay");
    assertEquals(5.0 + 40, java.result().orElseThrow().sessions().get(0).features().get(
        dev.personas.features.Feature.OUTPUT_TOKENS.ordinal()).doubleValue(), "m1's 5, m2's none (a decimal), m5 at its largest");
    assertEquals(2.0 / 4, java.result().orElseThrow().sessions().get(0).features().get(
        dev.personas.features.Feature.TOOL_CALLS_PER_PROMPT.ordinal()).doubleValue(), 1e-9, "two tool calls, the replayed one once");
    assertEquals(List.of(), driver.findElements(By.cssSelector("#finder-skip-list li")).stream().map(e -> e.getAttribute("textContent")).toList());
    assertEquals("Read 1 session from 2 logs in", message().substring(0, "Read 1 session from 2 logs in".length()));
    // The finder knows a picked file by its name alone, where the CLI names the path it was given.
    assertEquals("While reading: " + java.report().summary().replace(odd.toString(), odd.getFileName().toString()) + ".",
        driver.findElement(By.id("finder-skip-summary")).getAttribute("textContent"),
        "the repaired line is said and located as the CLI says it");
    assertSameResult(java.result().orElseThrow(), readExport(), null);
  }

  /** Workflow agents under <session>/subagents/workflows/<run>/ attach as in Java; the run's journal is no session. */
  @Test
  void workflowSubagentsAttachAsTheJavaReaderAttachesThem() throws IOException {
    Path project = temp.resolve("workflow/-repo");
    Path run = project.resolve("s-main/subagents/workflows/wf_01");
    Files.createDirectories(run);
    String line = "{\"type\":\"%s\",\"uuid\":\"%s\",\"sessionId\":\"%s\",\"timestamp\":\"2026-06-28T09:0%d:00.000Z\","
        + "\"message\":{\"id\":\"m%s\",\"role\":\"%s\",\"content\":[{\"type\":\"text\",\"text\":\"%s\"}],"
        + "\"usage\":{\"input_tokens\":5,\"output_tokens\":5}}}\n";
    Files.writeString(project.resolve("s-main.jsonl"), String.format(line, "user", "u1", "s-main", 0, "u1", "user",
        "Sweep the docs for stale pages with a workflow.") + String.format(line, "assistant", "a1", "s-main", 2, "a1",
        "assistant", "Two stale pages flagged."));
    Files.writeString(run.resolve("agent-wf1.jsonl"), String.format(line, "user", "w1", "s-main#agent-wf1", 1, "w1", "user",
        "Sweep batch a.") + String.format(line, "assistant", "w2", "s-main#agent-wf1", 1, "w2", "assistant", "Swept."));
    Files.writeString(run.resolve("journal.jsonl"), "{\"type\": \"started\", \"key\": \"v2:h0\", \"agentId\": \"wf1\"}\n");
    openFinder();
    pick("finder-folder", List.of(temp.resolve("workflow")));
    waitUntilDone(Duration.ofSeconds(60));
    MeAnalyzer.Analysis java = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { })
        .analyse(List.of(temp.resolve("workflow")));
    assertEquals(0, java.report().skipCount(), java.report().summary());
    assertEquals(1, java.result().orElseThrow().sessions().size(), "one session: the journal is none");
    assertEquals("Read 1 session from", message().substring(0, "Read 1 session from".length()), message());
    assertEquals(List.of(), driver.findElements(By.cssSelector("#finder-skip-list li")).stream()
        .map(e -> e.getAttribute("textContent")).toList(), "nothing skipped in the browser either");
    assertSameResult(java.result().orElseThrow(), readExport(), null);
  }

  /**
   * Copies of one Codex session as Entire keeps them (a prefix of the rollout at each checkpoint,
   * each named full.jsonl, one of them the largest file but not the whole session) and a backup
   * named as the rollout: one session each, as CodexCopies reads them, whichever copy path order
   * puts first.
   */
  @Test
  void copiesOfACodexSessionAreReadOnceAsTheCliReadsThem() throws IOException {
    Path real = Path.of("src/test/resources/real/EdofEngland+code_butler/.codex/sessions/2025/11/24");
    Path dir = temp.resolve("copies");
    List<String> first = Files.readAllLines(real.resolve("rollout-2025-11-24T13-02-00-019ab73e-8c11-7ad2-b604-5987891db560.jsonl"));
    String otherName = "rollout-2025-11-24T12-46-26-019ab730-4906-7b12-8569-c53c5dde1150.jsonl";
    List<String> other = Files.readAllLines(real.resolve(otherName));
    // An early checkpoint made the largest file by a field no item is known by: the rest of the
    // session, which only the later copies kept, joins it.
    List<String> early = new java.util.ArrayList<>(first.subList(0, 70));
    early.set(0, early.get(0).replaceFirst("^\\{", "{\"kept\":\"" + "x".repeat(200_000) + "\","));
    // A copy a redacting tool damaged (a prompt's line and a token total no longer JSON, the file
    // longer for it), read first: the other copy's lines join without counting anything twice.
    List<String> damaged = new java.util.ArrayList<>(other);
    for (int i : new int[] {3, 9}) {
      damaged.set(i, damaged.get(i).replaceFirst("\\}$", ",\"requestId\":[REDACTED_PHONE]}"));
    }
    Map<String, List<String>> copies = new TreeMap<>(Map.of("0a/1/full.jsonl", first.subList(0, 40),
        "5f/2/full.jsonl", first, "c3/3/full.jsonl", first.subList(0, 80), "0b/1/full.jsonl", early,
        "d/" + otherName, other.subList(0, 12), "e/" + otherName, other, "g/" + otherName, damaged,
        "f/rollout-2025-12-03T11-42-42-019ae217-3106-77b2-aa44-7dd1fe3196b0.jsonl", splitSubmissions()));
    var analysis = copiesReadInBothPlaces(dir, copies);
    assertEquals(3, analysis.result().orElseThrow().sessions().size());
    assertEquals(5, analysis.report().sessionCopies());
    assertEquals(2, analysis.report().skipCount());
  }

  /**
   * Copies of one Claude Code session as Entire keeps them (the transcript at each checkpoint, each
   * named full.jsonl in a folder of its own), a backup, and a longer copy damaged by a redacting
   * tool (three lines no longer JSON, so the original's lines join the session read from it): one
   * session, in the browser as in the CLI.
   */
  @Test
  void copiesOfAClaudeCodeSessionAreReadOnceAsTheCliReadsThem() throws IOException {
    Path real = Path.of("src/test/resources/real/JeedaveyFCRA+poc/.claude/projects/-home-avid-arrajeedavey/"
        + "7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl");
    List<String> lines = Files.readAllLines(real);
    List<String> damaged = new java.util.ArrayList<>(lines);
    for (int i : new int[] {22, 27, 30}) {
      damaged.set(i, damaged.get(i).replaceFirst("\\}$", ",\"requestId\":[REDACTED_PHONE]}"));
    }
    Path dir = temp.resolve("claude-copies");
    Map<String, List<String>> copies = new TreeMap<>(Map.of("0a/1/full.jsonl", lines.subList(0, lines.size() * 2 / 5),
        "5f/2/full.jsonl", lines, "c3/3/full.jsonl", lines.subList(0, lines.size() * 7 / 10),
        "backup/7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl", lines.subList(0, lines.size() / 2),
        "redacted/7b4d3e88-1959-4340-b1a6-fc57134d7481.jsonl", damaged));
    var analysis = copiesReadInBothPlaces(dir, copies);
    assertEquals(1, analysis.result().orElseThrow().sessions().size());
    assertEquals(4, analysis.report().sessionCopies());
    assertEquals(3, analysis.report().skipCount());
  }

  /**
   * Entire's checkpoints as they are kept: two sessions each in both forms (Claude Code's log as
   * full.jsonl beside Entire's transcript.jsonl, or in a project folder, real and MIT-licensed), a later
   * checkpoint's transcript that is no byte prefix of the earlier's, and a transcript of another
   * agent's session: the same sessions, copies and report in the browser as in the CLI.
   */
  @Test
  void entireCheckpointsInBothFormsAreReadAsTheCliReadsThem() throws IOException {
    Path real = Path.of("src/test/resources/real/JanDeDobbeleer+oh-my-posh");
    Map<String, List<String>> copies = new TreeMap<>();
    for (String checkpoint : List.of("97/40999d4333/1", "2a/a26a271985/0")) {
      for (String name : List.of("full.jsonl", "transcript.jsonl")) {
        copies.put(checkpoint + "/" + name, Files.readAllLines(real.resolve(checkpoint).resolve(name)));
      }
    }
    // The second session's own log sits in a project folder, named after the session, as Claude Code keeps it.
    copies.put("projects/-home-jan/18c09453-70ae-4c1d-813b-4361687351ee.jsonl", copies.remove("2a/a26a271985/0/full.jsonl"));
    List<String> transcript = Files.readAllLines(real.resolve("2a/a26a271985/0/transcript.jsonl"));
    List<String> later = new ArrayList<>(transcript);
    later.add(transcript.get(0).replace("Investigate this issue again", "And the other issue"));
    copies.put("5b/0000000000/0/transcript.jsonl", later);
    copies.put("6c/0000000000/0/transcript.jsonl", List.of("{\"v\":1,\"agent\":\"opencode\",\"type\":\"user\","
        + "\"ts\":\"2026-08-19T01:17:32.535Z\",\"content\":[{\"id\":\"p\",\"text\":\"hello\"}]}"));
    var analysis = copiesReadInBothPlaces(temp.resolve("entire"), copies);
    assertEquals(2, analysis.result().orElseThrow().sessions().size());
    assertEquals(3, analysis.report().sessionCopies());
    String listed = driver.findElement(By.id("finder-skips")).getAttribute("textContent");
    assertTrue(listed.contains("an Entire transcript of opencode's session"), listed);
  }

  /**
   * Writes the copies (path under the folder → lines), reads the folder in the finder and in the
   * CLI, and requires the same result and summary of both; the CLI's analysis is returned.
   */
  /**
   * A rollout where what the person sent once was written as several messages a few milliseconds
   * apart (a paste split at its line breaks; one message sent three times): 3 prompts, not 7.
   */
  private static List<String> splitSubmissions() {
    String meta = "{\"timestamp\":\"2025-12-03T07:50:00.000Z\",\"type\":\"session_meta\",\"payload\":"
        + "{\"id\":\"019ae217-3106-77b2-aa44-7dd1fe3196b0\",\"cwd\":\"/w\"}}";
    java.util.function.BiFunction<String, String, String> user = (time, text) -> "{\"timestamp\":\"2025-12-03T" + time
        + "Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":"
        + "[{\"type\":\"input_text\",\"text\":\"" + text + "\"}]}}";
    java.util.function.BiFunction<String, String, String> event = (time, text) -> "{\"timestamp\":\"2025-12-03T" + time
        + "Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"" + text + "\"}}";
    java.util.function.BiFunction<String, String, String> agent = (time, text) -> "{\"timestamp\":\"2025-12-03T" + time
        + "Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"assistant\",\"content\":"
        + "[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]}}";
    return List.of(meta, user.apply("07:57:00.000", "run the OCR check"), event.apply("07:57:00.002", "run the OCR check"),
        agent.apply("07:57:05.000", "Done."), user.apply("08:06:46.091", "It says: an error occurred"),
        event.apply("08:06:46.094", "It says: an error occurred"), user.apply("08:06:46.097", "Cause: OCR failed"),
        user.apply("08:06:46.097", "Check the image size."), agent.apply("08:06:58.880", "Check these."),
        user.apply("08:07:40.409", "retry it"), event.apply("08:07:40.410", "retry it"),
        user.apply("08:07:40.410", "retry it"), event.apply("08:07:40.410", "retry it"),
        user.apply("08:07:40.411", "retry it"), event.apply("08:07:40.411", "retry it"),
        agent.apply("08:07:50.000", "Retried."),
        // Calls that failed with no exit code, in Codex's words (tool errors), and one that did not.
        call(1, "apply_patch verification failed: Failed to find expected lines in a.txt"),
        call(2, "exec command rejected by user"), call(3, "Wall time: 1.2 seconds\\naborted by user"),
        call(4, "Success. Updated the following files:\\nM a.txt"));
  }

  private static String call(int i, String output) {
    return "{\"timestamp\":\"2025-12-03T08:08:0" + i + ".000Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
        + "\"custom_tool_call\",\"call_id\":\"c" + i + "\",\"name\":\"apply_patch\",\"input\":\"*** Begin Patch\"}}\n"
        + "{\"timestamp\":\"2025-12-03T08:08:0" + i + ".500Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
        + "\"custom_tool_call_output\",\"call_id\":\"c" + i + "\",\"output\":\"" + output + "\"}}";
  }

  private MeAnalyzer.Analysis copiesReadInBothPlaces(Path dir, Map<String, List<String>> copies) throws IOException {
    for (Map.Entry<String, List<String>> copy : copies.entrySet()) {
      Files.createDirectories(dir.resolve(copy.getKey()).getParent());
      Files.write(dir.resolve(copy.getKey()), copy.getValue());
    }
    return readInBothPlaces(dir);
  }

  /**
   * Reads a folder in the finder and in the CLI and requires the same result and summary of both
   * (the finder lists its skips below the summary where the CLI points at --verbose).
   */
  private MeAnalyzer.Analysis readInBothPlaces(Path dir) throws IOException {
    return readInBothPlaces(dir, Duration.ofSeconds(60));
  }

  private MeAnalyzer.Analysis readInBothPlaces(Path dir, Duration timeout) throws IOException {
    openFinder();
    pick("finder-folder", List.of(dir));
    waitUntilDone(timeout);
    var analysis = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { }).analyse(List.of(dir));
    assertSameResult(analysis.result().orElseThrow(), readExport(), null);
    String summary = driver.findElement(By.id("finder-skip-summary")).getAttribute("textContent");
    // The finder knows a file by its path below the folder's parent, where the CLI names the whole
    // path; it says nothing where the CLI says "skipped nothing".
    assertEquals(analysis.report().worthSaying() ? analysis.report().summary().replace("--verbose lists them",
        "they are listed below").replace(dir.getParent() + "/", "") : "",
        summary.replaceFirst("^While reading: ", "").replaceFirst("\\.$", ""));
    return analysis;
  }

  /**
   * Logs on which the two readers once parted (fixtures/finder-edge, and long lines written here):
   * invalid UTF-8 in text the Java reader only measures or skips, overlong forms and encoded
   * surrogates (two and three replacement characters, as a browser decodes them), valid JSON past
   * Jackson's default limits, times of 24:00:00, and lines longer than the read buffer (a blank
   * one, one with a bad byte, and five of no JSON that open a file). The same sessions, features
   * and summary in both.
   */
  @Test
  void edgeCaseLogsAreReadAsTheCliReadsThem() throws IOException {
    Path dir = temp.resolve("edge");
    Path edge = FIXTURES.resolve("finder-edge");
    try (Stream<Path> walk = Files.walk(edge)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        Files.createDirectories(dir.resolve(edge.relativize(file)).getParent());
        Files.copy(file, dir.resolve(edge.relativize(file)));
      }
    }
    String user = "{\"type\":\"user\",\"uuid\":\"%s\",\"sessionId\":\"%s\",\"timestamp\":\"2025-06-14T10:0%d:00Z\","
        + "\"message\":{\"role\":\"user\",\"content\":%s}}\n";
    String id = "e1000000-0000-4000-8000-000000000003";
    var out = new java.io.ByteArrayOutputStream();
    out.write(String.format(user, "u1", id, 0, "\"run the tests\"").getBytes(StandardCharsets.UTF_8));
    // A tool result of 2 MB ending in a bad byte, then 2 MB of blanks.
    out.write(String.format(user, "u2", id, 1, "[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\""
        + "x".repeat(2 << 20) + "\u0001\"}]").getBytes(StandardCharsets.UTF_8));
    byte[] bytes = out.toByteArray();
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = bytes[i] == 1 ? (byte) 0xFF : bytes[i];
    }
    Files.write(dir.resolve("claude").resolve(id + ".jsonl"), concat(bytes, (" ".repeat(2 << 20) + "\n"
        + String.format(user, "u3", id, 2, "\"they pass now?\"")).getBytes(StandardCharsets.UTF_8)));
    String notJson = ("x".repeat(2 << 20) + "\n").repeat(5);
    Files.writeString(dir.resolve("claude/e1000000-0000-4000-8000-000000000004.jsonl"),
        notJson + String.format(user, "u1", "e1000000-0000-4000-8000-000000000004", 0, "\"hello\""));
    var analysis = readInBothPlaces(dir);
    assertEquals(4, analysis.result().orElseThrow().sessions().size());
    assertEquals(1, analysis.report().skipCount(), "the file that opens with no JSON, as a whole: " + analysis.report().summary());
    assertEquals(7, analysis.report().linesRepaired(), analysis.report().summary());
  }

  /**
   * Opt-in, for anyone who holds real logs (the corpus's files as {@code corpus/refetch.py} lays
   * them out, or their own): {@code -Dfinder.real=DIR,DIR} reads each folder in the finder and in
   * the CLI and requires the same sessions, features, types, persona and read summary. The
   * corpus's logs cannot ship with the project (most are not ours to share), so it is skipped
   * unless folders are given. Run on 2,695 real sessions in 13 folders on 2026-12-06: all agreed.
   */
  @Test
  void realLogsGiveTheJavaResultsWhenGiven() throws IOException {
    String dirs = System.getProperty("finder.real", "");
    assumeFalse(dirs.isBlank(), "no -Dfinder.real folders given");
    // Every folder is read, and every one that reads otherwise named, not only the first.
    List<String> differ = new ArrayList<>();
    for (String dir : dirs.split(",")) {
      try {
        readInBothPlaces(Path.of(dir.strip()).toAbsolutePath(), Duration.ofMinutes(30));
      } catch (AssertionError | RuntimeException e) {
        differ.add(dir.strip() + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), differ, "folders read otherwise in the finder");
  }

  /**
   * A folder holding both agents' logs under names that do not tell (Codex rollouts kept as
   * full.jsonl, as Entire keeps them, beside Claude Code's projects): each log is read by its own
   * agent's reader in the browser and in the CLI alike, as each agent's folder read apart.
   */
  @Test
  void aFolderHoldingBothAgentsLogsIsReadAsTheCliReadsIt() throws IOException {
    Path dir = temp.resolve("both");
    Path claude = FIXTURES.resolve("claude-code/projects");
    try (Stream<Path> walk = Files.walk(claude)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Files.createDirectories(dir.resolve("claude").resolve(claude.relativize(file)).getParent());
        Files.copy(file, dir.resolve("claude").resolve(claude.relativize(file)));
      }
    }
    List<Path> rollouts;
    try (Stream<Path> walk = Files.walk(FIXTURES.resolve("codex"))) {
      rollouts = walk.filter(file -> file.getFileName().toString().startsWith("rollout-")).sorted().toList();
    }
    for (int i = 0; i < rollouts.size(); i++) {
      Files.createDirectories(dir.resolve("checkpoints/" + i));
      Files.copy(rollouts.get(i), dir.resolve("checkpoints/" + i + "/full.jsonl"));
    }
    var analysis = readInBothPlaces(dir);
    var apart = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { })
        .analyse(List.of(claude, FIXTURES.resolve("codex")));
    assertEquals(apart.result().orElseThrow().sessions().size(), analysis.result().orElseThrow().sessions().size(),
        "both agents' sessions read");
    assertEquals(apart.report().emptySessions(), analysis.report().emptySessions(), analysis.report().summary());
  }

  /** Sessions without a timestamp show as "undated" (UndatedSessionsTest holds the Java page to the same). */
  @Test
  void sessionsWithoutATimestampShowAsUndated() throws IOException {
    Path dir = temp.resolve("undated");
    Files.createDirectories(dir);
    for (String id : List.of("a", "b", "c")) {
      Files.writeString(dir.resolve(id + ".jsonl"), String.join("\n",
          "{\"type\":\"user\",\"uuid\":\"" + id + "1\",\"sessionId\":\"" + id + "\",\"message\":{\"role\":\"user\",\"content\":\"rename foo to bar in util.py\"}}",
          "{\"type\":\"assistant\",\"uuid\":\"" + id + "2\",\"sessionId\":\"" + id + "\",\"message\":{\"id\":\"m" + id
              + "\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Done.\"}]}}") + "\n");
    }
    openFinder();
    pick("finder-files", List.of(dir.resolve("a.jsonl"), dir.resolve("b.jsonl"), dir.resolve("c.jsonl")));
    waitUntilDone(Duration.ofSeconds(60));
    var analysis = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { }).analyse(List.of(dir));
    MeResult java = analysis.result().orElseThrow();
    assertSameResult(java, readExport(), null);
    // Both say that no event of these sessions records a time, in the same words.
    assertEquals(3, analysis.report().untimedSessions());
    String summary = driver.findElement(By.id("finder-skip-summary")).getAttribute("textContent");
    assertEquals(analysis.report().summary(), summary.replaceFirst("^While reading: ", "").replaceFirst("\\.$", ""));
    String html = (String) js().executeScript("return document.getElementById('finder-result').outerHTML;");
    Element browser = Jsoup.parse(html).getElementById("finder-result");
    // A chart reads as its text alternative, as the Java page's canvas does (its fallback content
    // is the summary): the drawn labels and numbers are compared with the tables in assertChartsDrawn.
    browser.select(".plot[data-chart]").forEach(plot -> plot.text(plot.attr("aria-label")));
    assertEquals(List.of("undated", "undated", "undated"), browser.select("table.sessions tbody tr td:first-child").eachText());
    // Nor does any of their events: their active minutes are estimates, marked so, as on the Java page.
    assertEquals(List.of("\u2248 0.5", "\u2248 0.5", "\u2248 0.5"),
        browser.select("table.sessions tbody tr td:nth-child(4)").eachText());
    assertTrue(browser.select("p.minutes-estimated").text().startsWith("\u2248: the log records no time"),
        browser.select("p.minutes-estimated").text());
    assertTrue(browser.selectFirst(".page-header dl.stats").text().contains("From undated"),
        browser.selectFirst(".page-header dl.stats").text());
    assertTrue(browser.select("#chart-over-time").isEmpty(), "no chart over time without a dated session");
    assertFalse(browser.text().contains("1970"), "the epoch day never shows");
  }

  /**
   * Codex's rollouts of early 2025: no envelope, and no time on any event. The browser reads them
   * as Java does, estimates their active minutes the same way, and says so in the same words.
   */
  @Test
  void earlyCodexRolloutsWithNoTimesAreEstimatedAsInJava() throws IOException {
    Path dir = temp.resolve("codex-2025-05");
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      String id = "5973b6c0-94b8-487b-a530-2aeb6098ae0" + s;
      List<String> lines = new ArrayList<>(List.of(
          "{\"id\":\"" + id + "\",\"timestamp\":\"2025-05-0" + (s + 5) + "T17:24:21.123Z\",\"instructions\":null}",
          "{\"record_type\":\"state\"}"));
      for (int p = 0; p <= s * 2; p++) {
        lines.add("{\"type\":\"message\",\"id\":null,\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\""
            + (p == 0 ? "add a health check endpoint to app.py" : "the test fails, fix it") + "\"}]}");
        for (int c = 0; c < 3; c++) {
          String call = "call_" + p + "_" + c;
          lines.add("{\"type\":\"function_call\",\"id\":\"fc_" + call + "\",\"name\":\"shell\",\"arguments\":\"{\\\"command\\\":[\\\"bash\\\",\\\"-lc\\\",\\\""
              + (c == 2 ? "pytest" : "cat app.py") + "\\\"]}\",\"call_id\":\"" + call + "\"}");
          lines.add("{\"type\":\"function_call_output\",\"call_id\":\"" + call
              + "\",\"output\":\"{\\\"output\\\":\\\"ok\\\\n\\\",\\\"metadata\\\":{\\\"exit_code\\\":0}}\"}");
        }
        lines.add("{\"type\":\"message\",\"id\":\"msg_" + p + "\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Done.\"}]}");
      }
      Path file = dir.resolve("rollout-2025-05-0" + (s + 5) + "T17-24-21-" + id + ".jsonl");
      Files.writeString(file, String.join("\n", lines) + "\n");
      files.add(file);
    }
    openFinder();
    pick("finder-files", files);
    waitUntilDone(Duration.ofSeconds(60));
    var analysis = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { }).analyse(List.of(dir));
    MeResult java = analysis.result().orElseThrow();
    for (MeResult.MeSession session : java.sessions()) {
      assertEquals(0, session.get(dev.personas.features.Feature.WALL_MINUTES));
      assertTrue(session.get(dev.personas.features.Feature.ACTIVE_MINUTES) > 1, "an estimate, not 0");
    }
    assertSameResult(java, readExport(), null);
    assertEquals(3, analysis.report().untimedSessions());
    String summary = driver.findElement(By.id("finder-skip-summary")).getAttribute("textContent");
    assertEquals(analysis.report().summary(), summary.replaceFirst("^While reading: ", "").replaceFirst("\\.$", ""));
  }

  /**
   * Prompts where Java's and JavaScript's strings and regular expressions part ways: letters
   * outside ASCII next to keywords (Java's word boundary is Unicode-aware), the long s and the
   * Kelvin sign (JavaScript's case folding maps them to s and k), no-break and em spaces (strip
   * versus trim), U+0085 and U+2028, CRLF, combining marks, surrogate pairs, clipped long lines.
   */
  private static final List<List<String>> TRICKY_PROMPTS = List.of(
      List.of("fix it"), List.of("\u017ftill broken"), List.of("still broken"), List.of("doesn\u2019t work"),
      List.of("Kelvin \u212a: fix the requirement\u017f"), List.of("\u00e9fix the caf\u00e9Test now"),
      List.of("\u00dcber-fix: the na\u00efveTest fails"), List.of("cafe\u0301 fix"), List.of("\u0130stanbul fix"),
      List.of("## Plan\n- step one must pass\n- step two shall run\n1) third"),
      List.of("Here\u2019s the plan: implement the following plan"),
      List.of("<command-message>implement is running</command-message>\n<command-name>/implement</command-name>\n"
          + "<command-args>pls implement the tasks on T017 - T036</command-args>", "continue"),
      List.of("hi", "<command-name>/implement</command-name>\n<command-args>do phase 3 of plan.md</command-args>"),
      // Housekeeping (/model, /exit) is neither a command run for work nor an ask.
      List.of("<command-name>/model</command-name>\n<command-args>opus</command-args>", "hi",
          "build docs/plan.md phase 3", "<command-name>/review</command-name>", "<command-name>/exit</command-name>",
          "<command-name>/rename</command-name>\n<command-args>csv export</command-args>",
          "<command-name>/remote-control</command-name>"),
      List.of("Liste moi plusieurs solutions pour automatiser les commits", "listen on port 8080",
          "클로드야 현재 파일 구조 파악 좀 해봐", "このリポジトリの構成を教えて"),
      // A long opening with little structure (a pasted config) is hardly a spec.
      List.of("set -g mouse on\n".repeat(80) + "- one item\n- two items\n- three items\nmake the corners rounded"),
      // Vague re-asks in other languages; upper-case accented letters fold differently, so are not one.
      List.of("nope", "lisa ne répond pas", "PAS DE RÉPONSE", "continua dando invalid api key", "잘 안된거 같은데",
          "还是不行", "依旧不行", "还是没变化", "rien n’a changé", "no cambió nada", "nothing happened", "画面が変わらない"),
      // A workflow run by two commands and nothing typed: One-shot fades.
      List.of("<command-name>/speckit.plan</command-name>\n<command-args>use sqlite</command-args>",
          "<command-name>/speckit.checklist</command-name>"),
      List.of("Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nValueError: bad 0x1f 123"),
      List.of("error[E0308]: mismatched types\n --> src/main.rs:4:5"), List.of("npm ERR! code ELIFECYCLE\nnpm ERR! errno 1"),
      List.of("TypeError\u0085next line"), List.of("SyntaxError\u2028- item after a line separator"),
      List.of("lines 10-20 of README.md are wrong"), List.of("what\u2019s going on with `foo_bar`?"),
      List.of("\u00bfQu\u00e9 pasa con el archivo config.yaml?"), List.of("\u65e5\u672c\u8a9e\u306e\u30c6\u30b9\u30c8: fix the bug in \u8a2d\u5b9a.json"),
      List.of("\ud83d\ude80 deploy it now?"), List.of("CamelCase in JavaScript and iPhone"), List.of("see ./src/app/main.ts:12."),
      List.of("\u00a0\u00a0fix\u00a0it\u00a0"), List.of("\u2003fix it\u2003"),
      List.of("Acceptance Criteria:\r\n1) must do X\r\n2) should do Y\r\n```\r\ncode\r\n```\r\n"),
      List.of("INFO 2025-01-01 starting\n[12:00:01] WARN x\n$ ls -la"), List.of("check CLAUDE.md and agents.md, then .cursor/rules"),
      List.of("test: the parser\nTESTS: all\nFooTests and test_thing and app.spec.ts"),
      List.of("x".repeat(2100) + " Error: at the end of a long line\n" + "y".repeat(1990) + " Error: near the cut"),
      List.of("ValueError: bad value 42 in /srv/app/x.py", "ValueError: bad value 43 in /srv/app/y.py", "still the same error"),
      List.of("Tell me how to run this project", "build docs/rbac-plan.md fase 3"),
      // Ruling out changes asks for an answer; a constraint inside an errand does not.
      List.of("Walk through the auth flow, don\u2019t change any files", "no code changes, just look",
          "先跟我确认，先不改文件。", "NO TOQUES NADA", "não altere nada", "코드 수정하지 마", "コードを変更しないで",
          "update the docs without changing anything else", "优化交互，风格颜色方面不要改动"),
      List.of("codex completion", "do tasks T012 \u2013 T016 of specs/001/tasks.md"),
      List.of("\u67e5\u770b\u4ee3\u7801\uff0c\u544a\u8bc9\u6211\u914d\u7f6e", "  -- Review the diff", "Comment out line 3"),
      List.of("please make the login page faster and nicer", "please make the login page faster and nicer!",
          "Please make the login-page faster, and nicer"),
      // Go-ons after edits are no corrections; a short CJK prompt is not one by its length alone.
      List.of("add the export", "A", "yes, continue", "继续", "改回来", "네 진행해줘",
          "d’accord, parfait", "d'accord, parfait", "Option 2", "一鍵跑①→⑤", "İ", "OK!"),
      // A hook's output and a background task's completion written as the person: not typed.
      List.of("<session-start-hook>Session started</session-start-hook>",
          "{\"task_id\":\"b1\",\"tool_use_id\":\"toolu_1\",\"description\":\"Install bun\",\"task_type\":\"local_bash\"}",
          "fix the css of the header"),
      // A browser console's failed requests pasted back.
      List.of("authService.js:26  POST https://example.com/api/auth/login net::ERR_FAILED",
          "registrationService.js:5 \n POST https://example.com/api/registration 422 (Unprocessable Content)"));

  /** File edits, MCP methods that write (edits too), one that only reads, and a subagent. */
  private static final List<String> TRICKY_TOOLS = List.of("Edit", "mcp__n8n-mcp__n8n_update_partial_workflow",
      "mcp__n8n-mcp__n8n_get_workflow", "mcp__github__issue_write", "Task");
  /** Code, notes (doc edits) and a documentation site's AsciiDoc and reStructuredText sources (not). */
  private static final List<String> TRICKY_FILES = List.of("src/x.py", "specs/001/plan.md",
      "modules/ROOT/pages/x.adoc", "docs/guide.rst", "NOTES.TXT", "todo.org");

  @Test
  void trickyPromptsGiveTheJavaFeatures() throws IOException {
    Path dir = temp.resolve("tricky");
    Files.createDirectories(dir);
    ObjectMapper mapper = new ObjectMapper();
    for (int s = 0; s < TRICKY_PROMPTS.size(); s++) {
      StringBuilder log = new StringBuilder();
      List<String> prompts = TRICKY_PROMPTS.get(s);
      for (int p = 0; p < prompts.size(); p++) {
        String at = String.format("2025-06-%02dT10:%02d:00Z", 1 + s % 28, p * 3);
        var user = mapper.createObjectNode().put("type", "user").put("uuid", "u" + s + "-" + p)
            .put("sessionId", "tricky-" + s).put("timestamp", at);
        user.putObject("message").put("role", "user").put("content", prompts.get(p));
        var agent = mapper.createObjectNode().put("type", "assistant").put("uuid", "a" + s + "-" + p)
            .put("sessionId", "tricky-" + s).put("timestamp", at.replace(":00Z", ":30Z"));
        var message = agent.putObject("message").put("id", "m" + s + "-" + p).put("role", "assistant");
        message.putArray("content").addObject().put("type", "tool_use").put("id", "t" + s + "-" + p)
            .put("name", TRICKY_TOOLS.get((s + p) % TRICKY_TOOLS.size())).putObject("input")
            .put("file_path", TRICKY_FILES.get((3 * s + p) % TRICKY_FILES.size()));
        log.append(mapper.writeValueAsString(user)).append('\n').append(mapper.writeValueAsString(agent)).append('\n');
      }
      Files.writeString(dir.resolve("tricky-" + s + ".jsonl"), log, StandardCharsets.UTF_8);
    }
    // A review: thirty reads and three edits (notes of findings) are few edits beside the reads.
    List<String[]> reviewCalls = new ArrayList<>();
    for (int c = 0; c < 33; c++) {
      reviewCalls.add(c < 30 ? new String[] {"Read", "src/m" + c + ".py"} : new String[] {"Edit", "src/login.py"});
    }
    oneTurn(mapper, dir, "review", "review src/login.py and tell me what is wrong", "2025-06-29T09:00:00Z",
        "2025-06-29T09:06:00Z", reviewCalls);
    // One ask that went through plan mode: set up, not a brief request.
    oneTurn(mapper, dir, "plan", "add a dark mode toggle", "2025-06-29T11:00:00Z", "2025-06-29T11:08:00Z",
        List.of(new String[] {"EnterPlanMode", null}, new String[] {"Write", "docs/dark-mode-plan.md"},
            new String[] {"Edit", "src/theme.css"}));
    // One ask that had the agent write three spec files in two minutes: the table set, quickly.
    List<String[]> specCalls = new ArrayList<>();
    for (String file : List.of("README.md", "src/app.py", "docs/spec.md", "docs/plan.md", "docs/tasks.md")) {
      specCalls.add(new String[] {file.endsWith("spec.md") || file.endsWith("plan.md") || file.endsWith("tasks.md")
          ? "Write" : "Read", file});
    }
    oneTurn(mapper, dir, "specify", "write the spec, the plan and the tasks for the export feature",
        "2025-06-29T12:00:00Z", "2025-06-29T12:02:00Z", specCalls);
    // A prompt typed in the Conductor app, which writes its own instructions before the person's words:
    // the person typed a one-line ask, not a long structured spec.
    oneTurn(mapper, dir, "conductor", "<system_instruction>\nYou are working inside Conductor, a Mac app that lets the"
        + " user run many coding agents in parallel.\n- Work in /Users/dev/conductor/workspaces/shop/lima.\n"
        + "- The target branch is main.\n</system_instruction>\n\n<system-instruction>\n## Branch\nUse `git branch -m`"
        + " to rename the branch.\n</system-instruction>\n\nfix the login bug", "2025-06-29T12:30:00Z",
        "2025-06-29T12:33:00Z", List.of(new String[] {"Read", "src/login.py"}, new String[] {"Edit", "src/login.py"}));
    // One note written over a longer ask: an errand, not the table set.
    oneTurn(mapper, dir, "note", "write down what we decided in docs/decisions.md", "2025-06-29T13:00:00Z",
        "2025-06-29T13:24:00Z", List.of(new String[] {"Read", "README.md"}, new String[] {"Write", "docs/decisions.md"}));
    // Four questions and two small edits: few edits beside what was asked, a consultation.
    StringBuilder questions = new StringBuilder();
    List<String> asked = List.of("why does the cache miss?", "what does evict() do?", "where is the TTL set?",
        "is it thread-safe?");
    for (int q = 0; q < asked.size(); q++) {
      var ask = mapper.createObjectNode().put("type", "user").put("uuid", "q-u" + q).put("sessionId", "tricky-questions")
          .put("timestamp", "2025-06-29T14:0" + (2 * q) + ":00Z");
      ask.putObject("message").put("role", "user").put("content", asked.get(q));
      var reply = mapper.createObjectNode().put("type", "assistant").put("uuid", "q-a" + q)
          .put("sessionId", "tricky-questions").put("timestamp", "2025-06-29T14:0" + (2 * q + 1) + ":00Z");
      var content = reply.putObject("message").put("id", "q-m" + q).put("role", "assistant").putArray("content");
      content.addObject().put("type", "tool_use").put("id", "q-t" + q).put("name", q < 2 ? "Read" : "Edit")
          .putObject("input").put("file_path", "src/cache.py");
      questions.append(mapper.writeValueAsString(ask)).append('\n').append(mapper.writeValueAsString(reply)).append('\n');
    }
    Files.writeString(dir.resolve("tricky-questions.jsonl"), questions, StandardCharsets.UTF_8);
    // Files written through the shell are edits; scratch, logs and read-only commands are not.
    List<String[]> shellCalls = new ArrayList<>();
    for (String command : List.of("cat > src/app.py <<'EOF'\nprint('hi')\nEOF", "echo x >> .gitignore",
        "sed -i 's/a/b/' f.ts", "sed -Ei '' 's/a/b/' f", "perl -pi -e 's/a/b/' x.pm", "npm run gen | tee src/gen.ts",
        "Set-Content -Path a.ps1 -Value $x", "git apply fix.patch", "patch -p1 < fix.diff",
        "python3 - <<'PY'\nfrom pathlib import Path\nPath('a.py').write_text('x')\nPY",
        "python -c \"open('c.json', mode='w').write('{}')\"", "node -e \"require('fs').writeFileSync('a', '')\"",
        "bash -lc \"cd r && cat > x.go <<'EOF'\npackage x\nEOF\"", "npm test &> results.txt",
        "cat > specs/001/spec.md <<'EOF'\n# Spec\nEOF", "cd ~/app && sed -i 's/a/b/' docs/plan.md",
        "cat > \"docs/My Notes.md\" <<'EOF'\n# N\nEOF", "git grep -l foo | xargs sed -i 's/a/b/'",
        "npm test > /tmp/out.txt 2>&1", "pytest -q 2> errors.txt", "go build > build.log", "echo done >&2",
        "ls > /dev/null", "cat > \"$TMPDIR/x\" <<EOF\n{}\nEOF", "dir > NUL", "sed -n '1,20p' a.ts",
        "git apply --check fix.patch", "python3 - <<'PY'\nprint(open('a.py').read())\nPY", "echo \"a > b\"",
        "cp a b && rm b", "cd /tmp/claude/scratchpad && cat > probe.exp <<'EOF'\nspawn ssh dut\nEOF",
        "[[ \"$v\" > \"1.2\" ]] && echo newer", "echo x > \"$tmpfile\"", "python3 -c \"from PIL import Image; Image.open('a.png')\"")) {
      shellCalls.add(new String[] {"Bash", command});
    }
    oneTurn(mapper, dir, "shell-writes", "scaffold the app from the shell", "2025-06-29T15:00:00Z",
        "2025-06-29T15:09:00Z", shellCalls.subList(0, 18));
    oneTurn(mapper, dir, "shell-scratch", "build it and tell me what fails", "2025-06-29T16:00:00Z",
        "2025-06-29T16:09:00Z", shellCalls.subList(18, shellCalls.size()));
    // A Codex spec-kit expansion whose typed arguments point at the written plan.
    String id = "0199a1b2-0000-7000-8000-0000000000f1";
    var meta = mapper.createObjectNode().put("timestamp", "2025-06-30T10:00:00.000Z").put("type", "session_meta");
    meta.putObject("payload").put("id", id).put("timestamp", "2025-06-30T10:00:00.000Z").put("cwd", "/home/dev/shop");
    var expansion = mapper.createObjectNode().put("timestamp", "2025-06-30T10:00:05.000Z").put("type", "response_item");
    var message = expansion.putObject("payload").put("type", "message").put("role", "user");
    message.putArray("content").addObject().put("type", "input_text").put("text",
        "## User Input\n\n```text\npls implement the tasks on T017 - T036\n```\n\nYou **MUST** consider the user input.\n");
    var patch = mapper.createObjectNode().put("timestamp", "2025-06-30T10:03:00.000Z").put("type", "response_item");
    patch.putObject("payload").put("type", "custom_tool_call").put("name", "apply_patch").put("call_id", "c1")
        .put("input", "*** Begin Patch\n*** Add File: src/export.py\n+print(1)\n*** End Patch");
    // A skill's loaded instructions (not typed) and the prompt /review writes for a base branch (a
    // command, not typed).
    StringBuilder more = new StringBuilder();
    String[][] texts = {
        {"10:04", "<skill>\n<name>skill-installer</name>\n<path>/home/dev/.codex/skills/SKILL.md</path>\n</skill>"},
        {"10:05", "Review the code changes against the base branch 'main'. The merge base commit for this comparison is "
            + "5cd66b2. Run `git diff 5cd66b2` to inspect the changes relative to main."},
        // What /init writes (the command), and Codex's own warning about a patch run through the shell.
        {"10:06", "Generate a file named AGENTS.md that serves as a contributor guide for this repository.\n"
            + "Your goal is to produce a clear, concise, and well-structured document."},
        {"10:07", "Warning: apply_patch was requested via exec_command. Use the apply_patch tool instead of exec_command."}};
    for (String[] text : texts) {
      var item = mapper.createObjectNode().put("timestamp", "2025-06-30T" + text[0] + ":00.000Z").put("type", "response_item");
      item.putObject("payload").put("type", "message").put("role", "user")
          .putArray("content").addObject().put("type", "input_text").put("text", text[1]);
      more.append(mapper.writeValueAsString(item)).append('\n');
    }
    // The agent spawns a thread (spawn_agent): the thread's rollout, below, is this session's work.
    var spawn = mapper.createObjectNode().put("timestamp", "2025-06-30T10:08:00.000Z").put("type", "response_item");
    spawn.putObject("payload").put("type", "function_call").put("name", "spawn_agent")
        .put("arguments", "{\"message\":\"fix the parser tests\"}").put("call_id", "spawn-1");
    more.append(mapper.writeValueAsString(spawn)).append('\n');
    // In a folder of its own: the Java reader takes a folder's format from its first logs.
    Path codex = Files.createDirectories(temp.resolve("tricky-codex"));
    Files.writeString(codex.resolve("rollout-2025-06-30T10-00-00-" + id + ".jsonl"),
        mapper.writeValueAsString(meta) + "\n" + mapper.writeValueAsString(expansion) + "\n"
            + mapper.writeValueAsString(patch) + "\n" + more, StandardCharsets.UTF_8);
    // A rollout Codex started for a sub-agent (a guardian reviewing a request): its "prompts" are
    // the agent's, so neither reader counts it as one of the person's sessions.
    String guardian = "0199a1b2-0000-7000-8000-0000000000f2";
    var guardianMeta = mapper.createObjectNode().put("timestamp", "2025-06-30T11:00:00.000Z").put("type", "session_meta");
    var guardianPayload = guardianMeta.putObject("payload").put("id", guardian)
        .put("timestamp", "2025-06-30T11:00:00.000Z").put("cwd", "/home/dev/shop");
    guardianPayload.putObject("source").putObject("subagent").put("other", "guardian");
    var assess = mapper.createObjectNode().put("timestamp", "2025-06-30T11:00:01.000Z").put("type", "event_msg");
    assess.putObject("payload").put("type", "user_message")
        .put("message", "The following is the Codex agent history whose request action you are assessing.");
    Files.writeString(codex.resolve("rollout-2025-06-30T11-00-00-" + guardian + ".jsonl"),
        mapper.writeValueAsString(guardianMeta) + "\n" + mapper.writeValueAsString(assess) + "\n", StandardCharsets.UTF_8);
    // The spawned thread's own rollout: its task message is the agent's, its edits the session's.
    String thread = "0199a1b2-0000-7000-8000-0000000000f3";
    var threadMeta = mapper.createObjectNode().put("timestamp", "2025-06-30T10:09:00.000Z").put("type", "session_meta");
    var threadPayload = threadMeta.putObject("payload").put("id", thread)
        .put("timestamp", "2025-06-30T10:09:00.000Z").put("cwd", "/home/dev/shop").put("forked_from_id", id);
    threadPayload.putObject("source").putObject("subagent").putObject("thread_spawn")
        .put("parent_thread_id", id).put("depth", 1).put("agent_role", "worker");
    StringBuilder threadLines = new StringBuilder(mapper.writeValueAsString(threadMeta)).append('\n');
    var task = mapper.createObjectNode().put("timestamp", "2025-06-30T10:09:01.000Z").put("type", "event_msg");
    task.putObject("payload").put("type", "user_message").put("message", "fix the parser tests");
    threadLines.append(mapper.writeValueAsString(task)).append('\n');
    for (int c = 0; c < 3; c++) {
      var work = mapper.createObjectNode().put("timestamp", "2025-06-30T10:1" + c + ":00.000Z").put("type", "response_item");
      work.putObject("payload").put("type", "custom_tool_call").put("name", "apply_patch").put("call_id", "t" + c)
          .put("input", "*** Begin Patch\n*** Update File: src/parser.py\n@@\n-a\n+b\n*** End Patch");
      threadLines.append(mapper.writeValueAsString(work)).append('\n');
    }
    Files.writeString(codex.resolve("rollout-2025-06-30T10-09-00-" + thread + ".jsonl"), threadLines, StandardCharsets.UTF_8);
    List<Path> files = new ArrayList<>();
    for (Path folder : List.of(dir, codex)) {
      try (Stream<Path> list = Files.list(folder)) {
        files.addAll(list.sorted().toList());
      }
    }
    openFinder();
    pick("finder-files", files);
    waitUntilDone(Duration.ofSeconds(60));
    List<Path> folders = List.of(dir, codex);
    List<String> ids = new LogsClassifier(Sources.loader(), model).classify(folders, Optional.empty()).sessions()
        .stream().map(ClassifiedLog::sessionId).toList();
    assertTrue(ids.contains(id) && !ids.contains(guardian) && !ids.contains(thread), ids.toString());
    assertSameResult(analyse(folders), readExport(), ids);
  }

  /**
   * A Claude Code log tricky-NAME.jsonl of one ask and one reply making the given calls ({name, file path or
   * null}, or {"Bash", command}).
   */
  private static void oneTurn(ObjectMapper mapper, Path dir, String name, String text, String askedAt, String answeredAt,
      List<String[]> calls) throws IOException {
    var ask = mapper.createObjectNode().put("type", "user").put("uuid", name + "-u")
        .put("sessionId", "tricky-" + name).put("timestamp", askedAt);
    ask.putObject("message").put("role", "user").put("content", text);
    var reply = mapper.createObjectNode().put("type", "assistant").put("uuid", name + "-a")
        .put("sessionId", "tricky-" + name).put("timestamp", answeredAt);
    var content = reply.putObject("message").put("id", name + "-m").put("role", "assistant").putArray("content");
    for (int c = 0; c < calls.size(); c++) {
      var input = content.addObject().put("type", "tool_use").put("id", name + "-t" + c).put("name", calls.get(c)[0])
          .putObject("input");
      if (calls.get(c)[1] != null) {
        input.put(calls.get(c)[0].equals("Bash") ? "command" : "file_path", calls.get(c)[1]);
      }
    }
    Files.writeString(dir.resolve("tricky-" + name + ".jsonl"), mapper.writeValueAsString(ask) + "\n"
        + mapper.writeValueAsString(reply) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void gzippedLogsAreReadLikeThePlainOnes() throws IOException {
    List<Path> dirs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String fixture : List.of("codex", "claude-code-log")) {
      Path dir = temp.resolve("gz/" + fixture);
      Files.createDirectories(dir);
      try (Stream<Path> walk = Files.walk(FIXTURES.resolve(fixture))) {
        for (Path log : walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
          Path gz = dir.resolve(log.getFileName() + ".gz");
          try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(log, out);
          }
          files.add(gz);
        }
      }
      dirs.add(dir);
    }
    openFinder();
    pick("finder-files", files);
    waitUntilDone(Duration.ofSeconds(60));
    assertSameResult(analyse(dirs), readExport(), null);
  }

  @Test
  void droppedFilesAreReadAsPickedOnes() throws IOException {
    List<List<String>> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(FIXTURES.resolve("codex"))) {
      for (Path log : walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        files.add(List.of(log.getFileName().toString(), Files.readString(log, StandardCharsets.UTF_8)));
      }
    }
    openFinder();
    // A drop as the browser delivers one from the desktop: a DataTransfer of File objects.
    js().executeScript("var transfer = new DataTransfer();"
        + "arguments[0].forEach(function (f) { transfer.items.add(new File([f[1]], f[0])); });"
        + "document.getElementById('finder-drop').dispatchEvent("
        + "  new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));", files);
    waitUntilDone(Duration.ofSeconds(60));
    assertSameResult(analyse(List.of(FIXTURES.resolve("codex"))), readExport(), null);
  }

  @Test
  void cancelStopsAReadAndKeepsNothing() throws IOException {
    openFinder();
    pick("finder-folder", List.of(large));
    waitFor(() -> js().executeScript("return Number(document.getElementById('finder').dataset.progress || 0) > 1;")
        .equals(Boolean.TRUE), Duration.ofSeconds(60), "progress");
    driver.findElement(By.id("finder-cancel")).click();
    waitFor(() -> "idle".equals(state()), Duration.ofSeconds(60), "the cancel");
    assertEquals("Cancelled: nothing was kept.", message());
    assertTrue(!driver.findElement(By.id("finder-result")).isDisplayed(), "no result is shown");
  }

  // --- the page

  /**
   * Opens the finder, waits for its model and worker and until the server has been quiet for a
   * second (the favicon comes late), and returns the paths the server saw requested.
   */
  private static List<String> openFinder() throws IOException {
    driver.get(home + "find-your-persona/");
    waitFor(() -> "true".equals(driver.findElement(By.id("finder")).getAttribute("data-ready")), Duration.ofSeconds(30),
        "the finder to load its model");
    long before;
    do {
      before = server.filesServed();
      sleep(1000);
    } while (server.filesServed() != before);
    requestsSince();
    return server.recentFiles();
  }

  private static void pick(String input, List<Path> paths) {
    driver.findElement(By.id(input)).sendKeys(String.join("\n", paths.stream().map(Path::toString).toList()));
  }

  private static JsonNode waitUntilDone(Duration timeout) throws IOException {
    waitFor(() -> "done".equals(state()) || message().startsWith("Reading failed"), timeout, "the read");
    assertEquals("done", state(), message());
    return JSON.createObjectNode().put("message", message());
  }

  private static String state() {
    return driver.findElement(By.id("finder")).getAttribute("data-state");
  }

  private static String message() {
    return driver.findElement(By.id("finder-message")).getAttribute("textContent");
  }

  private static MeResult readExport() throws IOException {
    String text = (String) js().executeScript("return document.getElementById('finder-result').dataset.meJson;");
    Path file = Files.createTempFile(temp, "me", ".json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return MeFile.read(file);
  }

  // Every request the page started since the last call, to any address, except the development
  // server's own reload check (/__personas/), which a published site does not have: SiteServer
  // injects it into every page it serves. A dedicated worker's requests are not in this log:
  // the server's count covers them (and the CSP allows no other address).
  private static List<String> requestsSince() throws IOException {
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        urls.add(message.path("params").path("request").path("url").asText());
      }
    }
    return urls.stream().filter(url -> !url.contains("/__personas/")).toList();
  }

  /** The finder's results against the Java personal page of the same logs, section by section. */
  private static void assertSamePage() throws IOException {
    Document java = Jsoup.parse(site.out().resolve("me/index.html").toFile(), "UTF-8");
    String html = (String) js().executeScript("return document.getElementById('finder-result').outerHTML;");
    Element browser = Jsoup.parse(html).getElementById("finder-result");
    // A chart reads as its text alternative, as the Java page's canvas does (its fallback content
    // is the summary): the drawn labels and numbers are compared with the tables in assertChartsDrawn.
    browser.select(".plot[data-chart]").forEach(plot -> plot.text(plot.attr("aria-label")));
    assertEquals(java.selectFirst("h1").text(), browser.selectFirst("h2.finder-persona").text(), "persona");
    for (String selector : List.of(".page-header .tagline", ".page-header dl.stats", "table.reasons tbody",
        "table.sessions thead", "table.sessions tbody", "#chart-your-mix details table", "#chart-over-time details table",
        "section[aria-labelledby=moves]", ".borrow", "section[aria-labelledby=reflect]")) {
      assertEquals(java.selectFirst(selector).text(), browser.selectFirst(selector).text(), selector);
    }
    // The deeper sections (me.peb's depth block, the trend, the chosen moves and questions, the card)
    // and the sessions table's notes (uncertain types, estimated minutes).
    for (String selector : List.of(".depth-map p.fit", "table.map-scores", ".shadow", ".traits", ".outcomes", "#trend",
        "#chart-trend details table", ".share p", "p.uncertain-types", "p.minutes-estimated")) {
      Element a = java.selectFirst(selector);
      Element b = browser.selectFirst(selector);
      assertEquals(a == null, b == null, selector + " present in one page only");
      if (a != null) {
        assertEquals(a.text(), b.text(), selector);
      }
    }
    assertEquals(java.select(".borrow .move-about").eachText(), browser.select(".borrow .move-about").eachText());
    assertEquals(java.select(".shadow a").eachAttr("href"), browser.select(".shadow a").eachAttr("href"));
    assertEquals(java.selectFirst("svg.persona-map").select("*").stream().map(FinderIT::svgNode).toList(),
        browser.selectFirst("svg.persona-map").select("*").stream().map(FinderIT::svgNode).toList(), "persona map");
    assertEquals(java.selectFirst("img.share-card").attr("alt").strip(), browser.selectFirst("svg.share-card").attr("aria-label"),
        "the card's text alternative");
    Document card = Jsoup.parse(Files.readString(site.out().resolve("me/card.svg")), "", org.jsoup.parser.Parser.xmlParser());
    Document browserCard = Jsoup.parse((String) js().executeScript(
        "return document.querySelector('#finder-result section.share').dataset.card;"), "", org.jsoup.parser.Parser.xmlParser());
    assertEquals(card.select("text").eachText(), browserCard.select("text").eachText(), "the card's lines");
    assertEquals(card.select("text").eachAttr("font-size"), browserCard.select("text").eachAttr("font-size"), "their sizes");
    assertEquals(card.selectFirst("svg").attr("aria-label"), browserCard.selectFirst("svg").attr("aria-label"), "the card's label");
    assertEquals(java.select("table.sessions a").eachAttr("href"), browser.select("table.sessions a").eachAttr("href"));
    assertEquals(java.select(".stats a, .borrow a").eachAttr("href"), browser.select(".stats a, .borrow a").eachAttr("href"));
    List<String> charts = java.select("figure.chart").eachAttr("id");
    assertEquals(charts, browser.select("figure.chart").eachAttr("id"), "the charts, in page order");
    for (String chart : charts) {
      assertSameJson(JSON.readTree(java.selectFirst("#" + chart + " canvas").attr("data-chart")),
          JSON.readTree(browser.selectFirst("#" + chart + " [data-chart]").attr("data-chart")), chart);
    }
  }

  /**
   * Every chart of the results (mix, over time, outcomes, three traits, and the trend) is drawn
   * on screen: a bar or mark of some size for each non-zero value or point of its data-chart
   * spec, each bar labelled with the number its table prints, each series in a colour of its own.
   */
  private static void assertChartsDrawn(int expected) throws IOException {
    String drawn = (String) js().executeScript("return JSON.stringify(Array.from("
        + "  document.querySelectorAll('#finder-result figure.chart')).map(function (figure) {"
        + "  var plot = figure.querySelector('.plot[data-chart]'), spec = JSON.parse(plot.dataset.chart);"
        + "  var sized = function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };"
        + "  var marks = Array.from(plot.querySelectorAll('.plot-bar, .plot-mark')).filter(sized);"
        + "  var colours = {}; marks.forEach(function (m) { colours[getComputedStyle(m).backgroundColor] = 1; });"
        + "  var wanted = spec.series.reduce(function (n, s) {"
        + "    return n + (s.values || s.points).filter(function (v) { return v.x !== undefined || v !== 0; }).length; }, 0);"
        + "  var series = {}; spec.series.forEach(function (s) {"
        + "    if ((s.values || s.points).some(function (v) { return v.x !== undefined || v !== 0; })) { series[s.colour] = 1; } });"
        + "  var texts = Array.from(plot.querySelectorAll('.plot-value')).map(function (v) { return v.textContent; });"
        + "  var cells = Array.from(figure.querySelectorAll('tbody tr')).flatMap(function (tr) {"
        + "    return Array.from(tr.querySelectorAll('td')).map(function (td) { return td.textContent; }); });"
        + "  return { id: figure.id, kind: spec.kind, marks: marks.length, wanted: wanted, colours: Object.keys(colours).length,"
        + "    series: Object.keys(series).length, texts: texts, cells: cells, role: plot.getAttribute('role'), label: plot.getAttribute('aria-label') };"
        + "}));");
    JsonNode charts = JSON.readTree(drawn);
    assertEquals(expected, charts.size(), "every chart of the results: mix, over time, outcomes, three traits (and the trend)");
    for (JsonNode chart : charts) {
      String id = chart.path("id").asText();
      assertTrue(chart.path("wanted").asInt() > 0, id + " has something to draw: " + chart);
      assertEquals(chart.path("wanted").asInt(), chart.path("marks").asInt(), id + ": a bar or mark for every value " + chart);
      assertEquals(chart.path("series").asInt(), chart.path("colours").asInt(), id + ": each series' colour " + chart);
      assertEquals("img", chart.path("role").asText(), id);
      assertFalse(chart.path("label").asText().isBlank(), id + " has a text alternative");
      if (chart.path("kind").asText().equals("bar")) {
        // The table's rows list the values label by label, the bars series by series within a label: the same cells.
        assertEquals(chart.path("cells"), chart.path("texts"), id + ": each bar labelled as its table prints it");
      }
    }
  }

  // One SVG element as drawn: its name, attributes (sorted) and own text.
  private static String svgNode(Element e) {
    return e.tagName() + e.attributes().asList().stream().filter(a -> !a.getKey().equals("xmlns"))
        .map(a -> " " + a.getKey() + "=" + a.getValue()).sorted().reduce("", String::concat) + " " + e.ownText();
  }

  /** The persona map is on screen with a dot for every person of the cohort and the visitor's point. */
  private static void assertMapDrawn() {
    Object drawn = js().executeScript("var map = document.querySelector('#finder-result svg.persona-map');"
        + "var you = map.querySelector('.map-you').getBoundingClientRect();"
        + "return [map.getBoundingClientRect().width > 200, you.width > 0,"
        + "  map.querySelectorAll('.map-population circle').length];");
    assertEquals(List.of(true, true, (long) model.cohort().points().size()), drawn, "map drawn, you on it, every dot");
  }

  /**
   * `personas build --me` accepts the browser's me.json and draws the deeper sections the Java
   * analysis draws: the JS depth, rendered by Java, is the Java page.
   */
  private static void assertTheExportBuildsTheJavaPage() throws IOException {
    Path export = temp.resolve("finder-me.json");
    Files.writeString(export, (String) js().executeScript("return document.getElementById('finder-result').dataset.meJson;"),
        StandardCharsets.UTF_8);
    Path out = temp.resolve("site-from-finder");
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = dev.personas.cli.App.commandLine(new java.io.PrintWriter(new java.io.StringWriter(), true),
        new java.io.PrintWriter(err, true)).execute("build", "--no-data", "--quiet", "--me", export.toString(), "--out",
            out.toString());
    assertEquals(0, exit, err.toString());
    Document java = Jsoup.parse(site.out().resolve("me/index.html").toFile(), "UTF-8");
    Document fromJs = Jsoup.parse(out.resolve("me/index.html").toFile(), "UTF-8");
    // The finder's site is built from the sample (charts badged "Illustrative"), this one from no data.
    java.select(".badge").remove();
    fromJs.select(".badge").remove();
    for (String selector : List.of(".depth-map", ".shadow", ".traits", ".outcomes", ".borrow", "section[aria-labelledby=reflect]")) {
      assertEquals(java.selectFirst(selector).text(), fromJs.selectFirst(selector).text(), "build --me: " + selector);
    }
    assertEquals(Files.readString(site.out().resolve("me/card.svg")), Files.readString(out.resolve("me/card.svg")),
        "build --me: the card");
  }

  // axe-core (fetched by the build, as for SiteBrowserIT) over the page with its results drawn.
  private static void assertNoSeriousAccessibilityViolations() throws IOException {
    js().executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
    js().executeScript(Files.readString(Path.of(System.getProperty("axe.script", "target/npm/node_modules/axe-core/axe.min.js"))));
    String result = (String) js().executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
        + "  done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
        + "    .map(function (v) { return v.id + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3); })));"
        + "}).catch(function (e) { done('axe failed: ' + e); });");
    assertEquals("[]", result, "serious or critical axe violations on the finder's results");
  }

  private static void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    Number height = (Number) js().executeScript("return document.documentElement.scrollHeight;");
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1280,
            "height", Math.min(height.intValue(), 12000), "scale", 1)));
    Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
  }

  // --- comparing with the Java reference

  private static void assertSameResult(MeResult java, MeResult js, List<String> ids) {
    assertEquals(java.modelFingerprint(), js.modelFingerprint());
    // Sessions first: a session read differently is the cause of any person-level difference.
    assertEquals(java.sessions().size(), js.sessions().size(), "sessions");
    for (int i = 0; i < java.sessions().size(); i++) {
      MeResult.MeSession a = java.sessions().get(i);
      MeResult.MeSession b = js.sessions().get(i);
      String where = "session " + (ids == null ? "#" + i : ids.get(i));
      assertEquals(a.date(), b.date(), where + " date");
      assertEquals(a.type(), b.type(), where + " type");
      assertEquals(a.runnerUp(), b.runnerUp(), where + " runner-up type");
      assertClose(a.probability(), b.probability(), where + " probability");
      assertClose(a.runnerUpProbability(), b.runnerUpProbability(), where + " runner-up probability");
      for (int f = 0; f < a.features().size(); f++) {
        assertClose(a.features().get(f), b.features().get(f),
            where + " feature " + dev.personas.features.Feature.values()[f].key());
      }
    }
    for (int p = 0; p < java.scores().size(); p++) {
      assertClose(java.scores().get(p), js.scores().get(p), "persona score " + p);
    }
    // DepthAnalyzer against depth.js: every number within 1e-9, every key, label and choice exact.
    assertSameJson(JSON.valueToTree(java.depth().orElseThrow()), JSON.valueToTree(js.depth().orElseThrow()), "depth");
    assertEquals(java.persona(), js.persona(), "persona");
    assertEquals(java.runnerUp(), js.runnerUp(), "runner-up persona");
    assertEquals(java.decisive(), js.decisive(), "decisive");
    assertEquals(java.provisional(), js.provisional(), "provisional");
    assertClose(java.confidence(), js.confidence(), "persona confidence");
    assertEquals(java.reasons().stream().map(MeResult.RateReason::rate).toList(),
        js.reasons().stream().map(MeResult.RateReason::rate).toList(), "reasons");
    for (int i = 0; i < java.reasons().size(); i++) {
      assertClose(java.reasons().get(i).yours(), js.reasons().get(i).yours(), "reason " + i);
      assertClose(java.reasons().get(i).population(), js.reasons().get(i).population(), "reason " + i);
    }
    for (int t = 0; t < java.populationMix().size(); t++) {
      assertClose(java.populationMix().get(t), js.populationMix().get(t), "population mix " + t);
    }
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Math.abs(expected - actual) > TOLERANCE) {
      fail(what + ": Java " + expected + ", browser " + actual);
    }
  }

  // JSON trees equal, numbers compared by value (Java writes 12.0 where JavaScript writes 12).
  private static void assertSameJson(JsonNode a, JsonNode b, String where) {
    if (a.isNumber() && b.isNumber()) {
      assertClose(a.asDouble(), b.asDouble(), where);
      return;
    }
    assertEquals(a.getNodeType(), b.getNodeType(), where);
    if (a.isContainerNode()) {
      assertEquals(a.size(), b.size(), where + " size");
      if (a.isObject()) {
        for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          assertSameJson(a.get(name), b.get(name) == null ? JSON.nullNode() : b.get(name), where + "." + name);
        }
      } else {
        for (int i = 0; i < a.size(); i++) {
          assertSameJson(a.get(i), b.get(i), where + "[" + i + "]");
        }
      }
    } else {
      assertEquals(a, b, where);
    }
  }

  // --- the machine

  // Resident memory of every process of this test's Chromium (found by its profile folder), in kB.
  private static long chromiumRssKb() {
    long total = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
          if (!cmdline.contains(temp.toString()) || !cmdline.contains("chrom")) {
            continue;
          }
          for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
              total += Long.parseLong(line.replaceAll("\\D", ""));
            }
          }
        } catch (IOException | RuntimeException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  private static org.openqa.selenium.JavascriptExecutor js() {
    return driver;
  }

  private static void waitFor(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + timeout.toSeconds() + " s for " + what + "; the page says: " + message());
      }
      sleep(100);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
