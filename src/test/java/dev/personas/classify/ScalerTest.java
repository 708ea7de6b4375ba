package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fitting from features transformed once gives the bits of fitting from the features. */
class ScalerTest {
  private final List<SessionInput> sessions = SyntheticPopulation.generate(7, 6, 3).sessions();

  @Test
  void aScalerFittedOnTransformedRowsIsTheScalerFittedOnTheFeatures() {
    Scaler direct = Scaler.fit(sessions.stream().map(SessionInput::features).toList());
    Scaler fromRows = Scaler.fitTransformed(
        sessions.stream().map(s -> Scaler.transform(s.features())).toList());
    assertArrayEquals(direct.centres(), fromRows.centres());
    assertArrayEquals(direct.scales(), fromRows.scales());
    assertEquals(direct.transforms(), fromRows.transforms());
  }

  @Test
  void aResampleRefittedFromTransformedRowsIsTheSameModel() {
    ModelFitter fitter = new ModelFitter();
    Classifier classifier = fitter.typeClassifier();
    SplittableRandom random = new SplittableRandom(11);
    List<SessionInput> resample = new ArrayList<>();
    List<Classification> classified = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      SessionInput s = sessions.get(random.nextInt(sessions.size()));
      resample.add(s);
      classified.add(classifier.classify(s.features()));
      rows.add(Scaler.transform(s.features()));
    }
    assertEquals(
        new String(ModelFile.bytes(fitter.fitResample(resample, classified)), StandardCharsets.UTF_8),
        new String(ModelFile.bytes(fitter.fitResample(resample, classified, rows)), StandardCharsets.UTF_8));
  }
}
