package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  private static SyntheticPopulation.Sample sample;
  private static Model model;

  @TempDir Path dir;

  @BeforeAll
  static void fit() {
    sample = SyntheticPopulation.generate(11, 4, 3);
    model = new ModelFitter().fit(sample.sessions());
  }

  @Test
  void writtenModelLoadsAndGivesIdenticalAnswers() {
    Path file = dir.resolve("site/model.json");
    ModelFile.write(model, file);
    Model loaded = ModelFile.read(file);

    Labels before = new PopulationLabeler(model).label(sample.sessions());
    Labels after = new PopulationLabeler(loaded).label(sample.sessions());
    assertEquals(before.sessions().keySet(), after.sessions().keySet());
    before.sessions().forEach((id, c) -> {
      Classification d = after.sessions().get(id);
      assertEquals(c.type(), d.type(), id);
      assertEquals(c.runnerUp(), d.runnerUp(), id);
      assertArrayEquals(c.probabilities(), d.probabilities(), 0.0, id);
    });
    before.persons().forEach((user, r) -> {
      assertEquals(r.persona(), after.persons().get(user).persona(), user);
      assertEquals(r.confidence(), after.persons().get(user).confidence(), 0.0, user);
    });
    assertArrayEquals(ModelFile.bytes(model), ModelFile.bytes(loaded));
  }

  @Test
  void modelFileListsFeatureOrderTypesPersonasAndFingerprint() throws IOException {
    Path file = dir.resolve("model.json");
    ModelFile.write(model, file);
    var tree = Json.MAPPER.readTree(file.toFile());
    assertEquals("prompts", tree.at("/featureKeys/0").asText());
    assertEquals("one-shot", tree.at("/typeSlugs/0").asText());
    assertEquals("The Multi-Mode Journeyman", tree.at("/personaNames/6").asText());
    assertEquals(64, tree.path("datasetFingerprint").asText().length());
    assertTrue(tree.at("/types/sharpness").asDouble() > 0);
    assertEquals(7, tree.at("/typeCounts").size());
    assertTrue(tree.at("/rules/values").has("marathon.prompts_high"));
    assertTrue(tree.at("/personas/prototypes").has("showrunner"));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(!text.contains("\r"), "line ends are \\n on every OS");
  }

  @Test
  void modelOfAnotherVersionIsRefusedNamingFileAndVersions() throws IOException {
    Path file = tampered(tree -> tree.put("modelVersion", Model.VERSION + 1));
    PersonasException e = assertThrows(PersonasException.class, () -> ModelFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("model version " + (Model.VERSION + 1)), e.getMessage());
    assertTrue(e.getMessage().contains("personas build"), e.getMessage());
  }

  /** A file with no model version (a me.json given as --model) is named as what it is not. */
  @Test
  void aFileWithNoModelVersionIsRefusedAsNoModel() throws IOException {
    Path file = tampered(tree -> tree.remove("modelVersion"));
    PersonasException e = assertThrows(PersonasException.class, () -> ModelFile.read(file));
    assertTrue(e.getMessage().contains("has no model version: it is not a model.json written by `personas build`"),
        e.getMessage());
  }

  /** README.md names the model version the program writes and reads. */
  @Test
  void theReadmeNamesTheModelVersion() throws IOException {
    String readme = String.join(" ", java.nio.file.Files.readAllLines(Path.of("README.md"))).replaceAll("\\s+", " ");
    assertTrue(readme.contains("its `modelVersion` is " + Model.VERSION + " at this commit"),
        "README.md should give the model version " + Model.VERSION);
  }

  @Test
  void modelOfAnotherFeatureCatalogueIsRefused() throws IOException {
    Path file = tampered(tree -> tree.put("catalogueVersion", 99));
    PersonasException e = assertThrows(PersonasException.class, () -> ModelFile.read(file));
    assertTrue(e.getMessage().contains("catalogue version 99"), e.getMessage());
  }

  /**
   * A model no build writes (a hand-edited number past double's range, no sessions counted, no
   * catalogue version) is refused as a bad model file, not met later as an unexpected error.
   */
  @Test
  void aModelThatCannotBeComputedWithIsRefusedSayingWhere() throws IOException {
    Path huge = tampered(tree -> ((ArrayNode) tree.get("typeCounts")).set(0, Json.MAPPER.getNodeFactory().numberNode(
        new java.math.BigDecimal("1e400"))));
    PersonasException e = assertThrows(PersonasException.class, () -> ModelFile.read(huge));
    assertTrue(e.getMessage().contains("holds a number too large to compute with at typeCounts[0]"), e.getMessage());
    Path none = tampered(tree -> {
      ArrayNode counts = (ArrayNode) tree.get("typeCounts");
      for (int i = 0; i < counts.size(); i++) {
        counts.set(i, Json.MAPPER.getNodeFactory().numberNode(0));
      }
    });
    e = assertThrows(PersonasException.class, () -> ModelFile.read(none));
    assertTrue(e.getMessage().contains("counts no session of any type"), e.getMessage());
    Path noCatalogue = tampered(tree -> tree.remove("catalogueVersion"));
    e = assertThrows(PersonasException.class, () -> ModelFile.read(noCatalogue));
    assertTrue(e.getMessage().contains("catalogue version (none given)"), e.getMessage());
  }

  @Test
  void modelWithAnotherFeatureOrderIsRefusedNamingTheFirstDifference() throws IOException {
    Path file = tampered(tree -> {
      ArrayNode keys = (ArrayNode) tree.get("featureKeys");
      String first = keys.get(0).asText();
      keys.set(0, keys.get(1));
      keys.set(1, Json.MAPPER.getNodeFactory().textNode(first));
    });
    PersonasException e = assertThrows(PersonasException.class, () -> ModelFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(
        "feature 1 is \"slash_commands\" in the file but \"prompts\" here"), e.getMessage());
    assertEquals(PersonasException.Category.FAILURE, e.category());
  }

  @Test
  void missingModelFileIsAUsageError() {
    Path file = dir.resolve("nowhere/model.json");
    PersonasException e = assertThrows(PersonasException.class, () -> ModelFile.read(file));
    assertEquals(PersonasException.Category.USAGE, e.category());
    assertTrue(e.getMessage().contains(file.toString()));
  }

  @Test
  void truncatedModelFileIsRefusedClearly() throws IOException {
    Path file = dir.resolve("model.json");
    byte[] bytes = ModelFile.bytes(model);
    Files.write(file, List.of(new String(bytes, 0, bytes.length / 2, StandardCharsets.UTF_8)));
    PersonasException e = assertThrows(PersonasException.class, () -> ModelFile.read(file));
    assertTrue(e.getMessage().contains("not readable JSON: Unexpected end-of-input"), e.getMessage());
    // One line for a person: where the file breaks off, not Jackson's report of its source.
    assertTrue(e.getMessage().matches("(?s)[^\n]* at line \\d+, column \\d+\\. Rebuild it with `personas build`\\."), e.getMessage());
  }

  private Path tampered(java.util.function.Consumer<ObjectNode> change) throws IOException {
    Path file = dir.resolve("model.json");
    ModelFile.write(model, file);
    ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(file.toFile());
    change.accept(tree);
    Files.write(file, Json.WRITER.writeValueAsBytes(tree));
    return file;
  }
}
