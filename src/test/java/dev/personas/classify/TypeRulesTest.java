package dev.personas.classify;

import static dev.personas.classify.Sessions.typical;
import static dev.personas.classify.Sessions.vector;
import static dev.personas.features.Feature.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.features.FeatureVector;
import org.junit.jupiter.api.Test;

/** The rules say what RESEARCH.md §4 says, in raw units; the best-scoring rule is the type. */
class TypeRulesTest {
  private final TypeRules rules = new TypeRules(RuleThresholds.AUTHORED);

  private double score(SessionType type, Object... pairs) {
    return rules.scores(vector("s", pairs))[type.ordinal()];
  }

  private SessionType best(FeatureVector v) {
    double[] s = rules.scores(v);
    int best = 0;
    for (int i = 1; i < s.length; i++) {
      if (s[i] > s[best]) {
        best = i;
      }
    }
    return SessionType.values()[best];
  }

  @Test
  void marathonNeedsManyPromptsAndALongActiveTime() {
    assertEquals(1.0, score(SessionType.MARATHON, PROMPTS, 30, ACTIVE_MINUTES, 75,
        EDIT_ITERATIONS, 15));
    assertEquals(0.0, score(SessionType.MARATHON, PROMPTS, 40, ACTIVE_MINUTES, 30,
        EDIT_ITERATIONS, 40), "many prompts in half an hour is not a marathon");
    assertEquals(0.0, score(SessionType.MARATHON, PROMPTS, 8, ACTIVE_MINUTES, 300,
        EDIT_ITERATIONS, 40), "a long day with few prompts is not a marathon");
    assertTrue(score(SessionType.MARATHON, PROMPTS, 35, ACTIVE_MINUTES, 75)
        < score(SessionType.MARATHON, PROMPTS, 35, ACTIVE_MINUTES, 75, EDIT_ITERATIONS, 15),
        "edits add to a marathon");
  }

  @Test
  void oneShotIsOneOrTwoAsksInAShortTime() {
    assertEquals(1.0, score(SessionType.ONE_SHOT, PROMPTS, 2, ACTIVE_MINUTES, 5, EDIT_ITERATIONS, 1));
    assertEquals(0.0, score(SessionType.ONE_SHOT, PROMPTS, 2, ACTIVE_MINUTES, 50, EDIT_ITERATIONS, 1));
    assertEquals(0.0, score(SessionType.ONE_SHOT, PROMPTS, 1, SLASH_COMMANDS, 7, ACTIVE_MINUTES, 5),
        "commands are asks too");
  }

  /** spec-kit's /plan then /checklist with nothing typed: a workflow run by commands. */
  @Test
  void aWorkflowOfCommandsWithNothingTypedIsSetUpNotABriefRequest() {
    FeatureVector workflow = typical("workflow", PROMPTS, 0, SLASH_COMMANDS, 2, ACTIVE_MINUTES, 4, EDIT_ITERATIONS, 0);
    assertEquals(0.0, rules.scores(workflow)[SessionType.ONE_SHOT.ordinal()]);
    assertEquals(SessionType.SCAFFOLD, best(workflow));
    FeatureVector lone = typical("lone", PROMPTS, 0, SLASH_COMMANDS, 1, ACTIVE_MINUTES, 1.2, EDIT_ITERATIONS, 1);
    assertEquals(SessionType.ONE_SHOT, best(lone), "a lone command done at once is an errand");
    assertTrue(score(SessionType.ONE_SHOT, PROMPTS, 1, SLASH_COMMANDS, 2, ACTIVE_MINUTES, 3)
        < score(SessionType.ONE_SHOT, PROMPTS, 1, SLASH_COMMANDS, 1, ACTIVE_MINUTES, 3), "fades from the second command");
  }

  /**
   * A command that had the agent read the code, then write specs or convention files: quick, and
   * still setting the table.
   */
  @Test
  void aQuickCommandThatWritesSeveralSpecFilesSetsTheTable() {
    FeatureVector specify = typical("specify", PROMPTS, 1, SLASH_COMMANDS, 1, ACTIVE_MINUTES, 2.8,
        TOOL_CALLS_PER_PROMPT, 8, READ_SHARE, 0.6, EDIT_ITERATIONS, 4, DOC_EDITS, 4);
    assertEquals(SessionType.SCAFFOLD, best(specify));
    FeatureVector note = typical("note", PROMPTS, 1, SLASH_COMMANDS, 1, ACTIVE_MINUTES, 2.8,
        TOOL_CALLS_PER_PROMPT, 8, READ_SHARE, 0.6, EDIT_ITERATIONS, 1, DOC_EDITS, 1);
    assertEquals(SessionType.ONE_SHOT, best(note), "one note written at once is an errand");
    FeatureVector code = typical("code", PROMPTS, 1, SLASH_COMMANDS, 1, ACTIVE_MINUTES, 2.8,
        TOOL_CALLS_PER_PROMPT, 8, READ_SHARE, 0.6, EDIT_ITERATIONS, 4);
    assertEquals(SessionType.ONE_SHOT, best(code), "code written at once is an errand too");
  }

  /** One ask that went through plan mode first: the table was set, not a brief request made. */
  @Test
  void anAskThatWentThroughPlanModeIsSetUpNotABriefRequest() {
    FeatureVector planned = typical("planned", PROMPTS, 1, PLAN_MODE, 3, ACTIVE_MINUTES, 12, EDIT_ITERATIONS, 3,
        DOC_EDITS, 3);
    assertEquals(0.0, rules.scores(planned)[SessionType.ONE_SHOT.ordinal()]);
    assertEquals(SessionType.SCAFFOLD, best(planned));
    assertEquals(1.0, score(SessionType.ONE_SHOT, PROMPTS, 1, ACTIVE_MINUTES, 12, EDIT_ITERATIONS, 3),
        "the same ask without plan mode is a brief request");
  }

  @Test
  void aShortAskThatSetsOffALongRunOfEditsIsABlueprintNotAOneShot() {
    FeatureVector run = typical("run", PROMPTS, 1, ACTIVE_MINUTES, 40, EDIT_ITERATIONS, 30);
    assertEquals(0.0, rules.scores(run)[SessionType.ONE_SHOT.ordinal()]);
    assertEquals(SessionType.BLUEPRINT, best(run));
  }

  @Test
  void aLongRunOfEditsTheyKeptSteeringIsNotAHandOver() {
    // Five asks, two of them corrections right after edits: the person steered the run.
    FeatureVector steered = typical("steered", PROMPTS, 5, ACTIVE_MINUTES, 40, EDIT_ITERATIONS, 30,
        CORRECTIONS, 2, SPECIFIC_POINTERS, 2);
    assertEquals(0.8 * 0.25, rules.scores(steered)[SessionType.BLUEPRINT.ordinal()], 1e-12);
    assertEquals(SessionType.WORKSHOP, best(steered));
    assertEquals(0.0, score(SessionType.BLUEPRINT, PROMPTS, 6, ACTIVE_MINUTES, 40, EDIT_ITERATIONS, 30));
  }

  @Test
  void anErrandTheAgentRanByReadingIsAOneShotNotAConsultation() {
    FeatureVector errand = typical("install", PROMPTS, 2, ACTIVE_MINUTES, 4, READ_SHARE, 0.9,
        TOOL_CALLS_PER_PROMPT, 10, MEDIAN_PROMPT_CHARS, 40);
    assertEquals(SessionType.ONE_SHOT, best(errand));
  }

  @Test
  void notesWrittenBesideAnswersLeaveASessionAConsultationAndKeepItFromBeingAMarathon() {
    FeatureVector tutoring = typical("tutor", PROMPTS, 32, ACTIVE_MINUTES, 240, QUESTION_SHARE, 0.6,
        EDIT_ITERATIONS, 10, DOC_EDITS, 10, READ_SHARE, 0.3, TOOL_CALLS_PER_PROMPT, 8);
    assertEquals(0.8, rules.scores(tutoring)[SessionType.CONSULT.ordinal()], 1e-12);
    assertEquals(0.6, rules.scores(tutoring)[SessionType.MARATHON.ordinal()], 1e-12);
    assertEquals(SessionType.CONSULT, best(tutoring));
    // 40 edits among 256 tool calls: the real corpus's Marathons edit in a tenth or more of theirs.
    FeatureVector building = typical("build", PROMPTS, 32, ACTIVE_MINUTES, 240, QUESTION_SHARE, 0.6,
        EDIT_ITERATIONS, 40, DOC_EDITS, 0, READ_SHARE, 0.3, TOOL_CALLS_PER_PROMPT, 8);
    assertEquals(0.0, rules.scores(building)[SessionType.CONSULT.ordinal()]);
    assertEquals(SessionType.MARATHON, best(building), "questions while code changes: still a Marathon");
  }

  @Test
  void aFewEditsAmongManyReadsAreFewEdits() {
    // A code review: 70 tool calls, nearly all reads, then two findings appended to the story.
    FeatureVector review = typical("review", PROMPTS, 1, ACTIVE_MINUTES, 12, QUESTION_SHARE, 1,
        READ_SHARE, 0.9, TOOL_CALLS_PER_PROMPT, 70, EDIT_ITERATIONS, 2);
    assertEquals(1 - 2 / (0.15 * 70), rules.scores(review)[SessionType.CONSULT.ordinal()], 1e-12);
    assertEquals(SessionType.CONSULT, best(review));
    // The same two edits among ten calls are the agent doing what was asked.
    assertEquals(0.0, score(SessionType.CONSULT, PROMPTS, 1, ACTIVE_MINUTES, 12, QUESTION_SHARE, 1,
        READ_SHARE, 0.9, TOOL_CALLS_PER_PROMPT, 10, EDIT_ITERATIONS, 2));
    // And a fifth of the calls editing is no consultation however many calls there are.
    assertEquals(0.0, score(SessionType.CONSULT, PROMPTS, 1, ACTIVE_MINUTES, 12, QUESTION_SHARE, 1,
        READ_SHARE, 0.9, TOOL_CALLS_PER_PROMPT, 70, EDIT_ITERATIONS, 14));
  }

  @Test
  void consultIsAnAgentThatEditsNothingAndReadsOrAnswers() {
    assertEquals(1.0, score(SessionType.CONSULT, READ_SHARE, 0.9, TOOL_CALLS_PER_PROMPT, 12, PROMPTS, 1,
        QUESTION_SHARE, 1));
    assertEquals(0.3, score(SessionType.CONSULT, READ_SHARE, 0.9, TOOL_CALLS_PER_PROMPT, 12, PROMPTS, 1),
        1e-12, "reading the person did not ask for is weak evidence");
    assertEquals(1.0, score(SessionType.CONSULT, QUESTION_SHARE, 0.6, PROMPTS, 3));
    assertEquals(0.0, score(SessionType.CONSULT, READ_SHARE, 0.9, TOOL_CALLS_PER_PROMPT, 12,
        QUESTION_SHARE, 0.6, EDIT_ITERATIONS, 5), "an agent that edits is not consulted");
    FeatureVector question = typical("q", PROMPTS, 1, ACTIVE_MINUTES, 3, QUESTION_SHARE, 1,
        READ_SHARE, 0.9, TOOL_CALLS_PER_PROMPT, 10);
    assertEquals(SessionType.CONSULT, best(question), "a question the agent reads up on and answers");
  }

  @Test
  void aHandedOverPlanIsBlueprintAndASpecFollowedByManyPromptsIsNot() {
    assertEquals(1.0, score(SessionType.BLUEPRINT, PLAN_HANDOFF, 1, PROMPTS, 1, EDIT_ITERATIONS, 10));
    assertEquals(0.0, score(SessionType.BLUEPRINT, FIRST_PROMPT_CHARS, 3000, SPEC_MARKERS, 9,
        PROMPTS, 12, EDIT_ITERATIONS, 10));
  }

  /** A pasted config or log with a one-line ask is long, not a worked-out spec. */
  @Test
  void aLongOpeningIsASpecOnlyAsFarAsItIsStructured() {
    assertEquals(0.0, score(SessionType.BLUEPRINT, FIRST_PROMPT_CHARS, 3500, SPEC_MARKERS, 2, PROMPTS, 1,
        EDIT_ITERATIONS, 10));
    assertEquals(1.0, score(SessionType.BLUEPRINT, FIRST_PROMPT_CHARS, 3500, SPEC_MARKERS, 10, PROMPTS, 1,
        EDIT_ITERATIONS, 10));
    FeatureVector pasted = typical("pasted", FIRST_PROMPT_CHARS, 3500, SPEC_MARKERS, 0, PROMPTS, 1,
        EDIT_ITERATIONS, 2, ACTIVE_MINUTES, 1);
    assertEquals(SessionType.ONE_SHOT, best(pasted));
  }

  @Test
  void scaffoldIsASessionDrivenBySetupMovesThatTakesSomeDoing() {
    assertEquals(1.0, score(SessionType.SCAFFOLD, PROMPTS, 2, SLASH_COMMANDS, 3, ACTIVE_MINUTES, 20));
    assertEquals(1.0, score(SessionType.SCAFFOLD, PROMPTS, 2, PLAN_MODE, 1, ACTIVE_MINUTES, 10));
    assertEquals(0.0, score(SessionType.SCAFFOLD, SLASH_COMMANDS, 1, ACTIVE_MINUTES, 1),
        "a lone command that ends at once is a quick errand");
    assertEquals(0.0, score(SessionType.SCAFFOLD, PROMPTS, 3, TODO_LISTS, 5, ACTIVE_MINUTES, 20),
        "the agent's own todo list is not the person setting the table");
  }

  /** The agent's own Explore subagent is part of its reading; several subagents are delegation. */
  @Test
  void oneSubagentIsNotSettingTheTableSeveralAre() {
    assertEquals(0.0, score(SessionType.SCAFFOLD, PROMPTS, 6, SUBAGENT_CALLS, 1, ACTIVE_MINUTES, 29));
    assertEquals(1.0, score(SessionType.SCAFFOLD, PROMPTS, 6, SUBAGENT_CALLS, 3, ACTIVE_MINUTES, 29));
    FeatureVector markup = typical("markup", PROMPTS, 6, SUBAGENT_CALLS, 1, CORRECTIONS, 3, EDIT_ITERATIONS, 4,
        ACTIVE_MINUTES, 29);
    assertEquals(SessionType.WORKSHOP, best(markup));
  }

  /** Plan mode and subagents set the table as far as they are frequent: in full from one per two asks. */
  @Test
  void aFewSubagentsOrPlanModesInALongSteeredSessionAreTheAgentsWayOfWorking() {
    assertEquals(1.0, score(SessionType.SCAFFOLD, PROMPTS, 4, SUBAGENT_CALLS, 2, ACTIVE_MINUTES, 29));
    assertEquals(3 / 16.0 / 0.5, score(SessionType.SCAFFOLD, PROMPTS, 16, SUBAGENT_CALLS, 3, ACTIVE_MINUTES, 60), 1e-12);
    assertEquals(2 / 16.0 / 0.5, score(SessionType.SCAFFOLD, PROMPTS, 16, PLAN_MODE, 2, ACTIVE_MINUTES, 60), 1e-12);
    FeatureVector steered = typical("steered", PROMPTS, 16, SUBAGENT_CALLS, 3, PLAN_MODE, 2, CORRECTIONS, 6,
        EDIT_ITERATIONS, 30, SPECIFIC_POINTERS, 4, ACTIVE_MINUTES, 60);
    assertEquals(SessionType.WORKSHOP, best(steered));
  }

  @Test
  void workshopNeedsCorrectionsAndGrowsWithChecks() {
    double bare = score(SessionType.WORKSHOP, CORRECTIONS, 4, PROMPTS, 8);
    double checked = score(SessionType.WORKSHOP, CORRECTIONS, 4, PROMPTS, 8,
        SPECIFIC_POINTERS, 3, PASTED_OUTPUT, 2, TEST_RUNS, 3);
    assertEquals(0.0, score(SessionType.WORKSHOP, PROMPTS, 8, TEST_RUNS, 3));
    assertTrue(checked > bare && checked == 1.0, bare + " < " + checked);
    assertEquals(0.0, score(SessionType.WORKSHOP, CORRECTIONS, 4, PROMPTS, 4, SLASH_COMMANDS, 6),
        "answers to a command-driven workflow's questions are not a workshop");
  }

  @Test
  void spiralNeedsLoopSignalsDenseForTheSessionsLength() {
    assertEquals(0.0, score(SessionType.SPIRAL, FAILED_TEST_RUNS, 3, ENDED_AFTER_ERROR, 1, PROMPTS, 5),
        "failing tests the agent works through are not a loop of the person's");
    assertEquals(1.0, score(SessionType.SPIRAL, ERROR_REPASTES, 2, VAGUE_FIX_REQUESTS, 2, PROMPTS, 6));
    assertEquals(0.0, score(SessionType.SPIRAL, ERROR_REPASTES, 1, VAGUE_FIX_REQUESTS, 1, PROMPTS, 60),
        "two re-asks over sixty prompts are ordinary in a long session");
  }

  @Test
  void menuAnswersThatRepeatAreNotALoop() {
    assertEquals(0.0, score(SessionType.SPIRAL, REPEATED_PROMPTS, 6, PROMPTS, 8, MEDIAN_PROMPT_CHARS, 2));
    assertTrue(score(SessionType.SPIRAL, REPEATED_PROMPTS, 6, PROMPTS, 8, MEDIAN_PROMPT_CHARS, 80) > 0);
  }

  @Test
  void anErrorPastedBackInAShortSessionWhereNothingChangedIsStuck() {
    assertEquals(1.0, score(SessionType.SPIRAL, PASTED_OUTPUT, 1, PROMPTS, 1));
    assertEquals(0.0, score(SessionType.SPIRAL, PASTED_OUTPUT, 1, PROMPTS, 1, EDIT_ITERATIONS, 4));
    assertEquals(1.0, score(SessionType.SPIRAL, PASTED_OUTPUT, 1, PROMPTS, 1, TOOL_CALLS_PER_PROMPT, 3,
        ENDED_AFTER_ERROR, 1), "the agent tried and ended on an error");
  }

  @Test
  void anErrorTheAgentClearsAtOnceIsNotStuck() {
    FeatureVector cleared = typical("cleared", PROMPTS, 1, PASTED_OUTPUT, 1, FIRST_PROMPT_CHARS, 400,
        TOOL_CALLS_PER_PROMPT, 3, SHELL_SHARE, 1, READ_SHARE, 0, ACTIVE_MINUTES, 2);
    assertEquals(0.0, rules.scores(cleared)[SessionType.SPIRAL.ordinal()]);
    assertEquals(SessionType.ONE_SHOT, best(cleared));
  }

  @Test
  void theSameApiErrorAgainAndAgainWithNothingDoneIsASpiral() {
    FeatureVector blocked = typical("blocked", PROMPTS, 3, API_ERRORS, 3, TOOL_CALLS_PER_PROMPT, 0,
        ACTIVE_MINUTES, 1);
    assertEquals(SessionType.SPIRAL, best(blocked));
    assertEquals(0.0, score(SessionType.SPIRAL, API_ERRORS, 1, PROMPTS, 1), "one API error is a hiccup");
    assertEquals(0.0, score(SessionType.SPIRAL, API_ERRORS, 5, PROMPTS, 4, EDIT_ITERATIONS, 6),
        "work got done between the errors");
  }

  /** Twenty questions and two small edits: few edits beside what was asked, still a consultation. */
  @Test
  void aFewEditsAmongManyQuestionsLeaveASessionAConsultation() {
    FeatureVector questions = typical("questions", PROMPTS, 20, QUESTION_SHARE, 0.8, ACTIVE_MINUTES, 55,
        EDIT_ITERATIONS, 2, TOOL_CALLS_PER_PROMPT, 0.5, READ_SHARE, 0.6, CORRECTIONS, 1);
    assertEquals(SessionType.CONSULT, best(questions));
    FeatureVector asked = typical("asked", PROMPTS, 2, QUESTION_SHARE, 0.5, ACTIVE_MINUTES, 5,
        EDIT_ITERATIONS, 2, TOOL_CALLS_PER_PROMPT, 2, READ_SHARE, 0.6);
    assertEquals(0.0, rules.scores(asked)[SessionType.CONSULT.ordinal()], "one question, two edits: no consultation");
  }

  /** One note written in a short session is an errand, not setting the table; several are. */
  @Test
  void oneNoteWrittenIsNoSetUp() {
    FeatureVector note = typical("note", PROMPTS, 2, ACTIVE_MINUTES, 24, EDIT_ITERATIONS, 1, DOC_EDITS, 1,
        TOOL_CALLS_PER_PROMPT, 3);
    assertEquals(0.0, rules.scores(note)[SessionType.SCAFFOLD.ordinal()]);
    assertEquals(SessionType.ONE_SHOT, best(note));
    FeatureVector notes = typical("notes", PROMPTS, 2, ACTIVE_MINUTES, 24, EDIT_ITERATIONS, 3, DOC_EDITS, 3,
        TOOL_CALLS_PER_PROMPT, 3);
    assertEquals(SessionType.SCAFFOLD, best(notes));
  }

  @Test
  void anAgentWritingOnlySpecsPlansAndNotesSetsTheTable() {
    FeatureVector specs = typical("specs", PROMPTS, 6, CORRECTIONS, 3, EDIT_ITERATIONS, 5, DOC_EDITS, 5,
        ACTIVE_MINUTES, 12);
    assertEquals(SessionType.SCAFFOLD, best(specs));
    FeatureVector code = typical("code", PROMPTS, 6, CORRECTIONS, 3, EDIT_ITERATIONS, 5, DOC_EDITS, 1,
        ACTIVE_MINUTES, 12);
    assertEquals(SessionType.WORKSHOP, best(code), "the same steering over code is a workshop");
    assertEquals(0.0, score(SessionType.SCAFFOLD, PROMPTS, 40, EDIT_ITERATIONS, 10, DOC_EDITS, 10,
        ACTIVE_MINUTES, 120), "hours of writing docs are sustained work, not set-up");
  }
}
