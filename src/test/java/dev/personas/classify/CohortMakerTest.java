package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The cohort published in model.json agrees with labelling the same data person by person. */
class CohortMakerTest {
  private static final SyntheticPopulation.Sample SAMPLE = SyntheticPopulation.generate(7, 6, 4);
  private static final Model MODEL = new ModelFitter().fit(SAMPLE.sessions());

  @Test
  void everyEstablishedPersonIsOnePointOnTheMapAndCountedUnderTheirPersona() {
    Labels labels = new PopulationLabeler(MODEL).label(SAMPLE.sessions());
    List<PersonaResult> established = labels.persons().values().stream().filter(p -> !p.provisional()).toList();
    Cohort cohort = MODEL.cohort();
    assertEquals(established.size(), cohort.persons());
    assertEquals(established.size(), cohort.points().size());
    Map<String, Integer> counts = new TreeMap<>();
    for (Persona p : Persona.values()) {
      counts.put(p.slug(), (int) established.stream().filter(r -> r.persona() == p).count());
    }
    assertEquals(counts, cohort.personaCounts());
    List<String> expected = new ArrayList<>();
    established.forEach(r -> expected.add(key(PersonaMap.project(r.scores()))));
    List<String> published = cohort.points().stream().map(CohortMakerTest::key).toList();
    assertEquals(expected.stream().sorted().toList(), published.stream().sorted().toList());
    List<double[]> sorted = new ArrayList<>(cohort.points());
    sorted.sort(java.util.Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
    assertEquals(sorted.stream().map(CohortMakerTest::key).toList(), published, "sorted by x then y: no order of persons");
  }

  @Test
  void rateMediansMatchThePersonaModelsAndPersonaMediansTheirPersons() {
    for (BehaviourRate r : BehaviourRate.values()) {
      assertEquals(MODEL.personas().rateMedians()[r.ordinal()], MODEL.cohort().rates().get(r.key()).median(), 1e-6, r.key());
      Cohort.Spread spread = MODEL.cohort().rates().get(r.key());
      assertTrue(spread.q1() <= spread.median() && spread.median() <= spread.q3(), r.key());
    }
  }

  @Test
  void everyonesOutcomesAreSharesOverEverySession() {
    List<FeatureVector> all = SAMPLE.sessions().stream().map(SessionInput::features).toList();
    long commits = all.stream().filter(f -> f.get(Feature.AGENT_COMMITS) > 0).count();
    long passing = all.stream().filter(f -> f.get(Feature.TESTS_PASS_AT_END) > 0).count();
    long errors = all.stream().filter(f -> f.get(Feature.ENDED_AFTER_ERROR) > 0).count();
    Outcomes everyone = MODEL.cohort().outcomes().get(Cohort.EVERYONE);
    assertEquals(all.size(), everyone.sessions());
    assertEquals(Numbers.fixed((double) commits / all.size()), everyone.agentCommit());
    assertEquals(Numbers.fixed((double) passing / all.size()), everyone.testsPassing());
    assertEquals(Numbers.fixed((double) errors / all.size()), everyone.afterError());
  }

  @Test
  void theCohortSurvivesTheModelFile() {
    Model read = ModelFile.parse(ModelFile.bytes(MODEL), "test");
    assertEquals(new String(ModelFile.bytes(MODEL), java.nio.charset.StandardCharsets.UTF_8),
        new String(ModelFile.bytes(read), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(MODEL.cohort().points().size(), read.cohort().points().size());
  }

  private static String key(double[] point) {
    return String.format(java.util.Locale.ROOT, "%08.3f %08.3f", point[0] + 10, point[1] + 10);
  }
}
