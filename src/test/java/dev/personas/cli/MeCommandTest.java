package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.classify.Persona;
import dev.personas.me.PlantedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeCommandTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TempDir Path home;
  @TempDir Path work;

  private void fixtureHome() throws IOException {
    copy(FIXTURES.resolve("claude-code/projects"), home.resolve(".claude/projects"));
    copy(FIXTURES.resolve("codex/sessions"), home.resolve(".codex/sessions"));
  }

  @Test
  void discoversClaudeCodeAndCodexLogsAndWritesThePage() throws IOException {
    fixtureHome();
    Path out = work.resolve("me");
    MeRun.Result run = MeRun.run(home, "--out", out.toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertEquals(out.resolve("index.html") + "\n", run.out());
    assertTrue(run.err().matches("(?s).*Found \\d+ sessions from \\d+ projects, first 20\\d\\d-\\d\\d-\\d\\d, last 20\\d\\d-\\d\\d-\\d\\d\\..*"),
        run.err());
    Document page = Jsoup.parse(out.resolve("index.html").toFile());
    String persona = page.selectFirst("h1").text();
    assertTrue(java.util.Arrays.stream(Persona.values()).anyMatch(p -> p.displayName().equals(persona)), persona);
    assertNotNull(page.getElementById("chart-your-mix"));
    assertNotNull(page.getElementById("chart-over-time"));
    assertFalse(page.select("table.sessions tbody tr").isEmpty());
    assertFalse(page.select("table.reasons tbody tr").isEmpty());
    assertTrue(page.text().contains("cleanupPeriodDays"));
    assertTrue(page.text().contains("bundled synthetic sample"));
    assertTrue(page.select("#moves ~ ul li, section.prose li").size() > 0, "signature moves from content/personas");
    assertFalse(page.select("section.borrow li").isEmpty(), "what to borrow from content/personas");
    // Its own assets, linked relatively: it works opened from disk.
    for (String asset : List.of("css/site.css", "js/charts.js", "assets/vendor/chart.umd.js")) {
      assertTrue(Files.isRegularFile(out.resolve(asset)), asset);
    }
    for (Element link : page.select("[href], [src]")) {
      String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
      assertTrue(url.startsWith("./") || url.startsWith("#"), "relative: " + url);
    }
    assertTrue(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").startsWith("default-src 'self'"));
  }

  @Test
  void twoRunsWriteByteIdenticalFiles() throws IOException {
    fixtureHome();
    Path first = work.resolve("first");
    Path second = work.resolve("second");
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", first.toString(), "--export", work.resolve("1.json").toString()).exit());
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", second.toString(), "--export", work.resolve("2.json").toString()).exit());
    assertEquals(dev.personas.site.TestSite.hashes(first), dev.personas.site.TestSite.hashes(second));
    assertEquals(Files.readString(work.resolve("1.json")), Files.readString(work.resolve("2.json")));
  }

  @Test
  void baseUrlMakesLinksAbsoluteUnderIt() throws IOException {
    fixtureHome();
    Path out = work.resolve("me");
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", out.toString(), "--base-url", "/repo/me/").exit());
    Document page = Jsoup.parse(out.resolve("index.html").toFile());
    assertEquals("/repo/me/css/site.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
  }

  @Test
  void jsonPrintsTheResultForScripts() throws IOException {
    fixtureHome();
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString(), "--json", "--quiet");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertEquals("", run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(MeCommand.JSON_SCHEMA, json.get("schema").asText());
    assertTrue(json.get("sessions").asInt() >= 5);
    assertEquals(2, json.get("projects").asInt());
    Persona.fromSlug(json.get("persona").asText());
    assertTrue(json.get("page").asText().endsWith("index.html"));
  }

  @Test
  void fewerThanThreeSessionsIsProvisionalAndSaysSo() {
    PlantedLogs.claude(home.resolve(".claude/projects"), "-home-dev-app", "s1", Instant.parse("2026-11-01T10:00:00Z"),
        List.of("add a health check endpoint to the service", "now add a test for it"), "app");
    Path out = work.resolve("me");
    MeRun.Result run = MeRun.run(home, "--out", out.toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.err().contains("Found 1 session from 1 project, first 2026-11-01, last 2026-11-01."), run.err());
    assertTrue(run.err().contains("Fewer than 3 sessions: your persona is provisional."), run.err());
    Document page = Jsoup.parse(readString(out.resolve("index.html")));
    assertTrue(page.select("p.note").text().contains("Provisional."), page.select("p.note").text());
  }

  /** Codex moves a thread the person archives out of sessions/ into archived_sessions/: still their work. */
  @Test
  void readsTheCodexThreadsThePersonArchived() throws IOException {
    Path active = home.resolve(".codex/sessions/2025/09/01");
    Path archived = home.resolve(".codex/archived_sessions");
    Files.createDirectories(active);
    Files.createDirectories(archived);
    // The fixture day's two rollouts: one still active, one archived.
    List<Path> rollouts;
    try (Stream<Path> day = Files.list(FIXTURES.resolve("codex/sessions/2025/09/01"))) {
      rollouts = day.sorted().toList();
    }
    assertEquals(2, rollouts.size());
    Files.copy(rollouts.get(0), active.resolve(rollouts.get(0).getFileName()));
    Files.copy(rollouts.get(1), archived.resolve(rollouts.get(1).getFileName()));
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.err().contains("Found 2 sessions"), run.err());
  }

  /** ~/.config/claude linked to ~/.claude (a common mend after 1.0.30): both are read, each session once. */
  @Test
  void claudeCodesXdgFolderLinkedToTheUsualOneCountsEachSessionOnce() throws IOException {
    fixtureHome();
    MeRun.Result once = MeRun.run(home, "--out", work.resolve("me").toString());
    Files.createDirectories(home.resolve(".config"));
    Files.createSymbolicLink(home.resolve(".config/claude"), home.resolve(".claude"));
    MeRun.Result linked = MeRun.run(home, "--out", work.resolve("me").toString());
    assertEquals(ExitCode.OK, linked.exit(), linked.err());
    String found = once.err().lines().filter(line -> line.startsWith("Found ")).findFirst().orElseThrow();
    assertTrue(linked.err().contains(found), linked.err());
  }

  @Test
  void noSessionsNamesEveryFolderSearchedAndExitsOne() {
    MeRun.Result run = MeRun.run(home, Map.of("CODEX_HOME", work.resolve("codex").toString()),
        "--out", work.resolve("me").toString());
    assertEquals(ExitCode.FAILURE, run.exit());
    assertTrue(run.err().contains(home.resolve(".claude/projects").toString()), run.err());
    assertTrue(run.err().contains(work.resolve("codex/sessions").toString()), run.err());
    assertTrue(run.err().contains(work.resolve("codex/archived_sessions").toString()), run.err());
    assertTrue(run.err().contains("CLAUDE_CONFIG_DIR"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void emptyLogFolderIsNoSessionsToo() throws IOException {
    Files.createDirectories(home.resolve(".claude/projects/-home-dev-app"));
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString());
    assertEquals(ExitCode.FAILURE, run.exit());
    assertTrue(run.err().startsWith("personas: No sessions found in " + home.resolve(".claude/projects")), run.err());
  }

  /** A mistyped path is said to be missing, in one line, as classify says it; beside a good one it is named too. */
  @Test
  void aPathThatDoesNotExistIsNamedAsSuch() throws IOException {
    Path missing = work.resolve("nope/missing");
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString(), missing.toString());
    assertEquals(ExitCode.FAILURE, run.exit());
    assertTrue(run.err().startsWith("personas: No sessions found in " + missing + " (not found: check the path, skipped)"),
        run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());

    PlantedLogs.claude(home.resolve(".claude/projects"), "-home-dev-app", "s1", Instant.parse("2026-11-01T10:00:00Z"),
        List.of("add a health check endpoint"), "app");
    run = MeRun.run(home, "--out", work.resolve("me").toString(), home.resolve(".claude/projects").toString(), missing.toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.err().contains(missing + " was not found (check the path)"), run.err());
  }

  @Test
  void malformedFilesAreCountedAndSkipped() throws IOException {
    PlantedLogs.claude(home.resolve(".claude/projects"), "-home-dev-app", "s1", Instant.parse("2026-11-01T10:00:00Z"),
        List.of("add a health check endpoint"), "app");
    Path bad = home.resolve(".claude/projects/-home-dev-app/broken.jsonl");
    Files.writeString(bad, "{\"type\":\"user\", truncated\nnot json at all\n");
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.err().contains("While reading: skipped"), run.err());
    assertTrue(run.err().indexOf("Found ") < run.err().indexOf("While reading: skipped"), run.err());
  }

  @Test
  void modelFileFromAnotherVersionIsAClearError() throws IOException {
    fixtureHome();
    Path model = work.resolve("model.json");
    Files.writeString(model, "{\"modelVersion\": 999, \"catalogueVersion\": 1}");
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString(), "--model", model.toString());
    assertEquals(ExitCode.FAILURE, run.exit());
    assertTrue(run.err().contains(model.toString()), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aNamedTemplatesFolderThatDoesNotExistIsAUsageError() throws IOException {
    fixtureHome();
    Path nowhere = work.resolve("no-templates");
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString(), "--templates", nowhere.toString());
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.err().contains("--templates " + nowhere + " does not exist"), run.err());
  }

  @Test
  void namedPathsAreReadInsteadOfTheHomeFolders() throws IOException {
    fixtureHome();
    MeRun.Result run = MeRun.run(home, "--out", work.resolve("me").toString(), "--json",
        FIXTURES.resolve("codex/sessions").toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertEquals(1, new ObjectMapper().readTree(run.out()).get("projects").asInt());
  }

  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void copy(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }

  /** Several people's sessions (a SWE-chat release) are a dataset, not one person: one sentence, no page. */
  @Test
  void severalPeoplesSessionsAreRefusedWithOneSentence() {
    Path release = work.resolve("release");
    assertEquals(ExitCode.OK, MeRun.any("sample", "--sessions", "12", "--users", "3", "--repos", "1", "--out",
        release.toString()).exit());
    MeRun.Result run = MeRun.run(home, release.toString(), "--out", work.resolve("me").toString());
    assertEquals(ExitCode.FAILURE, run.exit(), run.err());
    assertTrue(run.err().contains("hold the sessions of 3 people (a SWE-chat release?), and `personas me` writes one"
        + " person's page"), run.err());
    assertFalse(java.nio.file.Files.exists(work.resolve("me")), "no page written");
  }
}
