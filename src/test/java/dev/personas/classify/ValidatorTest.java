package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recovery of planted truth on a synthetic population generated in the test
 * ({@link SyntheticPopulation}). This is a stand-in until the project's bundled sample (with its
 * own planted truth) is integrated; the targets are the method page's: types ≥ 90 %, personas
 * ≥ 85 %, mean bootstrap ARI ≥ 0.8. The synthetic types are well separated, so type recovery
 * here is an upper bound, not evidence about real logs.
 */
class ValidatorTest {
  private static SyntheticPopulation.Sample sample;
  private static Model model;
  private static Validation validation;

  @BeforeAll
  static void validate() {
    sample = SyntheticPopulation.generate(2026, 15, 6);
    model = new ModelFitter().fit(sample.sessions());
    validation = new Validator().validate(model, sample.sessions(), Optional.of(sample.truth()));
  }

  @Test
  void plantedSessionTypesAreRecoveredAtTarget() {
    Recovery r = validation.typeRecovery();
    assertTrue(r.available());
    assertEquals(sample.sessions().size(), r.items());
    assertTrue(r.meetsTarget(), "type accuracy " + r.accuracy());
  }

  @Test
  void plantedPersonasAreRecoveredAtTargetCountingOnlyEstablishedPersons() {
    Recovery r = validation.personaRecovery();
    assertTrue(r.meetsTarget(), "persona accuracy " + r.accuracy());
    assertEquals(15 * Persona.values().length, r.items(), "provisional persons are not scored");
    assertEquals(6, validation.provisionalPersons());
  }

  @Test
  void confusionMatricesCountEveryComparedItemOnce() {
    int total = Arrays.stream(validation.typeRecovery().confusion()).flatMapToInt(Arrays::stream)
        .sum();
    assertEquals(validation.typeRecovery().items(), total);
    assertEquals(SessionType.values().length, validation.typeRecovery().labels().size());
  }

  @Test
  void bootstrapUsesFiftySeededResamplesAndIsStable() {
    Stability s = validation.stability();
    assertEquals(50, s.resamples());
    assertEquals(50, s.typesAri().length);
    assertTrue(s.typesMeanAri() >= s.target(), "mean ARI " + s.typesMeanAri());
    assertTrue(s.typesMinAri() <= s.typesMeanAri());
    assertTrue(s.personasMeanAri() >= s.target(), "persona ARI " + s.personasMeanAri());
  }

  @Test
  void everyTypeHasASilhouetteAndTheRealCorpusIsMeasured() {
    for (SessionType t : SessionType.values()) {
      Double sil = validation.silhouette().get(t.slug());
      assertNotNull(sil, t.slug());
      assertTrue(sil > 0 && sil <= 1, t.slug() + " silhouette " + sil);
    }
    CorpusAgreement real = validation.real();
    assertEquals(RealCorpus.shipped().sessions().size(), real.sessions());
    assertEquals(real.sessions(), real.calibration().items() + real.heldOut().items() + real.newPeople().items()
        + real.setAside());
    assertTrue(validation.decisivePersonShare() > 0.5);
  }

  @Test
  void withoutGroundTruthRecoveryIsNotAvailableButTheRestIsComputed() {
    Validation v = new Validator(new ModelFitter(), 3, 1, 300)
        .validate(model, sample.sessions(), Optional.empty());
    assertFalse(v.typeRecovery().available());
    assertNull(v.typeRecovery().accuracy());
    assertNull(v.personaRecovery().confusion());
    assertFalse(v.personaRecovery().meetsTarget());
    assertEquals(3, v.stability().resamples());
    assertEquals(300, v.silhouetteSample());
    assertEquals(SessionType.values().length, v.silhouette().size());
  }

  @Test
  void bootstrapRefitsOnSeveralThreadsGiveTheNumbersOfOne() {
    Validation one = new Validator(new ModelFitter(), 7, 5, 300, 1)
        .validate(model, sample.sessions(), Optional.of(sample.truth()));
    Validation three = new Validator(new ModelFitter(), 7, 5, 300, 3)
        .validate(model, sample.sessions(), Optional.of(sample.truth()));
    assertEquals(7, one.stability().resamples());
    assertEquals(new String(ValidationFile.bytes(one), java.nio.charset.StandardCharsets.UTF_8),
        new String(ValidationFile.bytes(three), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void givenTheStudysLabelsTheValidationIsTheOneThatLabelsAgain() {
    // The fitter the model came from: the bootstrap then takes each session's type from the labels.
    ModelFitter fitter = new ModelFitter();
    Model fitted = fitter.fit(sample.sessions());
    List<SessionInput> byId = sample.sessions().stream()
        .sorted(java.util.Comparator.comparing(SessionInput::sessionId)).toList();
    Labels labels = new PopulationLabeler(fitted).label(byId);
    Validation given = new Validator(fitter, 7, 5, 300)
        .validate(fitted, sample.sessions(), labels, Optional.of(sample.truth()));
    Validation again = new Validator(new ModelFitter(), 7, 5, 300)
        .validate(fitted, sample.sessions(), Optional.of(sample.truth()));
    assertEquals(new String(ValidationFile.bytes(again), java.nio.charset.StandardCharsets.UTF_8),
        new String(ValidationFile.bytes(given), java.nio.charset.StandardCharsets.UTF_8));
  }
}
