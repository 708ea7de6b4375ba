package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden classifications: every {@code golden/NAME.sessions.json} (sessions with raw features)
 * is fitted and labelled, and the result must equal {@code golden/NAME.expected.json}: each
 * session's type, probability (3 decimals) and runner-up, each person's persona. Pairs are
 * discovered automatically; a file without its partner fails. After an intended change, rerun
 * with {@code -Dgolden.update=true} (writes into src/test/resources) and review the diff.
 */
class GoldenClassificationTest {
  private static final Path SOURCE_DIR = Paths.get("src/test/resources/dev/personas/classify/golden");

  @TestFactory
  Stream<DynamicTest> everyGoldenSetClassifiesAsExpected() {
    List<Path> inputs = files(".sessions.json");
    assertFalse(inputs.isEmpty(), "no golden sets found");
    return inputs.stream().map(input -> DynamicTest.dynamicTest(name(input), () -> check(input)));
  }

  @Test
  void everyExpectedFileHasItsSessions() {
    for (Path expected : files(".expected.json")) {
      Path input = expected.resolveSibling(name(expected) + ".sessions.json");
      if (!Files.exists(input)) {
        fail("golden " + expected.getFileName() + " has no " + input.getFileName());
      }
    }
  }

  private static void check(Path input) throws IOException {
    List<SessionInput> sessions = read(input);
    Model model = new ModelFitter().fit(sessions);
    String actual = Json.WRITER.writeValueAsString(summary(new PopulationLabeler(model)
        .label(sessions))) + "\n";
    Path expected = input.resolveSibling(name(input) + ".expected.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(SOURCE_DIR.resolve(expected.getFileName()), actual,
          StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      fail("golden " + input.getFileName() + " has no " + expected.getFileName()
          + "; create it with -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
        "classification of " + input.getFileName() + " changed");
  }

  private static ObjectNode summary(Labels labels) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode sessions = root.putObject("sessions");
    labels.sessions().forEach((id, c) -> sessions.putObject(id)
        .put("type", c.type().slug())
        .put("probability", String.format(java.util.Locale.ROOT, "%.3f", c.probability()))
        .put("runnerUp", c.runnerUp().slug()));
    ObjectNode persons = root.putObject("persons");
    labels.persons().forEach((user, r) -> persons.putObject(user)
        .put("persona", r.persona().slug())
        .put("decisive", r.decisive())
        .put("provisional", r.provisional()));
    return root;
  }

  private static List<SessionInput> read(Path input) throws IOException {
    List<SessionInput> out = new ArrayList<>();
    for (JsonNode s : Json.MAPPER.readTree(input.toFile()).path("sessions")) {
      String id = s.path("sessionId").asText();
      double[] values = new double[Feature.values().length];
      for (Feature f : Feature.values()) {
        values[f.ordinal()] = s.path("features").path(f.key()).asDouble(0);
      }
      out.add(new SessionInput(id, s.path("userId").asText(),
          Instant.parse(s.path("start").asText()), new FeatureVector(id, values)));
    }
    return out;
  }

  private static List<Path> files(String suffix) {
    try (Stream<Path> files = Files.list(goldenDir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path goldenDir() {
    try {
      return Paths.get(GoldenClassificationTest.class.getResource("golden").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.indexOf('.'));
  }
}
