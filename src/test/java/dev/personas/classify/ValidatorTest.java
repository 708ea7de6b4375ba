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
  void everyTypeHasASilhouetteAndTheClassifierAgreesWithDecisiveRules() {
    for (SessionType t : SessionType.values()) {
      Double sil = validation.silhouette().get(t.slug());
      assertNotNull(sil, t.slug());
      assertTrue(sil > 0 && sil <= 1, t.slug() + " silhouette " + sil);
    }
    assertTrue(validation.ruleAgreement() > 0.95, "agreement " + validation.ruleAgreement());
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
  void aResampleThatLosesATypeCountsAsNoAgreementInsteadOfFailingTheBuild() {
    // Three decisive types, one of them a single session: many resamples draw it zero times and
    // leave two types, which the method cannot fit.
    List<SessionInput> sessions = new java.util.ArrayList<>();
    for (int i = 0; i < 15; i++) {
      sessions.add(new SessionInput("m" + i, "u" + (i % 3), null, Sessions.vector("m" + i,
          dev.personas.features.Feature.PROMPTS, 30 + i, dev.personas.features.Feature.ACTIVE_MINUTES, 120,
          dev.personas.features.Feature.EDIT_ITERATIONS, 40)));
      sessions.add(new SessionInput("o" + i, "u" + (i % 3), null, Sessions.vector("o" + i,
          dev.personas.features.Feature.PROMPTS, 1, dev.personas.features.Feature.ACTIVE_MINUTES, 1,
          dev.personas.features.Feature.FIRST_PROMPT_CHARS, 30 + i)));
    }
    sessions.add(new SessionInput("c", "u0", null, Sessions.vector("c",
        dev.personas.features.Feature.PROMPTS, 4, dev.personas.features.Feature.ACTIVE_MINUTES, 20,
        dev.personas.features.Feature.READ_SHARE, 0.9,
        dev.personas.features.Feature.QUESTION_SHARE, 1.0)));
    Model model = new ModelFitter().fit(sessions);
    Validation v = new Validator(new ModelFitter(), 20, 7, 100).validate(model, sessions, Optional.empty());
    assertEquals(20, v.stability().typesAri().length);
    assertEquals(0.0, v.stability().typesMinAri(), "a resample that could not be fitted agrees with nothing");
  }
}
