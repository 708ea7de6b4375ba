package dev.personas.study;

import dev.personas.classify.ModelFile;
import java.nio.file.Path;

/**
 * Build step (Maven, phase process-classes): fits the bundled sample's population model and
 * writes it where {@link PopulationModels} finds it in the jar, so `personas me` and
 * `personas classify` start in a second on a fresh clone instead of fitting first.
 */
public final class ShipModel {
  private ShipModel() {}

  /** {@code args[0]}: the classes folder; the model goes to its {@code model/} folder. */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ShipModel CLASSES_DIR");
    }
    Path target = Path.of(args[0]).resolve(PopulationModels.SHIPPED.substring(1));
    ModelFile.write(PopulationModels.bundledSampleModel(), target);
  }
}
