package dev.personas.me;

import dev.personas.classify.Model;
import dev.personas.study.PopulationModels;
import java.util.Optional;

/** The sentence a personal page uses to say what the person is compared with. */
public final class Population {
  private Population() {}

  /** Says whether the model is the bundled sample's (illustrative) or another one, by fingerprint. */
  public static String describe(String fingerprint) {
    if (isBundledSample(fingerprint)) {
      return "Compared with the population of the bundled synthetic sample: its shares and medians are illustrative, "
          + "not the study's. Classify against a real population with --model model.json.";
    }
    return "Compared with the population of the model whose dataset fingerprint starts "
        + fingerprint.substring(0, Math.min(12, fingerprint.length())) + ".";
  }

  /**
   * Whether a model of this dataset fingerprint is the bundled sample's, the one `classify`, `me`
   * and a build too small to fit use: its population is synthetic.
   */
  public static boolean isBundledSample(String fingerprint) {
    return bundledFingerprint().equals(fingerprint);
  }

  /** The dataset fingerprint of the bundled sample's model, shipped in the jar. */
  public static String bundledFingerprint() {
    Model bundled = PopulationModels.load(Optional.empty());
    return bundled.datasetFingerprint();
  }
}
