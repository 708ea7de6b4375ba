package dev.personas.me;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.PersonasException;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.site.figures.PersonalDepth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code me.json}: a person's results as features and labels only, to publish
 * the personal page from a fork without publishing any log. Schema {@value #SCHEMA}, documented
 * in the README ("me.json"). Projects and titles are never written.
 */
public final class MeFile {
  /** Name and version of the format; bump the number when a field changes meaning or goes. */
  public static final String SCHEMA = "personas.me/2";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MeFile() {}

  /** The bytes of {@code me.json} for a result (projects and titles dropped). */
  public static byte[] bytes(MeResult result) {
    MeResult r = result.withoutText();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("model", r.modelFingerprint());
    ObjectNode persona = root.putObject("persona");
    persona.put("slug", r.persona().slug());
    persona.put("confidence", r.confidence());
    persona.put("runnerUp", r.runnerUp().slug());
    persona.put("decisive", r.decisive());
    persona.put("provisional", r.provisional());
    ObjectNode scores = persona.putObject("scores");
    for (Persona p : Persona.values()) {
      scores.put(p.slug(), r.scores().get(p.ordinal()));
    }
    ArrayNode reasons = root.putArray("reasons");
    for (MeResult.RateReason reason : r.reasons()) {
      reasons.addObject().put("rate", reason.rate()).put("yours", reason.yours()).put("population", reason.population());
    }
    ObjectNode mix = root.putObject("populationMix");
    for (SessionType t : SessionType.values()) {
      mix.put(t.slug(), r.populationMix().get(t.ordinal()));
    }
    ArrayNode featureKeys = root.putArray("features");
    for (Feature f : Feature.values()) {
      featureKeys.add(f.key());
    }
    ArrayNode sessions = root.putArray("sessions");
    for (MeResult.MeSession s : r.sessions()) {
      ObjectNode node = sessions.addObject();
      node.put("date", s.date().toString());
      node.put("type", s.type().slug());
      node.put("probability", s.probability());
      node.put("runnerUp", s.runnerUp().slug());
      node.put("runnerUpProbability", s.runnerUpProbability());
      ArrayNode values = node.putArray("values");
      s.features().forEach(values::add);
    }
    r.depth().ifPresent(depth -> root.set("depth", MAPPER.valueToTree(depth)));
    try {
      return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("a result always serializes", e);
    }
  }

  /** Writes {@code me.json}. */
  public static void write(MeResult result, Path path) {
    try {
      if (path.toAbsolutePath().getParent() != null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
      }
      Files.write(path, bytes(result));
    } catch (IOException e) {
      throw PersonasException.failure("Could not write " + path + ": " + e.getMessage() + ". Check that the folder is writable.", e);
    }
  }

  /**
   * Whether a path is to be read as an exported result rather than logs: a .json file (the agents'
   * logs are .jsonl), so a damaged or cut-off me.json is reported as such, not searched for logs.
   */
  public static boolean isMeFile(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".json");
  }

  /** Reads an exported result, or fails naming the file and what is wrong with it. */
  public static MeResult read(Path path) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw PersonasException.usage("The file " + path + " does not exist; write it with `personas me --export " + path + "`.");
    } catch (IOException e) {
      throw PersonasException.failure("The file " + path + " is not readable JSON: " + dev.personas.JsonErrors.describe(e)
          + ". Export it again with `personas me --export`.", e);
    }
    String schema = root.path("schema").asText("");
    if (!schema.equals(SCHEMA)) {
      throw PersonasException.failure("The file " + path + " has schema '" + schema + "', but this personas reads "
          + SCHEMA + ". Export it again with this version: `personas me --export " + path + "`.");
    }
    try {
      List<String> keys = new ArrayList<>();
      root.path("features").forEach(k -> keys.add(k.asText()));
      List<String> expected = java.util.Arrays.stream(Feature.values()).map(Feature::key).toList();
      if (!keys.equals(expected)) {
        throw new IllegalArgumentException("its feature list differs from this version's catalogue");
      }
      JsonNode p = root.path("persona");
      List<MeResult.RateReason> reasons = new ArrayList<>();
      for (JsonNode r : root.path("reasons")) {
        reasons.add(new MeResult.RateReason(text(r, "rate"), number(r, "yours"), number(r, "population")));
      }
      List<Double> mix = new ArrayList<>();
      for (SessionType t : SessionType.values()) {
        mix.add(number(root.path("populationMix"), t.slug()));
      }
      List<MeResult.MeSession> sessions = new ArrayList<>();
      for (JsonNode s : root.path("sessions")) {
        List<Double> values = new ArrayList<>();
        s.path("values").forEach(v -> values.add(v.asDouble()));
        sessions.add(new MeResult.MeSession(LocalDate.parse(text(s, "date")), SessionType.fromSlug(text(s, "type")),
            number(s, "probability"), SessionType.fromSlug(text(s, "runnerUp")), number(s, "runnerUpProbability"),
            values, "", ""));
      }
      List<Double> scores = new ArrayList<>();
      for (Persona persona : Persona.values()) {
        scores.add(number(p.path("scores"), persona.slug()));
      }
      if (!root.path("depth").isObject()) {
        throw new IllegalArgumentException("missing object 'depth'");
      }
      PersonalDepth depth = MAPPER.treeToValue(root.path("depth"), PersonalDepth.class);
      return new MeResult(text(root, "model"), Persona.fromSlug(text(p, "slug")), number(p, "confidence"),
          Persona.fromSlug(text(p, "runnerUp")), p.path("decisive").asBoolean(), p.path("provisional").asBoolean(),
          reasons, mix, sessions, scores, Optional.of(depth));
    } catch (IOException e) {
      throw PersonasException.failure("The file " + path + " is not a valid " + SCHEMA + " export: " + dev.personas.JsonErrors.describe(e)
          + ". Export it again with `personas me --export`.", e);
    } catch (RuntimeException e) {
      throw PersonasException.failure("The file " + path + " is not a valid " + SCHEMA + " export: " + dev.personas.JsonErrors.describe(e)
          + ". Export it again with `personas me --export`.", e);
    }
  }

  private static String text(JsonNode node, String field) {
    if (!node.path(field).isTextual()) {
      throw new IllegalArgumentException("missing text field '" + field + "'");
    }
    return node.path(field).asText();
  }

  private static double number(JsonNode node, String field) {
    if (!node.path(field).isNumber()) {
      throw new IllegalArgumentException("missing number field '" + field + "'");
    }
    return node.path(field).asDouble();
  }
}
