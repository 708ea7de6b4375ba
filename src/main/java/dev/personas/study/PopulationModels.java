package dev.personas.study;

import dev.personas.PersonasException;
import dev.personas.classify.Model;
import dev.personas.classify.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a population model comes from when someone classifies their own logs: a model.json
 * named by the user, else the model of the bundled sample, which the Maven build fits and ships
 * inside the jar (fitted on the fly when running from classes without it).
 */
public final class PopulationModels {
  /** Class-path location of the shipped model of the bundled sample. */
  public static final String SHIPPED = "/model/bundled-sample-model.json";

  private PopulationModels() {}

  /** The model in {@code file}, or the bundled sample's model when no file is given. */
  public static Model load(Optional<Path> file) {
    if (file.isPresent()) {
      return ModelFile.read(file.get());
    }
    try (InputStream in = PopulationModels.class.getResourceAsStream(SHIPPED)) {
      if (in != null) {
        return ModelFile.parse(in.readAllBytes(), "the bundled sample's model inside personas.jar");
      }
    } catch (IOException e) {
      throw PersonasException.failure("Could not read the bundled sample's model from the jar.", e);
    }
    return bundledSampleModel();
  }

  /**
   * Fits the bundled sample's model without validating it: the same bytes the Maven build
   * ships ({@link ShipModel}), in a fraction of a full study's time.
   */
  public static Model bundledSampleModel() {
    return new StudyRunner(Sources.loader(), message -> { }).fitModel(Sources.bundledSample());
  }
}
