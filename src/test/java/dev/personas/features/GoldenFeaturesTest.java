package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.load.LogFiles;
import dev.personas.load.ReadReport;
import dev.personas.load.SourceFormat;
import dev.personas.load.TestTrees;
import dev.personas.session.Session;
import dev.personas.study.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden feature vectors: every fixture log under {@code src/test/resources/fixtures/} is read
 * with the readers every command uses, every session is featurized, and the result must equal
 * {@code src/test/resources/golden/features/<fixture>.json} (per session id, every feature key
 * with its value; plus the lines the readers skipped, located). Fixtures are discovered: a folder
 * of loose {@code .jsonl} files ({@code claude-code-log/}) is one fixture per file; any other
 * folder ({@code claude-code/}, {@code codex/}, a SWE-chat dataset folder) is one fixture read as
 * a whole tree. A fixture without a golden file fails, and so does a golden file without its
 * fixture.
 *
 * <p>After an intended change to a reader or a feature, rerun with
 * {@code mvn -B -q test -Dtest=GoldenFeaturesTest -Dgolden.update=true} (it rewrites the golden
 * files under src/test/resources) and review the diff: {@code golden/features/README.md} lists
 * the values that were checked by hand against the raw logs, and why they are right.
 */
class GoldenFeaturesTest {
  private static final Path SOURCE_DIR = Paths.get("src/test/resources/golden/features");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** A fixture: its name (path under fixtures/ without .jsonl) and what the readers read. */
  record Fixture(String name, Path path) {}

  @TestFactory
  Stream<DynamicTest> everyFixtureSessionHasItsGoldenFeatures() {
    List<Fixture> fixtures = fixtures();
    assertFalse(fixtures.isEmpty(), "no fixtures found under " + TestTrees.resource("fixtures"));
    return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
  }

  @Test
  void everyGoldenFileHasItsFixture() throws IOException {
    Path golden = TestTrees.resource("golden/features");
    TreeSet<String> names = new TreeSet<>();
    fixtures().forEach(f -> names.add(f.name()));
    List<String> orphans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(golden)) {
      files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(p -> {
        String name = golden.relativize(p).toString().replace('\\', '/');
        name = name.substring(0, name.length() - ".json".length());
        if (!names.contains(name)) {
          orphans.add(name + ".json");
        }
      });
    }
    assertTrue(orphans.isEmpty(), "golden files without a fixture (delete them, or restore the"
        + " fixture): " + orphans);
  }

  @Test
  void discoveryFindsEveryKindOfFixture() {
    List<String> names = fixtures().stream().map(Fixture::name).toList();
    // Guards the discovery rule itself: a renamed folder must not silently drop its goldens.
    assertTrue(names.contains("claude-code-log/representative_messages"), names.toString());
    assertTrue(names.contains("claude-code"), names.toString());
    assertTrue(names.contains("codex"), names.toString());
  }

  private static void check(Fixture fixture) throws IOException {
    ObjectNode actual = featurize(fixture);
    String text = WRITER.writeValueAsString(actual) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Path target = goldenFile(SOURCE_DIR, fixture);
      Files.createDirectories(target.getParent());
      Files.writeString(target, text, StandardCharsets.UTF_8);
      return;
    }
    Path golden = goldenFile(TestTrees.resource("golden/features"), fixture);
    if (!Files.exists(golden)) {
      fail("fixture " + fixture.name() + " has no golden file golden/features/" + fixture.name()
          + ".json; create it with -Dgolden.update=true, then check its values against the log");
    }
    JsonNode expected = MAPPER.readTree(golden.toFile());
    List<String> differences = new ArrayList<>();
    compare("", expected, actual, differences);
    if (!differences.isEmpty()) {
      fail("features of " + fixture.name() + " differ from golden/features/" + fixture.name()
          + ".json (after an intended change: -Dgolden.update=true and review the diff):\n  "
          + String.join("\n  ", differences));
    }
  }

  /** Reads the fixture as `personas` does and writes what the golden file holds. */
  private static ObjectNode featurize(Fixture fixture) {
    FeatureExtractor extractor = new FeatureExtractor();
    Map<String, FeatureVector> vectors = new TreeMap<>();
    ReadReport report = Sources.loader().load(List.of(fixture.path()), Optional.empty(),
        (Session session) -> {
          FeatureVector previous = vectors.put(session.id(), extractor.extract(session));
          if (previous != null) {
            fail("session " + session.id() + " was read twice from " + fixture.name());
          }
        });
    ObjectNode root = MAPPER.createObjectNode();
    root.put("fixture", fixture.name());
    Path base = TestTrees.resource("fixtures");
    // The summary names the first repaired line by its path: the golden file holds it from fixtures/.
    root.put("read", report.summary().replace(base.toAbsolutePath() + base.getFileSystem().getSeparator(), "")
        .replace('\\', '/'));
    ArrayNode skipped = root.putArray("skipped");
    report.skips().forEach(skip -> skipped.add(
        base.relativize(skip.file()).toString().replace('\\', '/')
            + (skip.line() > 0 ? ":" + skip.line() : "") + ": " + skip.reason()));
    ObjectNode sessions = root.putObject("sessions");
    vectors.forEach((id, vector) -> {
      ObjectNode features = sessions.putObject(id);
      for (Feature f : Feature.values()) {
        double value = vector.get(f);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
          features.put(f.key(), (long) value);
        } else {
          features.put(f.key(), value);
        }
      }
    });
    return root;
  }

  /** Lists every difference, as "sessions.ID.feature: golden X, now Y". */
  private static void compare(String at, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isNumber() && actual.isNumber()) {
      if (Double.compare(expected.asDouble(), actual.asDouble()) != 0) {
        out.add(at + ": golden " + expected + ", now " + actual);
      }
    } else if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String path = at.isEmpty() ? key : at + "." + key;
        if (!expected.has(key)) {
          out.add(path + ": not in the golden file, now " + brief(actual.get(key)));
        } else if (!actual.has(key)) {
          out.add(path + ": golden " + brief(expected.get(key)) + ", now missing");
        } else {
          compare(path, expected.get(key), actual.get(key), out);
        }
      }
    } else if (!expected.equals(actual)) {
      out.add(at + ": golden " + brief(expected) + ", now " + brief(actual));
    }
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /** Every fixture under fixtures/, sorted by name. */
  static List<Fixture> fixtures() {
    Path root = TestTrees.resource("fixtures");
    List<Fixture> fixtures = new ArrayList<>();
    for (Path dir : list(root)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      String folder = dir.getFileName().toString();
      List<Path> loose = list(dir).stream().filter(LogFiles::isJsonl).toList();
      boolean dataset = SourceFormat.detect(dir).filter(f -> f == SourceFormat.SWE_CHAT).isPresent();
      if (loose.isEmpty() || dataset) {
        fixtures.add(new Fixture(folder, dir));
      } else {
        loose.forEach(file -> fixtures.add(new Fixture(folder + "/" + LogFiles.stem(file), file)));
      }
    }
    fixtures.sort((a, b) -> a.name().compareTo(b.name()));
    return fixtures;
  }

  private static Path goldenFile(Path goldenRoot, Fixture fixture) {
    return goldenRoot.resolve(fixture.name() + ".json");
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
