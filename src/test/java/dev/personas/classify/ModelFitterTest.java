package dev.personas.classify;

import static dev.personas.classify.Sessions.input;
import static dev.personas.classify.Sessions.typical;
import static dev.personas.features.Feature.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import dev.personas.features.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFitterTest {

  @Test
  void scalerUsesTheDatasetsOwnStatisticsAfterLog1p() {
    List<SessionInput> sessions = SyntheticPopulation.generate(4, 3, 0).sessions();
    Model model = new ModelFitter().fit(sessions);
    double mean = sessions.stream()
        .mapToDouble(s -> Math.log1p(s.features().get(PROMPTS))).average().orElseThrow();
    assertEquals(mean, model.scaler().centres()[PROMPTS.ordinal()], 1e-6);
    assertEquals(FeatureTransform.LOG1P, model.scaler().transforms().get(PROMPTS.ordinal()));
    assertEquals(FeatureTransform.IDENTITY,
        model.scaler().transforms().get(READ_SHARE.ordinal()));
    assertEquals(Feature.values().length, model.featureKeys().size());
  }

  @Test
  void aTypeWithoutRuleDecisiveSessionsIsNeverPredicted() {
    List<SessionInput> noSpiral = SyntheticPopulation.generate(6, 4, 0).sessions().stream()
        .filter(s -> new TypeRules(RuleThresholds.AUTHORED).scores(s.features())
            [SessionType.SPIRAL.ordinal()] == 0)
        .toList();
    Model model = new ModelFitter().fit(noSpiral);
    assertEquals(0, model.weakLabelCounts()[SessionType.SPIRAL.ordinal()]);
    Classifier classifier = new Classifier(model);
    for (SessionInput s : noSpiral) {
      assertTrue(classifier.classify(s.features()).type() != SessionType.SPIRAL);
    }
  }

  @Test
  void twoDecisiveTypesAreAClearFailureNotSmilesBinaryClassError() {
    List<SessionInput> twoKinds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      twoKinds.add(input("u", i, i % 2 == 0
          ? typical("s" + i, PROMPTS, 1, ACTIVE_MINUTES, 2, EDIT_ITERATIONS, 1)
          : typical("s" + i, PROMPTS, 30, ACTIVE_MINUTES, 120, EDIT_ITERATIONS, 40)));
    }
    PersonasException e =
        assertThrows(PersonasException.class, () -> new ModelFitter().fit(twoKinds));
    assertTrue(e.getMessage().contains("too few to fit"), e.getMessage());
  }

  @Test
  void tooFewDecisiveTypesToFitIsAClearFailure() {
    List<SessionInput> oneKind = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      oneKind.add(input("u", i, typical("s" + i, PROMPTS, 1, ACTIVE_MINUTES, 2,
          EDIT_ITERATIONS, 1)));
    }
    PersonasException e =
        assertThrows(PersonasException.class, () -> new ModelFitter().fit(oneKind));
    assertTrue(e.getMessage().contains("too few to fit"), e.getMessage());
  }

  @Test
  void aSessionReadTwiceIsRefusedByName() {
    List<SessionInput> sessions = new ArrayList<>(SyntheticPopulation.generate(4, 2, 0)
        .sessions());
    sessions.add(sessions.get(3));
    PersonasException e =
        assertThrows(PersonasException.class, () -> new ModelFitter().fit(sessions));
    assertTrue(e.getMessage().contains(sessions.get(3).sessionId()), e.getMessage());
  }

  @Test
  void aResampleWithRepeatedSessionsFitsTheSameModelAsRenamedCopies() throws Exception {
    List<SessionInput> population = SyntheticPopulation.generate(7, 6, 2).sessions();
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    List<SessionInput> drawn = new ArrayList<>();
    List<SessionInput> copies = new ArrayList<>();
    for (int i = 0; i < population.size(); i++) {
      SessionInput s = population.get(random.nextInt(population.size()));
      drawn.add(s);
      String id = s.sessionId() + "#" + i;
      copies.add(new SessionInput(id, s.userId(), s.start(),
          new dev.personas.features.FeatureVector(id, s.features().values())));
    }
    assertTrue(drawn.stream().distinct().count() < drawn.size(), "the draw repeats sessions");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode fromCopies = (com.fasterxml.jackson.databind.node.ObjectNode)
        json.readTree(ModelFile.bytes(new ModelFitter().fit(copies)));
    com.fasterxml.jackson.databind.node.ObjectNode fromDraws = (com.fasterxml.jackson.databind.node.ObjectNode)
        json.readTree(ModelFile.bytes(new ModelFitter().fitResample(drawn)));
    // The fingerprint hashes session ids, which differ by construction; a resample's cohort is
    // left empty on purpose (no page shows it); everything else may not differ.
    fromCopies.remove("datasetFingerprint");
    fromDraws.remove("datasetFingerprint");
    fromCopies.remove("cohort");
    fromDraws.remove("cohort");
    assertEquals(fromCopies, fromDraws);
  }
}
