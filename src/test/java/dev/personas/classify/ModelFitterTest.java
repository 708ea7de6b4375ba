package dev.personas.classify;

import static dev.personas.classify.Sessions.input;
import static dev.personas.classify.Sessions.typical;
import static dev.personas.features.Feature.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void aSessionGetsTheSameTypeWhateverDatasetTheModelWasFittedOn() {
    List<SessionInput> small = SyntheticPopulation.generate(4, 3, 0).sessions();
    List<SessionInput> other = SyntheticPopulation.generate(9, 5, 1).sessions();
    Classifier a = new Classifier(new ModelFitter().fit(small));
    Classifier b = new Classifier(new ModelFitter().fit(other));
    for (SessionInput s : other) {
      assertEquals(a.classify(s.features()).type(), b.classify(s.features()).type(), s.sessionId());
    }
  }

  @Test
  void threeSessionsOfOnePersonAreEnoughToFit() {
    List<SessionInput> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(input("u", i, typical("s" + i, PROMPTS, 1, ACTIVE_MINUTES, 2, EDIT_ITERATIONS, 1)));
    }
    Model model = new ModelFitter().fit(three);
    assertEquals(3, model.typeCounts()[SessionType.ONE_SHOT.ordinal()]);
    assertEquals(3, java.util.Arrays.stream(model.typeCounts()).sum());
  }

  @Test
  void theSharpnessIsTheMostLikelyOnTheLabelledSessions() {
    List<RealCorpus.Session> calibration = RealCorpus.shipped().half(RealCorpus.Half.CALIBRATION);
    Model model = new ModelFitter(RuleThresholds.AUTHORED, calibration)
        .fit(SyntheticPopulation.generate(4, 3, 0).sessions());
    double k = model.types().sharpness();
    assertEquals(calibration.size(), model.types().fittedOn());
    assertTrue(k > 0, "sharpness " + k);
    assertTrue(logLikelihood(k, calibration) > logLikelihood(k * 0.9, calibration));
    assertTrue(logLikelihood(k, calibration) > logLikelihood(k * 1.1, calibration));
  }

  private static double logLikelihood(double sharpness, List<RealCorpus.Session> sessions) {
    TypeRules rules = new TypeRules(RuleThresholds.AUTHORED);
    TypeModel model = new TypeModel(sharpness, 0);
    double sum = 0;
    for (RealCorpus.Session s : sessions) {
      sum += Math.log(model.probabilities(rules.scores(s.features()))[s.type().ordinal()]);
    }
    return sum;
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

  @Test
  void theCorpusChecksFitIsTheShownFitLessItsCohortAndFingerprint() throws Exception {
    List<SessionInput> population = new ArrayList<>(SyntheticPopulation.generate(5, 6, 2).sessions());
    java.util.Collections.reverse(population);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode shown = (com.fasterxml.jackson.databind.node.ObjectNode)
        json.readTree(ModelFile.bytes(new ModelFitter().fit(population)));
    com.fasterxml.jackson.databind.node.ObjectNode unshown = (com.fasterxml.jackson.databind.node.ObjectNode)
        json.readTree(ModelFile.bytes(new ModelFitter().fitUnshown(population)));
    assertFalse(shown.get("cohort").equals(unshown.get("cohort")), "the shown fit has a cohort");
    for (String pageOnly : List.of("datasetFingerprint", "cohort")) {
      shown.remove(pageOnly);
      unshown.remove(pageOnly);
    }
    assertEquals(shown, unshown);
    List<SessionInput> twice = new ArrayList<>(population);
    twice.add(population.get(0));
    assertThrows(PersonasException.class, () -> new ModelFitter().fitUnshown(twice));
  }

  @Test
  void aResampleFitWithItsSessionsAlreadyClassifiedIsTheSameModel() throws Exception {
    List<SessionInput> population = SyntheticPopulation.generate(9, 6, 2).sessions();
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    List<SessionInput> drawn = new ArrayList<>();
    for (int i = 0; i < population.size(); i++) {
      drawn.add(population.get(random.nextInt(population.size())));
    }
    ModelFitter fitter = new ModelFitter();
    Classifier classifier = fitter.typeClassifier();
    Model classifiedHere = fitter.fitResample(drawn);
    Model classifiedBefore = fitter.fitResample(drawn,
        drawn.stream().map(s -> classifier.classify(s.features())).toList());
    assertEquals(new String(ModelFile.bytes(classifiedHere), java.nio.charset.StandardCharsets.UTF_8),
        new String(ModelFile.bytes(classifiedBefore), java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(fitter.classifiesTypesLike(classifiedHere));
    assertFalse(fitter.classifiesTypesLike(new ModelFitter().fit(population)),
        "another fitter's model is not taken for this one's");
  }

  @Test
  void theFitKeepsEachSessionsClassificationUnderTheFittedModelInIdOrder() {
    List<SessionInput> population = SyntheticPopulation.generate(7, 6, 3).sessions();
    ModelFitter.Fit fit = new ModelFitter().fitClassified(population);
    Classifier classifier = new Classifier(fit.model());
    assertEquals(population.size(), fit.sessions().size());
    for (int i = 0; i < fit.sessions().size(); i++) {
      SessionInput s = fit.sessions().get(i);
      if (i > 0) {
        assertTrue(fit.sessions().get(i - 1).sessionId().compareTo(s.sessionId()) < 0, "id order");
      }
      Classification own = classifier.classify(s.features());
      Classification kept = fit.classified().get(i);
      assertEquals(own.sessionId() + own.type() + own.probability() + own.runnerUp()
              + own.runnerUpProbability() + java.util.Arrays.toString(own.probabilities()),
          kept.sessionId() + kept.type() + kept.probability() + kept.runnerUp()
              + kept.runnerUpProbability() + java.util.Arrays.toString(kept.probabilities()));
    }
  }
}
