package dev.personas.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.PersonasException;
import dev.personas.classify.GroundTruth;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the planted labels a generated sample keeps beside its tables (ground-truth.json). */
public final class GroundTruthFile {
  /** File name of the planted labels inside a generated dataset folder. */
  public static final String NAME = "ground-truth.json";

  private GroundTruthFile() {}

  /** The planted labels of the dataset folder, when it holds a ground-truth file. */
  public static Optional<GroundTruth> find(Path datasetFolder) {
    Path file = datasetFolder.resolve(NAME);
    return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
  }

  /** Reads a ground-truth file; unknown slugs are an error naming the file. */
  public static GroundTruth read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      Map<String, SessionType> sessions = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("sessions").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        sessions.put(e.getKey(), SessionType.fromSlug(e.getValue().asText()));
      }
      Map<String, Persona> users = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("users").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        users.put(e.getKey(), Persona.fromSlug(e.getValue().asText()));
      }
      return new GroundTruth(sessions, users);
    } catch (IOException | IllegalArgumentException e) {
      throw PersonasException.failure("The ground-truth file " + file + " cannot be read: "
          + e.getMessage() + ". Regenerate the sample with `personas sample`.", e);
    }
  }
}
