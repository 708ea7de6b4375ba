package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.site.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertTrue(out.toString().matches("Read 5800 sessions of 190 people in \\d+ repositories from"
        + " bundled synthetic sample; skipped \\d+ lines or files in \\d+ files; --verbose lists"
        + " them\\.\\RBuilt \\d+ pages, copied \\d+ files in \\d+ ms\\R"), out.toString());
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
  void aSmallDatasetWhereSomeTypesHaveNoSilhouetteStillBuilds() {
    // 40 sessions: some types get fewer than two sessions, so they have no silhouette (null).
    Path dataset = temp.resolve("small-sample");
    assertEquals(ExitCode.OK, run("sample", "--sessions", "40", "--users", "4", "--repos", "3",
        "--out", dataset.toString()), err.toString());
    assertEquals(ExitCode.OK, run(build("--dataset", dataset.toString())), err.toString());
    assertTrue(Files.isRegularFile(site.out().resolve("validation.json")));
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
}
