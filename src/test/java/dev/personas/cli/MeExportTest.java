package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.me.MeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** me.json: features and labels only, and the page `build --me` draws from it is the direct run's. */
class MeExportTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path work;

  @BeforeEach
  void fixtureHome() throws IOException {
    MeCommandTest.copy(FIXTURES.resolve("claude-code/projects"), home.resolve(".claude/projects"));
    MeCommandTest.copy(FIXTURES.resolve("codex/sessions"), home.resolve(".codex/sessions"));
  }

  @Test
  void buildFromTheExportRendersTheSamePageContentAsTheDirectRun() throws IOException {
    Path direct = work.resolve("me");
    Path export = work.resolve("me.json");
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", direct.toString(), "--export", export.toString()).exit());
    Path site = work.resolve("site");
    MeRun.Result build = MeRun.any("build", "--no-data", "--quiet", "--me", export.toString(), "--out", site.toString());
    assertEquals(ExitCode.OK, build.exit(), build.err());
    Document alone = Jsoup.parse(direct.resolve("index.html").toFile());
    Document inSite = Jsoup.parse(site.resolve("me/index.html").toFile());
    assertEquals(content(alone), content(inSite));
    assertFalse(content(alone).isEmpty());
    // In the full site the page links to the persona's profile, which the standalone page cannot.
    assertFalse(inSite.select("main a[href$=/personas/" + slug(export) + "/]").isEmpty());
  }

  @Test
  void buildFromLogsRendersThePageToo() throws IOException {
    Path site = work.resolve("site");
    MeRun.Result build = MeRun.any("build", "--no-data", "--quiet", "--me", home.resolve(".claude/projects").toString(),
        "--out", site.toString());
    assertEquals(ExitCode.OK, build.exit(), build.err());
    assertTrue(Files.isRegularFile(site.resolve("me/index.html")));
  }

  @Test
  void exportHoldsNumbersAndLabelsButNoTextFromTheLogs() throws IOException {
    Path export = work.resolve("me.json");
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", work.resolve("me").toString(), "--show-projects", "--show-titles",
        "--export", export.toString()).exit());
    JsonNode root = JSON.readTree(export.toFile());
    assertEquals(MeFile.SCHEMA, root.get("schema").asText());
    List<String> strings = new ArrayList<>();
    collectStrings(root, strings);
    for (String s : strings) {
      assertTrue(s.matches("[a-z0-9][a-zA-Z0-9_./-]*|\\d{4}-\\d{2}-\\d{2}"), "only keys, slugs, hashes and dates: " + s);
    }
    String text = Files.readString(export);
    Set<String> fromLogs = new TreeSet<>();
    try (Stream<Path> logs = Files.walk(home)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        // Session ids and project folders (the date folders of Codex aside).
        fromLogs.add(log.getFileName().toString().replace(".jsonl", ""));
        if (log.getParent().getFileName().toString().length() > 2) {
          fromLogs.add(log.getParent().getFileName().toString());
        }
        for (String line : Files.readAllLines(log)) {
          try {
            collectStrings(JSON.readTree(line), new ArrayList<>() {
              @Override
              public boolean add(String s) {
                if (s.length() >= 6 && !s.matches("[a-z_-]+|\\d{4}-\\d{2}-\\d{2}.*|\\d+(\\.\\d+)?")) {
                  fromLogs.add(s);
                }
                return true;
              }
            });
          } catch (IOException e) {
            // a deliberately broken fixture line
          }
        }
      }
    }
    assertTrue(fromLogs.size() > 50, "the fixtures carry text: " + fromLogs.size());
    for (String s : fromLogs) {
      assertFalse(text.contains(s), "me.json contains text from the logs: " + s);
    }
  }

  /**
   * Each run replaces its output folder as a whole: logs kept inside it (copied there, or the
   * folder given as --out by mistake a second time) are refused before anything is read or
   * deleted, by `me` and by `build --me`, and are still there afterwards.
   */
  @Test
  void logsInsideTheOutputFolderAreRefusedNotDeleted() throws IOException {
    Path out = work.resolve("me");
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", out.toString()).exit());
    Path logs = out.resolve("logs");
    MeCommandTest.copy(FIXTURES.resolve("claude-code/projects"), logs);
    long files;
    try (var walk = Files.walk(logs)) {
      files = walk.count();
    }
    MeRun.Result me = MeRun.run(home, "--out", out.toString(), logs.toString());
    assertEquals(ExitCode.USAGE, me.exit(), me.err());
    assertTrue(me.err().contains("The output folder " + out + " holds " + logs), me.err());
    MeRun.Result build = MeRun.any("build", "--no-data", "--quiet", "--out", out.toString(), "--me", logs.toString());
    assertEquals(ExitCode.USAGE, build.exit(), build.err());
    try (var walk = Files.walk(logs)) {
      assertEquals(files, walk.count());
    }
  }

  @Test
  void anExportOfAnotherSchemaIsAClearError() throws IOException {
    Path export = work.resolve("me.json");
    Files.writeString(export, "{\"schema\": \"personas.me/99\"}");
    MeRun.Result build = MeRun.any("build", "--no-data", "--me", export.toString(), "--out", work.resolve("site").toString());
    assertEquals(ExitCode.FAILURE, build.exit());
    assertTrue(build.err().contains("has schema 'personas.me/99', but this personas reads personas.me/2"), build.err());
  }

  /** An export that cannot be written is refused before the page is written: nothing is left half done. */
  @Test
  void anExportThatCannotBeWrittenIsRefusedBeforeThePage() throws IOException {
    Path page = work.resolve("me");
    Files.writeString(work.resolve("a-file"), "");
    MeRun.Result run = MeRun.run(home, "--out", page.toString(), "--export", work.resolve("a-file/me.json").toString());
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("cannot be written: " + work.resolve("a-file") + " is not a folder."), run.err());
    assertFalse(Files.exists(page), "no page written");
    // Folders that do not exist yet are made, as before.
    Path nested = work.resolve("new/folder/me.json");
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", page.toString(), "--export", nested.toString()).exit());
    assertTrue(Files.isRegularFile(nested));
  }

  /** A me.json cut short (a broken download or commit) is named as damaged, not searched for logs. */
  @Test
  void aDamagedExportIsSaidToBeDamaged() throws IOException {
    Path export = work.resolve("me.json");
    assertEquals(ExitCode.OK, MeRun.run(home, "--out", work.resolve("me").toString(), "--export", export.toString()).exit());
    byte[] bytes = Files.readAllBytes(export);
    Files.write(export, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    MeRun.Result build = MeRun.any("build", "--no-data", "--me", export.toString(), "--out", work.resolve("site").toString());
    assertEquals(ExitCode.FAILURE, build.exit());
    assertTrue(build.err().contains("is not readable JSON: Unexpected end-of-input"), build.err());
    assertTrue(build.err().contains("Export it again with `personas me --export`"), build.err());
  }

  // What the page says: headings, numbers, tables, chart data, authored text; links and the
  // page's frame (layout, navigation) aside.
  private static List<String> content(Document page) {
    List<String> parts = new ArrayList<>();
    Element main = page.selectFirst("main");
    parts.add(main.selectFirst("h1").text());
    parts.add(main.select("p.tagline, dl.stats, p.note").text());
    for (Element section : main.select("section")) {
      parts.add(section.text());
    }
    for (Element canvas : main.select("canvas[data-chart]")) {
      parts.add(canvas.attr("data-chart"));
    }
    return parts;
  }

  private static String slug(Path export) throws IOException {
    return JSON.readTree(export.toFile()).get("persona").get("slug").asText();
  }

  private static void collectStrings(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.fieldNames().forEachRemaining(into::add);
    node.elements().forEachRemaining(child -> collectStrings(child, into));
    if (node.isObject()) {
      node.properties().forEach(e -> collectStrings(e.getValue(), into));
    }
  }
}
