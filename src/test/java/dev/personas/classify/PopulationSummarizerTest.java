package dev.personas.classify;

import static dev.personas.classify.Sessions.input;
import static dev.personas.classify.Sessions.typical;
import static dev.personas.features.Feature.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PopulationSummarizerTest {
  private static SyntheticPopulation.Sample sample;
  private static Model model;
  private static PopulationStats stats;

  @BeforeAll
  static void summarize() {
    sample = SyntheticPopulation.generate(8, 6, 4);
    model = new ModelFitter().fit(sample.sessions());
    stats = new PopulationSummarizer(model.scaler())
        .summarize(sample.sessions(), new PopulationLabeler(model).label(sample.sessions()));
  }

  @Test
  void typeSharesCoverEverySessionAndPersonaSharesEveryEstablishedPerson() {
    assertEquals(1.0, stats.typeShares().values().stream().mapToDouble(d -> d).sum(), 1e-6);
    assertEquals(1.0, stats.personaShares().values().stream().mapToDouble(d -> d).sum(), 1e-6);
    assertEquals(sample.sessions().size(), stats.sessions());
    assertEquals(6 * Persona.values().length, stats.establishedPersons());
    assertEquals(stats.persons() - 4, stats.establishedPersons());
  }

  @Test
  void marathonStandsOutByPromptsAndTimeFarAbovePopulation() {
    PopulationStats.GroupProfile marathon = stats.types().get("marathon");
    List<String> top = marathon.distinctive().stream().map(PopulationStats.Distinctive::feature)
        .toList();
    assertTrue(top.contains("prompts") || top.contains("active_minutes"), top.toString());
    assertTrue(marathon.distinctive().get(0).meanZ() > 1);
    double populationMedian = stats.population().get("prompts").median();
    assertTrue(marathon.features().get("prompts").q1() > populationMedian);
  }

  @Test
  void transitionsFollowEachPersonsSessionsInStartOrder() {
    // One person: consult, then one-shot, then marathon by start time, listed out of order.
    List<SessionInput> sessions = new ArrayList<>(sample.sessions());
    sessions.add(input("zz", 300, typical("zz-c", PROMPTS, 40, ACTIVE_MINUTES, 120,
        EDIT_ITERATIONS, 60, CORRECTIONS, 4)));
    sessions.add(input("zz", 100, typical("zz-a", PROMPTS, 4, ACTIVE_MINUTES, 20, READ_SHARE, 0.9,
        QUESTION_SHARE, 0.9, READS_BEFORE_FIRST_WRITE, 15)));
    sessions.add(input("zz", 200, typical("zz-b", PROMPTS, 1, ACTIVE_MINUTES, 2,
        EDIT_ITERATIONS, 2)));
    Labels labels = new PopulationLabeler(model).label(sessions);
    assertEquals(SessionType.CONSULT, labels.sessions().get("zz-a").type());
    assertEquals(SessionType.ONE_SHOT, labels.sessions().get("zz-b").type());
    assertEquals(SessionType.MARATHON, labels.sessions().get("zz-c").type());
    PopulationStats with = new PopulationSummarizer(model.scaler()).summarize(sessions, labels);
    int[][] before = stats.transitions().counts();
    int[][] after = with.transitions().counts();
    int consult = SessionType.CONSULT.ordinal();
    int oneShot = SessionType.ONE_SHOT.ordinal();
    int marathon = SessionType.MARATHON.ordinal();
    assertEquals(before[consult][oneShot] + 1, after[consult][oneShot]);
    assertEquals(before[oneShot][marathon] + 1, after[oneShot][marathon]);
    assertEquals(before[consult][marathon], after[consult][marathon], "not adjacent in time");
  }

  @Test
  void transitionRowsAreShares() {
    for (double[] row : stats.transitions().shares()) {
      double sum = 0;
      for (double v : row) {
        sum += v;
      }
      assertTrue(sum == 0 || Math.abs(sum - 1) < 1e-6);
    }
    Map<String, PopulationStats.GroupProfile> personas = stats.personas();
    assertEquals(Persona.values().length, personas.size());
  }
}
