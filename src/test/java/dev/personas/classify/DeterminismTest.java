package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on the same sessions write byte-identical model.json and validation.json. */
class DeterminismTest {
  @TempDir Path dir;

  @Test
  void twoRunsWriteIdenticalModelAndValidationFilesWhateverTheInputOrder() throws Exception {
    SyntheticPopulation.Sample sample = SyntheticPopulation.generate(42, 5, 3);
    List<SessionInput> shuffled = new ArrayList<>(sample.sessions());
    Collections.shuffle(shuffled, new Random(1));

    run(sample.sessions(), sample, dir.resolve("a"));
    run(shuffled, sample, dir.resolve("b"));

    for (String name : List.of("model.json", "validation.json")) {
      byte[] a = Files.readAllBytes(dir.resolve("a").resolve(name));
      byte[] b = Files.readAllBytes(dir.resolve("b").resolve(name));
      assertArrayEquals(a, b, name + " differs between runs");
    }
  }

  @Test
  void fingerprintChangesWhenAFeatureValueChanges() {
    SyntheticPopulation.Sample sample = SyntheticPopulation.generate(42, 2, 0);
    List<SessionInput> changed = new ArrayList<>(sample.sessions());
    SessionInput first = changed.get(0);
    double[] values = first.features().values();
    values[0] += 1;
    changed.set(0, new SessionInput(first.sessionId(), first.userId(), first.start(),
        new dev.personas.features.FeatureVector(first.sessionId(), values)));
    String a = new ModelFitter().fit(sample.sessions()).datasetFingerprint();
    String b = new ModelFitter().fit(changed).datasetFingerprint();
    assertEquals(64, a.length());
    org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
  }

  private static void run(List<SessionInput> sessions, SyntheticPopulation.Sample sample, Path out) {
    Model model = new ModelFitter().fit(sessions);
    ModelFile.write(model, out.resolve("model.json"));
    Validation v = new Validator().validate(model, sessions, Optional.of(sample.truth()));
    ValidationFile.write(v, out.resolve("validation.json"));
  }
}
