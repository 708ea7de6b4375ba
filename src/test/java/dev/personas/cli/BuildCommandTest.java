package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.classify.Model;
import dev.personas.classify.ModelFile;
import dev.personas.site.LiveSite;
import dev.personas.site.TestSite;
import dev.personas.study.PopulationModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BuildCommandTest {
  @TempDir Path temp;
  TestSite site;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void copySources() {
    site = TestSite.copyInto(temp);
  }

  private int run(String... args) {
    return App.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  /** A folder of the first three real logs of the test resources, as one person's. */
  private Path threeRealLogs(String folder) throws IOException {
    Path mine = Files.createDirectories(temp.resolve(folder));
    try (var files = Files.walk(Path.of("src/test/resources/real"))) {
      for (Path log : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().limit(3).toList()) {
        Files.copy(log, mine.resolve(log.getFileName()));
      }
    }
    return mine;
  }

  private String[] build(String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "build",
        "--content", temp.resolve("content").toString(),
        "--templates", temp.resolve("templates").toString(),
        "--static", temp.resolve("static").toString(),
        "--out", site.out().toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void buildAnalysesTheBundledSampleAndEndsWithTheSummaryLine() {
    assertEquals(ExitCode.OK, run(build("--base-url", "/repo")));
    // The sample's 5,800 sessions less what the SWE-chat paper leaves out (its nimbus stand-in and
    // the sessions without conversation rows, whose transcripts hold the sample's broken lines).
    assertTrue(out.toString().matches("Read 5640 sessions of 189 people in \\d+ repositories from"
        + " bundled synthetic sample; skipped nothing; left out as the SWE-chat paper does: 87 sessions"
        + " of dayhaysoos/nimbus \\(machine-generated prompts\\), 73 sessions without conversation rows"
        + " \\(build and classify keep them with --keep-excluded\\)\\.\\RBuilt \\d+ pages, copied \\d+ files in \\d+ ms\\R"), out.toString());
    // Progress goes to stderr (only the first time in a process: the analysis is reused).
    assertFalse(err.toString().contains("Exception"), err.toString());
    assertTrue(Files.exists(site.out().resolve("index.html")));
    assertTrue(Files.exists(site.out().resolve("model.json")));
    assertTrue(Files.exists(site.out().resolve("validation.json")));
  }

  @Test
  void noDataBuildsOnlyTheAuthoredPagesAndPublishesNoModel() {
    assertEquals(ExitCode.OK, run(build("--no-data")));
    assertTrue(out.toString().matches("Built \\d+ pages, copied \\d+ files in \\d+ ms\\R"), out.toString());
    assertEquals("", err.toString());
    assertFalse(Files.exists(site.out().resolve("model.json")));
  }

  @Test
  void aDatasetAboveTheLineFitsItsOwnModel() throws Exception {
    // 24 people with 5 sessions each on average: at least 23 of them have 3 or more.
    Path dataset = temp.resolve("sample-above-the-line");
    assertEquals(ExitCode.OK, run("sample", "--sessions", "120", "--users", "24", "--repos", "3",
        "--out", dataset.toString()), err.toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run(build("--dataset", dataset.toString())), err.toString());
    assertFalse(out.toString().contains("too few"), out.toString());
    java.util.regex.Matcher read = java.util.regex.Pattern.compile("Read (\\d+) sessions").matcher(out.toString());
    assertTrue(read.find(), out.toString());
    assertTrue(err.toString().contains("Fitting the population model on " + read.group(1) + " sessions"), err.toString());
    String model = Files.readString(site.out().resolve("model.json"));
    assertFalse(model.contains(PopulationModels.load(Optional.empty()).datasetFingerprint()),
        "the model is fitted on this dataset, not the shipped one");
    assertTrue(Files.readString(site.out().resolve("validation.json")).contains("\"resamples\" : 50"));
    Document method = Jsoup.parse(site.out().resolve("method/index.html").toFile(), "UTF-8");
    assertTrue(method.select("#stability + p").text().startsWith("Across 50 bootstrap resamples"),
        method.select("#stability + p").text());
  }

  /** `personas me` writes into site/me by default: a build of site replaces it, and says so. */
  @Test
  void aBuildSaysItReplacedThePersonalPageMeWroteIntoTheSite() throws Exception {
    assertEquals(ExitCode.OK, run(build("--no-data")), err.toString());
    assertFalse(err.toString().contains("personal page"), err.toString());
    Path me = Files.createDirectories(site.out().resolve("me"));
    Files.writeString(me.resolve(".personas"), "written by personas me\n");
    Files.writeString(me.resolve("index.html"), "<!doctype html><title>me</title>\n");
    assertEquals(ExitCode.OK, run(build("--no-data")), err.toString());
    assertTrue(err.toString().contains("personas: the personal page `personas me` wrote into " + me
        + " was replaced with the rest of " + site.out()), err.toString());
    assertFalse(Files.exists(me.resolve("index.html")));

    // `me` run before any build: the folder holds only the page personas wrote, and is built over.
    err.getBuffer().setLength(0);
    try (var tree = Files.walk(site.out())) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.createDirectories(me);
    Files.writeString(me.resolve(".personas"), "written by personas me\n");
    assertEquals(ExitCode.OK, run(build("--no-data")), err.toString());
    assertTrue(err.toString().contains("personas: the personal page `personas me` wrote into " + me), err.toString());
    assertTrue(Files.exists(site.out().resolve("index.html")));
  }

  /**
   * Logs name nobody: a team's logs gathered a folder per person are one person's unless the
   * build is told each folder is someone's, and the kept analysis of one reading is not reused
   * for the other.
   */
  @Test
  void aTeamsLogsAreOnePersonPerFolderWhenAskedAndOnePersonOtherwise() throws Exception {
    Path team = Files.createDirectories(temp.resolve("team"));
    try (var files = Files.walk(Path.of("src/test/resources/real"))) {
      // Six sessions, none a copy of another (Entire's full.jsonl and transcript.jsonl are).
      List<Path> logs = files.filter(f -> f.toString().endsWith(".jsonl") && !f.endsWith("full.jsonl")
          && !f.endsWith("transcript.jsonl")).sorted().limit(6).toList();
      assertEquals(6, logs.size(), logs.toString());
      for (int i = 0; i < logs.size(); i++) {
        Path person = Files.createDirectories(team.resolve(i < 3 ? "alice" : "bob").resolve("logs"));
        Files.copy(logs.get(i), person.resolve(logs.get(i).getFileName()));
      }
    }
    String cache = temp.resolve("cache").toString();
    assertEquals(ExitCode.OK, run(build("--dataset", team.toString(), "--cache", cache)), err.toString());
    assertTrue(out.toString().startsWith("Read 6 sessions of 1 person in "), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run(build("--dataset", team.toString(), "--cache", cache, "--person-per-folder")),
        err.toString());
    assertTrue(out.toString().startsWith("Read 6 sessions of 2 people in "), out.toString());
  }

  @Test
  void threeSessionsOfOnePersonAreClassifiedAgainstTheShippedModel() throws Exception {
    Path mine = threeRealLogs("my-sessions");
    assertEquals(ExitCode.OK, run(build("--dataset", mine.toString())), err.toString());

    List<String> lines = out.toString().lines().toList();
    assertEquals(3, lines.size(), out.toString());
    assertTrue(lines.get(0).startsWith("Read 3 sessions of 1 person in "), lines.get(0));
    assertEquals("3 sessions of 1 person are too few to fit a population model (a fit needs at least"
        + " 23 people with 3 or more sessions): classified against the shipped model fitted on the"
        + " bundled sample; the figures describe these sessions, the persona rules come from the"
        + " sample.", lines.get(1));
    assertFalse(err.toString().contains("Fitting"), err.toString());
    Model shipped = PopulationModels.load(Optional.empty());
    assertEquals(shipped.datasetFingerprint(),
        ModelFile.read(site.out().resolve("model.json")).datasetFingerprint());
    assertTrue(Files.readString(site.out().resolve("validation.json")).contains("\"stability\" : null"));

    Document method = Jsoup.parse(site.out().resolve("method/index.html").toFile(), "UTF-8");
    assertTrue(method.select("#stability + p.note").text().startsWith("Not computed. 3 sessions of 1"
        + " person are too few to fit a population model"), method.select("#stability").text());
    assertTrue(method.select("#chart-silhouette").isEmpty(), "no silhouettes from 3 sessions");
    assertTrue(method.select("#model + p").text().contains("classified by the model shipped with the"
        + " program, fitted on the bundled synthetic sample"), method.select("#model + p").text());
    assertTrue(method.select("#model + p code").text().contains(shipped.datasetFingerprint()));
    Document home = Jsoup.parse(site.out().resolve("index.html").toFile(), "UTF-8");
    assertTrue(home.select(".dataset-line").text().startsWith("Figures from my-sessions: 3 sessions"),
        home.select(".dataset-line").text());
    // One person is one person, in the words under the chart and in the chart's own description.
    assertTrue(home.select(".chart-foot").text().startsWith("Persona shares count the 1 person with at least 3 sessions;"),
        home.select(".chart-foot").text());
    assertEquals("Horizontal bar chart: the share of the 1 person given a persona who has each persona.",
        home.selectFirst("#chart-persona-shares canvas").attr("aria-label"));
  }

  /** One or two of one person's sessions give no person a persona: a sentence, not a crash. */
  @Test
  void sessionsOfNobodyWithAPersonaFailWithOneSentence() throws Exception {
    Path mine = Files.createDirectories(temp.resolve("two-sessions"));
    try (var files = Files.walk(Path.of("src/test/resources/real"))) {
      for (Path log : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().limit(2).toList()) {
        Files.copy(log, mine.resolve(log.getFileName()));
      }
    }
    assertEquals(ExitCode.FAILURE, run(build("--dataset", mine.toString())));
    List<String> lines = err.toString().lines().filter(l -> !l.endsWith("...")).toList();
    assertEquals(List.of("personas: The dataset two-sessions gives 2 sessions and no person with 3 or more, so the"
        + " site's persona shares would be of nobody. For one person's own logs run `personas me PATH`, which writes"
        + " a personal page; `build --no-data` builds the site without figures."), lines, err.toString());
    assertFalse(Files.exists(site.out().resolve("index.html")));
  }

  @Test
  void aMissingDatasetExitsOneWithOneSentence() {
    assertEquals(ExitCode.FAILURE, run(build("--dataset", "/no/such/path")));
    List<String> lines = err.toString().lines().filter(l -> !l.endsWith("...")).toList();
    assertEquals(List.of("personas: No dataset at /no/such/path: nothing exists there; point --dataset"
        + " at a SWE-chat folder or a folder of Claude Code or Codex logs."), lines, err.toString());
    assertFalse(Files.exists(site.out().resolve("index.html")));
  }

  /** One table file given for the release's folder: the error says why, not "--verbose lists them". */
  @Test
  void aDatasetThatIsOneTableFileIsRefusedWithTheReason() throws Exception {
    Path table = Files.writeString(temp.resolve("sessions.parquet"), "PAR1");
    assertEquals(ExitCode.FAILURE, run(build("--dataset", table.toString())));
    assertTrue(err.toString().contains("not a folder; a SWE-chat dataset is a folder of tables and transcripts"), err.toString());
    assertFalse(err.toString().contains("--verbose lists them"), err.toString());
  }

  @Test
  void aDatasetWithNoSessionsFailsWithOneSentenceAndKeepsTheOldSite() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty-dataset"));
    assertEquals(ExitCode.FAILURE, run(build("--dataset", empty.toString())));
    assertTrue(err.toString().contains("No sessions found in empty-dataset"), err.toString());
    assertFalse(err.toString().contains("at dev.personas"), "no stack trace without --verbose");
    assertFalse(Files.exists(site.out().resolve("index.html")));
  }

  @Test
  void quietBuildPrintsNothing() {
    assertEquals(ExitCode.OK, run(build("--quiet")));
    assertEquals("", out.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(ExitCode.USAGE, run(build("--colour")));
    assertTrue(err.toString().contains("Unknown option: '--colour'"), err.toString());
  }

  @Test
  void baseUrlThatIsNotAPathIsAUsageError() {
    assertEquals(ExitCode.USAGE, run(build("--base-url", "https://example.org/repo/")));
    assertTrue(err.toString().contains("is not a path"), err.toString());
  }

  @Test
  void missingContentFolderIsAUsageErrorNamingIt() {
    assertEquals(ExitCode.USAGE, run("build", "--content", temp.resolve("nowhere").toString(), "--out", site.out().toString()));
    assertTrue(err.toString().contains("nowhere does not exist"), err.toString());
    assertFalse(err.toString().contains("Reading"), "said before the dataset is read: " + err);
  }

  @Test
  void templateErrorExitsOneNamingFileAndLineWithoutAStackTrace() {
    site.write("templates/404.peb", site.read("templates/404.peb").replace("Page not found</h1>", "{{ nope() }}</h1>"));
    assertEquals(ExitCode.FAILURE, run(build()));
    int line = site.read("templates/404.peb").lines().toList().indexOf("    <h1>{{ nope() }}</h1>") + 1;
    assertTrue(line > 0);
    assertTrue(err.toString().contains("404.peb:" + line + ": Function or Macro [nope] does not exist"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void verboseFailurePrintsTheStackTrace() {
    site.write("templates/404.peb", site.read("templates/404.peb").replace("Page not found</h1>", "{{ nope() }}</h1>"));
    assertEquals(ExitCode.FAILURE, run(build("--verbose")));
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  /** `serve --dataset` says what it read, once, as `build` does; later full rebuilds do not repeat it. */
  @Test
  void theServedSiteSaysWhatItReadOnce() throws Exception {
    Path mine = threeRealLogs("served-sessions");
    BuildCommand command = new BuildCommand();
    CommandLine line = new CommandLine(command);
    String[] args = build("--dataset", mine.toString());
    line.parseArgs(Arrays.copyOfRange(args, 1, args.length));
    command.options.resolveFolders(line.getParseResult());
    LiveSite live = BuildCommand.liveSite(command.options, command.verbosity, new PrintWriter(out), new PrintWriter(err), () -> 0);
    live.build();
    live.build();
    List<String> said = out.toString().lines().filter(l -> l.startsWith("Read ")).toList();
    assertEquals(1, said.size(), out.toString());
    assertTrue(said.get(0).startsWith("Read 3 sessions of 1 person in "), out.toString());
  }

  @Test
  void helpListsTheBuildAndServeOptions() {
    assertEquals(ExitCode.OK, run("build", "--help"));
    assertTrue(out.toString().contains("--base-url"));
    assertEquals(ExitCode.OK, run("serve", "--help"));
    assertTrue(out.toString().contains("--port"));
    assertEquals(ExitCode.OK, run("--help"));
    assertTrue(out.toString().contains("serve"));
    for (String command : new String[] {"build", "serve"}) {
      out.getBuffer().setLength(0);
      assertEquals(ExitCode.OK, run(command, "--version"));
      assertTrue(out.toString().startsWith("personas "), command + ": " + out);
    }
  }

  /** --help names the formats as --format takes them, its error says them and the README writes them. */
  @Test
  void helpNamesTheLogFormatsAsTheyAreTyped() {
    for (String command : new String[] {"build", "serve", "classify", "ingest"}) {
      out.getBuffer().setLength(0);
      assertEquals(ExitCode.OK, run(command, "--help"));
      String help = out.toString().replaceAll("\\s+", " ");
      assertTrue(help.contains("claude-code, codex"), command + ": " + help);
      assertFalse(help.contains("CLAUDE_CODE") || help.contains("SWE_CHAT"), command + ": " + help);
    }
  }

  @Test
  void aBuildOfUnchangedDataReusesTheKeptAnalysisAndWritesTheSameSite() throws Exception {
    Path dataset = temp.resolve("kept");
    assertEquals(ExitCode.OK, run("sample", "--sessions", "200", "--users", "25", "--repos", "4",
        "--out", dataset.toString()), err.toString());
    Path cache = temp.resolve("cache");
    out.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run(build("--dataset", dataset.toString(), "--cache", cache.toString())), err.toString());
    String firstOut = out.toString();
    var first = TestSite.hashes(site.out());
    try (var files = Files.list(cache)) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".json")).count(), "one analysis kept");
    }
    try (var files = Files.list(cache.resolve("cards"))) {
      assertEquals(7, files.filter(f -> f.toString().endsWith(".png")).count(), "each persona's card kept");
    }
    // Another folder holding the same entry: this process has not used it, so it is read from disk.
    Path copy = Files.createDirectories(temp.resolve("cache-copy"));
    try (var files = Files.list(cache)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run(build("--dataset", dataset.toString(), "--cache", copy.toString())), err.toString());
    assertTrue(err.toString().startsWith("Reusing the analysis of kept kept in " + copy), err.toString());
    assertFalse(err.toString().contains("Fitting"), err.toString());
    assertEquals(firstOut.lines().findFirst(), out.toString().lines().findFirst(), "the same Read line");
    assertEquals(first, TestSite.hashes(site.out()), "the same site, byte for byte");

    // Again with the first folder, whose cards are kept: they are read, not drawn (a drawn card
    // would be written again, with a new modification time), and the site is the same.
    List<Path> cards;
    try (var files = Files.list(cache.resolve("cards"))) {
      cards = files.filter(f -> f.toString().endsWith(".png")).toList();
    }
    for (Path card : cards) {
      Files.setLastModifiedTime(card, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    }
    assertEquals(ExitCode.OK, run(build("--dataset", dataset.toString(), "--cache", cache.toString())), err.toString());
    assertEquals(first, TestSite.hashes(site.out()), "the same site, byte for byte, with the kept cards");
    for (Path card : cards) {
      assertEquals(1_000_000, Files.getLastModifiedTime(card).toMillis(), card + " was read, not drawn again");
    }
  }
}
