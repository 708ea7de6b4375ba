package dev.personas.classify;

import static dev.personas.classify.Sessions.vector;
import static dev.personas.features.Feature.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.features.FeatureVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions written by hand to look like each type land in that type. */
class ClassifierTest {
  private static Model model;
  private static Classifier classifier;

  @BeforeAll
  static void fit() {
    model = new ModelFitter().fit(SyntheticPopulation.generate(5, 12, 0).sessions());
    classifier = new Classifier(model);
  }

  private static void assertType(SessionType expected, FeatureVector session) {
    Classification c = classifier.classify(session);
    assertEquals(expected, c.type(), () -> "probabilities " + java.util.Arrays.toString(
        c.probabilities()));
    assertTrue(c.probability() > 0.5, "confident: " + c.probability());
    assertNotEquals(c.type(), c.runnerUp());
    assertTrue(c.runnerUpProbability() <= c.probability());
  }

  @Test
  void aSingleQuickAskIsOneShot() {
    assertType(SessionType.ONE_SHOT, vector("one", PROMPTS, 1, ACTIVE_MINUTES, 3,
        EDIT_ITERATIONS, 2, FIRST_PROMPT_CHARS, 80, MEDIAN_PROMPT_CHARS, 80, READ_SHARE, 0.3,
        SHELL_SHARE, 0.2, DISTINCT_TOOLS, 3, TOOL_CALLS_PER_PROMPT, 5, INPUT_TOKENS, 30000,
        OUTPUT_TOKENS, 1500, WALL_MINUTES, 3));
  }

  @Test
  void questionsAnsweredByReadingAreConsult() {
    assertType(SessionType.CONSULT, vector("consult", PROMPTS, 5, ACTIVE_MINUTES, 25,
        READ_SHARE, 0.9, QUESTION_SHARE, 0.8, WEB_LOOKUPS, 2, READS_BEFORE_FIRST_WRITE, 20,
        FIRST_PROMPT_CHARS, 150, MEDIAN_PROMPT_CHARS, 120, DISTINCT_TOOLS, 4,
        TOOL_CALLS_PER_PROMPT, 6, INPUT_TOKENS, 200000, OUTPUT_TOKENS, 8000, WALL_MINUTES, 25));
  }

  @Test
  void aLongStructuredFirstPromptThenLittleIsBlueprint() {
    assertType(SessionType.BLUEPRINT, vector("blueprint", PROMPTS, 2, ACTIVE_MINUTES, 30,
        FIRST_PROMPT_CHARS, 2500, SPEC_MARKERS, 8, EDIT_ITERATIONS, 15, TEST_RUNS, 2,
        MEDIAN_PROMPT_CHARS, 1300, READ_SHARE, 0.35, SHELL_SHARE, 0.25, DISTINCT_TOOLS, 6,
        TOOL_CALLS_PER_PROMPT, 10, INPUT_TOKENS, 120000, OUTPUT_TOKENS, 5000, WALL_MINUTES, 30));
  }

  @Test
  void planModeSubagentsAndTodoListsAreScaffold() {
    assertType(SessionType.SCAFFOLD, vector("scaffold", PROMPTS, 6, ACTIVE_MINUTES, 40,
        PLAN_MODE, 2, SUBAGENT_CALLS, 3, TODO_LISTS, 5, SETUP_ACTIONS, 1,
        READS_BEFORE_FIRST_WRITE, 25, EDIT_ITERATIONS, 12, FIRST_PROMPT_CHARS, 300,
        MEDIAN_PROMPT_CHARS, 150, READ_SHARE, 0.4, DISTINCT_TOOLS, 7, TOOL_CALLS_PER_PROMPT, 9,
        INPUT_TOKENS, 400000, OUTPUT_TOKENS, 20000, WALL_MINUTES, 40));
  }

  @Test
  void shortCorrectionsWithPointersOutputAndTestsAreWorkshop() {
    assertType(SessionType.WORKSHOP, vector("workshop", PROMPTS, 11, ACTIVE_MINUTES, 35,
        CORRECTIONS, 5, SPECIFIC_POINTERS, 4, PASTED_OUTPUT, 2, TEST_RUNS, 4,
        EDIT_ITERATIONS, 18, FIRST_PROMPT_CHARS, 200, MEDIAN_PROMPT_CHARS, 120, READ_SHARE, 0.35,
        SHELL_SHARE, 0.3, DISTINCT_TOOLS, 6, TOOL_CALLS_PER_PROMPT, 6, INPUT_TOKENS, 500000,
        OUTPUT_TOKENS, 25000, WALL_MINUTES, 40));
  }

  @Test
  void manyPromptsOverHoursWithManyEditsAreMarathon() {
    assertType(SessionType.MARATHON, vector("marathon", PROMPTS, 40, ACTIVE_MINUTES, 150,
        EDIT_ITERATIONS, 80, CORRECTIONS, 5, TEST_RUNS, 6, SPECIFIC_POINTERS, 4,
        FIRST_PROMPT_CHARS, 300, MEDIAN_PROMPT_CHARS, 140, READ_SHARE, 0.35, SHELL_SHARE, 0.3,
        DISTINCT_TOOLS, 8, TOOL_CALLS_PER_PROMPT, 7, INPUT_TOKENS, 2000000, OUTPUT_TOKENS, 90000,
        WALL_MINUTES, 300, COMPACTIONS, 1));
  }

  @Test
  void repastedErrorsAndVagueReAsksEndingOnAnErrorAreSpiral() {
    assertType(SessionType.SPIRAL, vector("spiral", PROMPTS, 8, ACTIVE_MINUTES, 30,
        ERROR_REPASTES, 3, REPEATED_PROMPTS, 2, VAGUE_FIX_REQUESTS, 3, FAILED_TEST_RUNS, 3,
        TEST_RUNS, 4, PASTED_OUTPUT, 3, CORRECTIONS, 2, EDIT_ITERATIONS, 9, ENDED_AFTER_ERROR, 1,
        FIRST_PROMPT_CHARS, 120, MEDIAN_PROMPT_CHARS, 40, READ_SHARE, 0.3, SHELL_SHARE, 0.35,
        DISTINCT_TOOLS, 5, TOOL_CALLS_PER_PROMPT, 5, INPUT_TOKENS, 300000, OUTPUT_TOKENS, 12000,
        WALL_MINUTES, 30));
  }

  @Test
  void valuesFarOutsideTheDataAreClippedNotExtrapolated() {
    // A week-long Marathon with a billion tokens: far beyond any session the model was fitted
    // on. Clipped z-scores keep it where its shape puts it instead of wherever a linear model
    // extrapolates to.
    FeatureVector extreme = vector("extreme", PROMPTS, 4000, ACTIVE_MINUTES, 6000,
        EDIT_ITERATIONS, 9000, CORRECTIONS, 400, TEST_RUNS, 600, SPECIFIC_POINTERS, 900,
        FIRST_PROMPT_CHARS, 300, MEDIAN_PROMPT_CHARS, 140, READ_SHARE, 0.35, SHELL_SHARE, 0.3,
        DISTINCT_TOOLS, 12, TOOL_CALLS_PER_PROMPT, 7, INPUT_TOKENS, 1e9, OUTPUT_TOKENS, 5e7,
        WALL_MINUTES, 10080, COMPACTIONS, 60);
    double[] z = model.scaler().standardize(extreme);
    for (double value : z) {
      assertTrue(Math.abs(value) <= Scaler.Z_LIMIT, "z-score " + value + " is clipped");
    }
    assertType(SessionType.MARATHON, extreme);
  }

  @Test
  void probabilitiesSumToOne() {
    Classification c = classifier.classify(vector("any", PROMPTS, 3, ACTIVE_MINUTES, 12));
    double sum = 0;
    for (double p : c.probabilities()) {
      sum += p;
    }
    assertEquals(1.0, sum, 1e-9);
  }
}
