package dev.personas.classify;

import static dev.personas.classify.Sessions.vector;
import static dev.personas.features.Feature.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The authored rules say what RESEARCH.md §4 says, in raw units. */
class TypeRulesTest {
  private final TypeRules rules = new TypeRules(RuleThresholds.AUTHORED);

  private double score(SessionType type, Object... pairs) {
    return rules.scores(vector("s", pairs))[type.ordinal()];
  }

  @Test
  void marathonNeedsManyPromptsAndAnHourAndEdits() {
    assertEquals(1.0, score(SessionType.MARATHON, PROMPTS, 20, ACTIVE_MINUTES, 60,
        EDIT_ITERATIONS, 15));
    assertEquals(0.0, score(SessionType.MARATHON, PROMPTS, 40, ACTIVE_MINUTES, 30,
        EDIT_ITERATIONS, 40), "many prompts in half an hour is not a marathon");
    assertEquals(0.0, score(SessionType.MARATHON, PROMPTS, 8, ACTIVE_MINUTES, 300,
        EDIT_ITERATIONS, 40), "a long idle-free day with few prompts is not a marathon");
  }

  @Test
  void oneShotIsAtMostTwoPromptsInShortTime() {
    assertEquals(1.0, score(SessionType.ONE_SHOT, PROMPTS, 2, ACTIVE_MINUTES, 5));
    assertEquals(0.0, score(SessionType.ONE_SHOT, PROMPTS, 2, ACTIVE_MINUTES, 45));
  }

  @Test
  void consultNeedsNoEditsWithReadingOrQuestions() {
    assertEquals(1.0, score(SessionType.CONSULT, READ_SHARE, 0.8, QUESTION_SHARE, 0.6));
    assertEquals(0.0, score(SessionType.CONSULT, READ_SHARE, 0.8, QUESTION_SHARE, 0.6,
        EDIT_ITERATIONS, 5));
  }

  @Test
  void aHandedOverPlanIsBlueprintEvenWhenShort() {
    assertEquals(1.0, score(SessionType.BLUEPRINT, PLAN_HANDOFF, 1, PROMPTS, 1,
        EDIT_ITERATIONS, 10));
    assertEquals(0.0, score(SessionType.BLUEPRINT, FIRST_PROMPT_CHARS, 3000, SPEC_MARKERS, 9,
        PROMPTS, 12, EDIT_ITERATIONS, 10), "a spec followed by many prompts is not Blueprint");
  }

  @Test
  void spiralNeedsLoopSignalsAndOneFailingTestIsNotALoop() {
    assertEquals(0.0, score(SessionType.SPIRAL, FAILED_TEST_RUNS, 1, ENDED_AFTER_ERROR, 1));
    assertEquals(1.0, score(SessionType.SPIRAL, ERROR_REPASTES, 2, VAGUE_FIX_REQUESTS, 2,
        ENDED_AFTER_ERROR, 1));
  }

  @Test
  void scaffoldCountsSetupSignals() {
    assertEquals(0.0, score(SessionType.SCAFFOLD, TODO_LISTS, 3), "a todo list alone is common");
    assertEquals(1.0, score(SessionType.SCAFFOLD, PLAN_MODE, 1, SUBAGENT_CALLS, 2, TODO_LISTS, 1));
  }

  @Test
  void workshopNeedsCorrectionsAndGrowsWithChecks() {
    double bare = score(SessionType.WORKSHOP, CORRECTIONS, 4, PROMPTS, 8);
    double checked = score(SessionType.WORKSHOP, CORRECTIONS, 4, PROMPTS, 8,
        SPECIFIC_POINTERS, 3, PASTED_OUTPUT, 2, TEST_RUNS, 3);
    assertEquals(0.0, score(SessionType.WORKSHOP, PROMPTS, 8, TEST_RUNS, 3));
    assertTrue(checked > bare && checked == 1.0, bare + " < " + checked);
  }

  @Test
  void aRuleLabelIsGivenOnlyWhenOneTypeClearlyLeads() {
    assertEquals(SessionType.MARATHON.ordinal(), rules.decisiveType(vector("m", PROMPTS, 30,
        ACTIVE_MINUTES, 90, EDIT_ITERATIONS, 40)));
    // A Marathon that is also a dense loop: both rules fire strongly, neither clearly leads.
    assertEquals(-1, rules.decisiveType(vector("both", PROMPTS, 30, ACTIVE_MINUTES, 90,
        EDIT_ITERATIONS, 40, ERROR_REPASTES, 10, VAGUE_FIX_REQUESTS, 8)));
    // A few re-pasted errors over thirty prompts are ordinary in a long session: still Marathon.
    assertEquals(SessionType.MARATHON.ordinal(), rules.decisiveType(vector("long", PROMPTS, 30,
        ACTIVE_MINUTES, 90, EDIT_ITERATIONS, 40, ERROR_REPASTES, 3, VAGUE_FIX_REQUESTS, 2)));
    assertEquals(-1, rules.decisiveType(vector("nothing", PROMPTS, 6, ACTIVE_MINUTES, 20,
        EDIT_ITERATIONS, 6)), "an ordinary middling session has no rule label");
  }
}
