package dev.personas.classify;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.PersonasException;
import dev.personas.features.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@code model.json}. Writing is deterministic (sorted keys, fixed number
 * format, "\n" line ends). Reading refuses a model fitted for another model version, feature
 * catalogue or feature order, because its weights would silently mean something else.
 */
public final class ModelFile {
  private ModelFile() {}

  /** Writes the model to {@code path}, creating parent directories. */
  public static void write(Model model, Path path) {
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.write(path, bytes(model));
    } catch (IOException e) {
      throw PersonasException.failure("Could not write the model file " + path + ": "
          + e.getMessage() + ". Check that the folder is writable.", e);
    }
  }

  /** The exact bytes {@link #write} writes. */
  public static byte[] bytes(Model model) {
    try {
      return (Json.WRITER.writeValueAsString(model) + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (JacksonException e) {
      throw new IllegalStateException("a model always serializes", e);
    }
  }

  /** Reads a model written by this version of personas, or fails saying what differs. */
  public static Model read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw PersonasException.usage("The model file " + path + " does not exist. Give the path"
          + " of a model.json written by `personas build`.");
    } catch (IOException e) {
      throw PersonasException.failure("The model file " + path + " is not readable: "
          + e.getMessage() + ".", e);
    }
    return parse(bytes, path.toString());
  }

  /** Reads a model from bytes; {@code where} names their origin in error messages. */
  public static Model parse(byte[] bytes, String where) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw PersonasException.failure("The model file " + where + " is not readable JSON: "
          + dev.personas.JsonErrors.describe(e) + ". Rebuild it with `personas build`.", e);
    }
    checkCompatible(tree, where);
    String unusable = firstNonFinite(tree, "");
    if (unusable != null) {
      throw PersonasException.failure("The model file " + where + " holds a number too large to compute with at "
          + unusable + ". Rebuild it with `personas build`.");
    }
    int sessions = 0;
    for (JsonNode count : tree.path("typeCounts")) {
      sessions += Math.max(0, count.asInt());
    }
    if (sessions == 0) {
      throw PersonasException.failure("The model file " + where + " counts no session of any type (typeCounts),"
          + " so it cannot say how common a type is. Rebuild it with `personas build`.");
    }
    try {
      return Json.MAPPER.treeToValue(tree, Model.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw PersonasException.failure("The model file " + where + " is malformed: "
          + dev.personas.JsonErrors.describe(e) + ". Rebuild it with `personas build`.", e);
    }
  }


  /** Where the first number that is not finite (1e400 reads as infinity) sits, as a JSON path, or null. */
  private static String firstNonFinite(JsonNode node, String at) {
    if (node.isNumber()) {
      return Double.isFinite(node.doubleValue()) ? null : at.isEmpty() ? "the top" : at;
    }
    if (node.isObject()) {
      for (var it = node.fields(); it.hasNext();) {
        var field = it.next();
        String found = firstNonFinite(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = firstNonFinite(node.get(i), at + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void checkCompatible(JsonNode tree, String path) {
    String fix = " Rebuild the model with this version of personas (`personas build`), or use the"
        + " personas version that wrote it.";
    if (tree == null || !tree.isObject()) {
      throw PersonasException.failure("The model file " + path + " is not a JSON object." + fix);
    }
    if (!tree.path("modelVersion").isInt()) {
      throw PersonasException.failure("The model file " + path + " has no model version: it is not a model.json"
          + " written by `personas build` (a me.json or an export is not a model).");
    }
    int version = tree.path("modelVersion").asInt(-1);
    if (version != Model.VERSION) {
      throw PersonasException.failure("The model file " + path + " has model version "
          + tree.path("modelVersion") + ", but this personas reads model version "
          + Model.VERSION + "." + fix);
    }
    int catalogue = tree.path("catalogueVersion").asInt(-1);
    if (catalogue != Feature.CATALOGUE_VERSION) {
      throw PersonasException.failure("The model file " + path + " was fitted on feature catalogue"
          + " version " + (tree.has("catalogueVersion") ? tree.get("catalogueVersion").toString() : "(none given)")
          + ", but this personas computes catalogue"
          + " version " + Feature.CATALOGUE_VERSION + "." + fix);
    }
    List<String> found = new ArrayList<>();
    tree.path("featureKeys").forEach(n -> found.add(n.asText()));
    List<String> expected = new ArrayList<>();
    for (Feature f : Feature.values()) {
      expected.add(f.key());
    }
    if (!found.equals(expected)) {
      throw PersonasException.failure("The model file " + path + " has a different feature order: "
          + firstDifference(found, expected) + "." + fix);
    }
    List<String> types = new ArrayList<>();
    tree.path("typeSlugs").forEach(n -> types.add(n.asText()));
    List<String> expectedTypes = new ArrayList<>();
    for (SessionType t : SessionType.values()) {
      expectedTypes.add(t.slug());
    }
    if (!types.equals(expectedTypes)) {
      throw PersonasException.failure("The model file " + path + " lists session types "
          + types + ", but this personas has " + expectedTypes + "." + fix);
    }
  }

  private static String firstDifference(List<String> found, List<String> expected) {
    for (int i = 0; i < Math.min(found.size(), expected.size()); i++) {
      if (!found.get(i).equals(expected.get(i))) {
        return "feature " + (i + 1) + " is \"" + found.get(i) + "\" in the file but \""
            + expected.get(i) + "\" here";
      }
    }
    return "the file lists " + found.size() + " features, this personas " + expected.size();
  }
}
