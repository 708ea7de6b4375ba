package dev.personas.features;

import static dev.personas.features.Feature.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private final FeatureExtractor extractor = new FeatureExtractor();

  private FeatureVector extract(Sessions.Builder builder) {
    return extractor.extract(builder.build());
  }

  @Test
  void emptySessionGivesZeroForEveryFeature() {
    FeatureVector v = extract(Sessions.builder());
    for (Feature f : Feature.values()) {
      assertEquals(0.0, v.get(f), f.key());
    }
    assertEquals("s1", v.sessionId());
  }

  @Test
  void everyFeatureIsComputed() {
    Session busy = Sessions.builder()
        .slashCommand("/init")
        .prompt("Implement the following plan:\n## Plan\n- the parser must pass test_parse\n"
            + "- read CLAUDE.md first")
        .assistant(1200, 300)
        .event(EventKind.PLAN_MODE)
        .tool("TodoWrite").result(false)
        .ok("Read").ok("WebSearch")
        .subagentCall().result(false)
        .edit("src/parse.py")
        .bash("pytest -q").result(true)
        .prompt("why does it fail? KeyError: 'user_id'")
        .edit("src/parse.py")
        .prompt("still broken")
        .event(EventKind.INTERRUPT)
        .prompt("still broken")
        .event(EventKind.COMPACTION)
        .event(EventKind.API_ERROR)
        .prompt("here it is again:\nKeyError: 'user_id'\n  in parse_row at parse.py:12")
        .bash("pytest -q").result(false)
        .bash("git commit -am 'fix parser'").result(false)
        .bash("git diff HEAD~1").result(true)
        .inSubagent().ok("Grep").edit("src/util.py").edit("docs/PLAN.md")
        .build();
    FeatureVector v = extractor.extract(busy);
    for (Feature f : Feature.values()) {
      assertNotEquals(0.0, v.get(f), f.key() + " was not computed");
    }
  }

  @Nested
  class PromptCounting {

    @Test
    void promptsCountTypedAndQueuedTextButNotCommandsBashRunsOrInjectedText() {
      FeatureVector v = extract(Sessions.builder()
          .slashCommand("/review")
          .event(EventKind.BASH_MODE)
          .event(EventKind.INJECTED)
          .prompt("add a csv export")
          .steering("and a header row"));
      assertEquals(2, v.get(PROMPTS));
      assertEquals(1, v.get(SLASH_COMMANDS));
    }

    /** Leaving, switching model or logging in looks after the session: not a command run for work. */
    @Test
    void theClientsHousekeepingCommandsAreNotCounted() {
      FeatureVector v = extract(Sessions.builder()
          .slashCommand("/model", "opus")
          .prompt("add a csv export")
          .slashCommand("/review")
          .slashCommand("/login")
          .slashCommand("/Exit")
          .slashCommand("/rename", "auth fix")
          .slashCommand("/remote-control")
          .slashCommand("/skills"));
      assertEquals(1, v.get(SLASH_COMMANDS));
      assertEquals(1, extract(Sessions.builder().slashCommand("/model", "sonnet").prompt("hi")
          .prompt("build docs/plan.md phase 3")).get(PLAN_HANDOFF), "nor one of the first two asks");
    }

    @Test
    void firstPromptIsTheFirstTypedTextNotACommandExpansion() {
      FeatureVector v = extract(Sessions.builder()
          .slashCommand("/speckit.specify")
          .prompt("abc")
          .prompt("a much longer second prompt"));
      assertEquals(3, v.get(FIRST_PROMPT_CHARS));
    }

    @Test
    void medianPromptLengthIsTheMiddleOfTypedPrompts() {
      FeatureVector v = extract(Sessions.builder().prompt("a").prompt("abc").prompt("abcdefgh"));
      assertEquals(3, v.get(MEDIAN_PROMPT_CHARS));
    }

    @Test
    void specMarkersAndPlanHandoffReadOnlyTheFirstTypedPrompt() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("hi")
          .prompt("Implement the following plan:\n- one\n- two"));
      assertEquals(0, v.get(SPEC_MARKERS));
      assertEquals(0, v.get(PLAN_HANDOFF));
      FeatureVector handoff = extract(Sessions.builder()
          .prompt("Implement the following plan:\n- one\n- two"));
      assertEquals(2, handoff.get(SPEC_MARKERS));
      assertEquals(1, handoff.get(PLAN_HANDOFF));
    }

    @Test
    void aPlanIsAlsoPointedAtInWhatWasTypedAfterACommandAmongTheFirstTwoAsks() {
      assertEquals(1, extract(Sessions.builder()
          .slashCommand("/speckit.implement", "pls implement the tasks on T017 - T036")).get(PLAN_HANDOFF));
      assertEquals(1, extract(Sessions.builder().prompt("codex completion")
          .slashCommand("/implement", "do tasks T012 - T016")).get(PLAN_HANDOFF));
      assertEquals(0, extract(Sessions.builder().prompt("hi").prompt("and now")
          .slashCommand("/implement", "do tasks T012 - T016")).get(PLAN_HANDOFF), "the third ask");
      assertEquals(1, extract(Sessions.builder().slashCommand("/clear").prompt("hi")
          .prompt("build docs/plan.md phase 2")).get(PLAN_HANDOFF), "a bare command typed nothing: not an ask here");
      assertEquals(0, extract(Sessions.builder()
          .slashCommand("/speckit.specify", "a page that lists the tasks")).get(PLAN_HANDOFF));
    }
  }

  @Nested
  class ToolMix {

    @Test
    void readsBeforeFirstWriteStopAtTheFirstMainThreadEdit() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("go")
          .ok("Read").ok("Grep").bash("rg -n parse src | head").result(false)
          .bash("npm install").result(false)
          .edit("a.py")
          .ok("Read")
          .inSubagent().ok("Read").ok("Glob"));
      assertEquals(3, v.get(READS_BEFORE_FIRST_WRITE));
    }

    @Test
    void readsBeforeFirstWriteCountAllReadsWhenTheAgentNeverEdits() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("how does auth work?")
          .ok("Read").ok("LS").ok("WebFetch").tool("read_file").result(false));
      assertEquals(4, v.get(READS_BEFORE_FIRST_WRITE));
      assertEquals(1.0, v.get(READ_SHARE));
      assertEquals(1, v.get(WEB_LOOKUPS));
    }

    @Test
    void subagentWorkCountsTowardEditsSharesAndDistinctToolsButNotCallsPerPrompt() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("one").prompt("two")
          .ok("Read").bash("ls").result(false)
          .inSubagent().edit("x.py").bash("make").result(false));
      assertEquals(1, v.get(EDIT_ITERATIONS));
      assertEquals(1.0, v.get(TOOL_CALLS_PER_PROMPT)); // 2 main calls / 2 prompts
      assertEquals(3, v.get(DISTINCT_TOOLS)); // Read, Bash, Edit
      assertEquals(0.5, v.get(SHELL_SHARE)); // ls and make of 4 calls
      assertEquals(0.5, v.get(READ_SHARE)); // Read and ls of 4 calls
    }

    @Test
    void applyPatchThroughTheShellIsAnEditNotAShellRun() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("patch it")
          .toolCall("shell", "apply_patch <<'EOF'\n*** Begin Patch\n*** End Patch\nEOF", null)
          .result(false)
          .toolCall("exec_command", "bash -lc 'cargo build'", null).result(false));
      assertEquals(1, v.get(EDIT_ITERATIONS));
      assertEquals(0.5, v.get(SHELL_SHARE));
    }

    @Test
    void docEditsAreTheEditsOfProseFilesSubagentsIncluded() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("write the spec, then the code")
          .edit("specs/001-login/spec.md").edit("/home/me/notes/TODO.TXT").edit("src/login.py")
          .edit("README.md.bak").ok("Read")
          .inSubagent().edit("plan.org").edit("Makefile"));
      assertEquals(6, v.get(EDIT_ITERATIONS));
      assertEquals(3, v.get(DOC_EDITS)); // spec.md, TODO.TXT, plan.org
    }

    @Test
    void theSourcesOfADocumentationSiteAreTheProductNotNotes() {
      // Antora's AsciiDoc and Sphinx's reStructuredText pages are what such a session builds.
      FeatureVector v = extract(Sessions.builder()
          .prompt("tighten the integration page")
          .edit("modules/ROOT/pages/integration.adoc").edit("docs/guide.rst").edit("notes.md"));
      assertEquals(3, v.get(EDIT_ITERATIONS));
      assertEquals(1, v.get(DOC_EDITS));
    }

    @Test
    void toolCallsPerPromptTreatAPromptlessSessionAsOnePrompt() {
      FeatureVector v = extract(Sessions.builder().ok("Read").ok("Read").ok("Read"));
      assertEquals(3, v.get(TOOL_CALLS_PER_PROMPT));
    }
  }

  @Nested
  class TestsAndEnding {

    @Test
    void failedTestRunIsOneWhoseResultIsAnError() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("run the tests")
          .bash("npm test").result(true)
          .bash("npm test").result(false));
      assertEquals(2, v.get(TEST_RUNS));
      assertEquals(1, v.get(FAILED_TEST_RUNS));
      assertEquals(1, v.get(TOOL_ERRORS));
      assertEquals(1, v.get(TESTS_PASS_AT_END));
      assertEquals(0, v.get(ENDED_AFTER_ERROR));
    }

    @Test
    void echoOfTestCommandIsNotATestRun() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("x").bash("echo \"npm test\"").result(false).bash("grep -rn test .").result(true));
      assertEquals(0, v.get(TEST_RUNS));
      assertEquals(0, v.get(TESTS_PASS_AT_END));
    }

    @Test
    void resultsMatchTheirCallsByNameWhenParallelCallsAnswerOutOfOrder() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("x")
          .bash("pytest").tool("Read")
          .result("Read", false).result("Bash", true));
      assertEquals(1, v.get(FAILED_TEST_RUNS));
      assertEquals(0, v.get(TESTS_PASS_AT_END));
    }

    @Test
    void unansweredCallIsDroppedAtTheNextPromptSoLaterPairsStayAligned() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("x")
          .bash("pytest")                    // interrupted, never answered
          .prompt("go on")
          .bash("ls").result(true));         // unnamed result: must answer ls, not pytest
      assertEquals(1, v.get(TEST_RUNS));
      assertEquals(0, v.get(FAILED_TEST_RUNS));
    }

    @Test
    void endedAfterErrorWhenTheLastToolResultFailed() {
      assertEquals(1, extract(Sessions.builder().prompt("x").ok("Read").bash("make").result(true))
          .get(ENDED_AFTER_ERROR));
      assertEquals(0, extract(Sessions.builder().prompt("x").bash("make").result(true).ok("Read"))
          .get(ENDED_AFTER_ERROR));
    }

    @Test
    void endedAfterErrorWhenTheLastTestRunFailedEvenIfLaterCallsSucceeded() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("x").bash("go test ./...").result(true).edit("a.go").ok("Read"));
      assertEquals(1, v.get(ENDED_AFTER_ERROR));
      assertEquals(0, v.get(TESTS_PASS_AT_END));
    }

    @Test
    void subagentTestRunsDecideTheEndingOnlyWhenTheMainThreadRanNone() {
      FeatureVector onlySub = extract(Sessions.builder()
          .prompt("x").subagentCall().result(false)
          .inSubagent().bash("cargo test").result(false));
      assertEquals(1, onlySub.get(TESTS_PASS_AT_END));
      FeatureVector both = extract(Sessions.builder()
          .prompt("x").bash("cargo test").result(true)
          .inSubagent().bash("cargo test").result(false));
      assertEquals(0, both.get(TESTS_PASS_AT_END));
      assertEquals(2, both.get(TEST_RUNS));
    }

    @Test
    void testRunWithoutAResultNeitherPassesNorFails() {
      FeatureVector v = extract(Sessions.builder().prompt("x").bash("pytest"));
      assertEquals(1, v.get(TEST_RUNS));
      assertEquals(0, v.get(FAILED_TEST_RUNS));
      assertEquals(0, v.get(TESTS_PASS_AT_END));
      assertEquals(0, v.get(ENDED_AFTER_ERROR));
    }
  }

  @Nested
  class Steering {

    @Test
    void correctionRequiresAnEditSincePreviousPrompt() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("add export")
          .edit("a.py")
          .prompt("no, use tabs")           // correction
          .ok("Read")
          .prompt("and the header?")        // no edit since the previous prompt
          .edit("a.py")
          .steering("stop, wrong file"));   // queued steering after an edit counts too
      assertEquals(2, v.get(CORRECTIONS));
    }

    @Test
    void goOnsAndQuestionsAfterAnEditAreNotCorrections() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("add export").edit("a.py")
          .prompt("A").edit("a.py")                  // an option picked
          .prompt("yes, continue").edit("a.py")      // moving the agent along
          .prompt("why tabs?").edit("a.py")          // a question
          .prompt("继续").edit("a.py")               // "continue"
          .prompt("改回来"));                         // "change it back": a correction
      assertEquals(1, v.get(CORRECTIONS));
    }

    @Test
    void longPromptAfterAnEditIsNotACorrection() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("add export").edit("a.py").prompt("x".repeat(200)));
      assertEquals(0, v.get(CORRECTIONS));
    }

    @Test
    void subagentEditsDoNotMakeTheNextPromptACorrection() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("add export").subagentCall().result(false).prompt("no, use tabs")
          .inSubagent().edit("a.py"));
      assertEquals(0, v.get(CORRECTIONS));
    }

    @Test
    void errorRepasteIsAnErrorLikeOneAnEarlierPromptCarried() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("I get\nTypeError: Cannot read properties of undefined (reading 'id')\n"
              + "    at render (/app/src/List.js:12:5)")
          .prompt("TypeError: Cannot read properties of undefined (reading 'name')")
          .prompt("still:\nTypeError: Cannot read properties of undefined (reading 'id')\n"
              + "    at render (/app/src/List.js:40:9)"));
      assertEquals(1, v.get(ERROR_REPASTES));
      assertEquals(3, v.get(PASTED_OUTPUT));
    }

    @Test
    void nearIdenticalPromptsCountEachRepeat() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("Please make the login page responsive on mobile devices")
          .prompt("please make the login page responsive on mobile devices!!")
          .prompt("Add a logout button")
          .prompt("please, make the login page responsive on mobile devices"));
      assertEquals(2, v.get(REPEATED_PROMPTS));
    }

    @Test
    void repeatsAreLookedForOnlyAmongTheFiftyPreviousPrompts() {
      Sessions.Builder b = Sessions.builder().prompt("refactor the billing module please");
      for (int i = 0; i < 50; i++) {
        b.prompt("unrelated request number " + Integer.toString(i, 26) + " about topic " + i * 7);
      }
      b.prompt("refactor the billing module please");
      assertEquals(0, extract(b).get(REPEATED_PROMPTS));
    }

    @Test
    void vagueRequestsPointersAndQuestionsAreCountedPerPrompt() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("fix it")
          .prompt("still broken in src/api/users.ts")
          .prompt("why does getUser return null?")
          .prompt("thanks"));
      assertEquals(1, v.get(VAGUE_FIX_REQUESTS));
      assertEquals(2, v.get(SPECIFIC_POINTERS));
      assertEquals(0.25, v.get(QUESTION_SHARE));
    }

    @Test
    void interruptsPlanModeSubagentsAndTodosAreCounted() {
      FeatureVector v = extract(Sessions.builder()
          .event(EventKind.PLAN_MODE)
          .prompt("plan it")
          .tool("ExitPlanMode").result(false)
          .event(EventKind.INTERRUPT)
          .subagentCall().result(false)
          .tool("Agent").result(false)
          .tool("TodoWrite").result(false)
          .tool("update_plan").result(false));
      assertEquals(2, v.get(PLAN_MODE));
      assertEquals(1, v.get(INTERRUPTS));
      assertEquals(2, v.get(SUBAGENT_CALLS));
      assertEquals(2, v.get(TODO_LISTS));
    }
  }

  @Nested
  class Workflow {

    @Test
    void setupActionsCountInitPromptsCitingAConventionFileAndTheAgentWritingOne() {
      FeatureVector v = extract(Sessions.builder()
          .slashCommand("/init")
          .slashCommand("/clear")
          .prompt("follow AGENTS.md")
          .tool("Write", "/repo/CLAUDE.md").result(false)
          .tool("Edit", "/repo/docs/AGENTS.md").result(false)
          .tool("Edit", "/repo/README.md").result(false));
      assertEquals(4, v.get(SETUP_ACTIONS));
    }

    @Test
    void theAgentReadingAConventionFileIsNoSetupAction() {
      // Reading the conventions someone wrote is the agent's part; writing or citing them is setup.
      FeatureVector v = extract(Sessions.builder()
          .prompt("fix the login bug")
          .tool("Read", "/repo/CLAUDE.md").result(false)
          .bash("cat docs/AGENTS.md").result(false)
          .tool("Grep", "/repo/AGENTS.md").result(false));
      assertEquals(0, v.get(SETUP_ACTIONS));
    }

    /** A convention file written through the shell sets the table; one merely named beside a write does not. */
    @Test
    void aShellWriteIsSetupWhenTheFileItWritesIsAConventionFile() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("set up the repo")
          .bash("cat > AGENTS.md <<'EOF'\n# Conventions\nEOF").result(false)
          .bash("sed -i 's/a/b/' src/app.py && cat AGENTS.md").result(false));
      assertEquals(2, v.get(EDIT_ITERATIONS));
      assertEquals(1, v.get(SETUP_ACTIONS));
      assertEquals(1, v.get(DOC_EDITS));
    }

    @Test
    void diffReviewCountsOnlyInTheLastFifthOfToolCalls() {
      Sessions.Builder late = Sessions.builder().prompt("x");
      for (int i = 0; i < 8; i++) {
        late.ok("Read");
      }
      late.bash("git status && git diff --stat").result(false).ok("Read");
      assertEquals(1, extract(late).get(DIFF_REVIEW_AT_END)); // call 9 of 10, window 2

      Sessions.Builder early = Sessions.builder().prompt("x").bash("git diff").result(false);
      for (int i = 0; i < 9; i++) {
        early.ok("Read");
      }
      assertEquals(0, extract(early).get(DIFF_REVIEW_AT_END));
      assertEquals(1, extract(Sessions.builder().bash("git log -p -3").result(false))
          .get(DIFF_REVIEW_AT_END));
    }

    @Test
    void agentCommitsCountCommitsAndPullRequestsButNotPushes() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("ship it")
          .bash("git add -A && git commit -m 'x' && git push origin main").result(false)
          .bash("gh pr create --fill").result(false)
          .bash("echo 'git commit later'").result(false)
          .tool("mcp__github__create_pull_request").result(false)
          .inSubagent().bash("git -C sub commit -m y").result(false));
      assertEquals(4, v.get(AGENT_COMMITS));
    }

    @Test
    void compactionsAndApiErrorsCountInBothThreads() {
      FeatureVector v = extract(Sessions.builder()
          .event(EventKind.COMPACTION).event(EventKind.API_ERROR)
          .inSubagent().event(EventKind.API_ERROR));
      assertEquals(1, v.get(COMPACTIONS));
      assertEquals(2, v.get(API_ERRORS));
    }
  }

  @Nested
  class Time {

    @Test
    void idleGapsOverThirtyMinutesDoNotCountAsActiveTime() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("a")
          .after(Duration.ofSeconds(10)).assistant(0, 0)
          .after(Duration.ofMinutes(40)).prompt("b")
          .after(Duration.ofSeconds(20)).assistant(0, 0)
          .after(Duration.ofMinutes(30)).prompt("c"));  // exactly 30 minutes still counts
      assertEquals(30.5, v.get(ACTIVE_MINUTES), 1e-9);
      assertEquals(70.5, v.get(WALL_MINUTES), 1e-9);
    }

    @Test
    void subagentEventsMergeByTimeWithoutCountingOverlapTwice() {
      Sessions.Builder b = Sessions.builder()
          .prompt("a")                                         // t = 0
          .after(Duration.ofMinutes(10)).assistant(0, 0)       // t = 10 min
          .inSubagent()
          .after(Duration.ofMinutes(50)).assistant(0, 0);      // t = 60 min, after a 50 min gap
      FeatureVector v = extract(b);
      assertEquals(10, v.get(ACTIVE_MINUTES), 1e-9);
      assertEquals(60, v.get(WALL_MINUTES), 1e-9);
    }

    @Test
    void pausesMeasureTheGapBeforeEachPromptAfterTheFirstIgnoringInjectedText() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("p0")
          .assistant(0, 0)
          .after(Duration.ofSeconds(20)).event(EventKind.INJECTED)
          .prompt("p1")                                     // 21 s after the assistant
          .assistant(0, 0)
          .after(Duration.ofSeconds(60)).prompt("p2")       // 60 s
          .assistant(0, 0)
          .after(Duration.ofSeconds(100)).prompt("p3")      // 100 s, in the last third
          .assistant(0, 0)
          .after(Duration.ofMinutes(45)).prompt("p4"));     // idle: no pause
      assertEquals(60, v.get(MEDIAN_PAUSE_SECONDS), 1e-9);  // of 21, 60 and 100
      assertEquals(100, v.get(LATE_PAUSE_SECONDS), 1e-9);   // prompts 3 and 4 of 5
    }

    @Test
    void missingTimestampsAreSkippedNotFatal() {
      FeatureVector v = extract(Sessions.builder()
          .prompt("a")
          .after(Duration.ofMinutes(2)).assistant(0, 0)
          .untimed().prompt("b").assistant(0, 0).prompt("c"));
      assertEquals(2, v.get(ACTIVE_MINUTES), 1e-9);
      assertEquals(0, v.get(MEDIAN_PAUSE_SECONDS));
      assertEquals(3, v.get(PROMPTS));
    }

    @Test
    void aSessionWithNoTimeOnAnyEventHasItsActiveTimeEstimatedFromWhatItDid() {
      FeatureVector v = extract(Sessions.builder().untimed()
          .prompt("add a health check").ok("Read").ok("Edit").bash("pytest").result(false)
          .prompt("now document it").ok("Edit"));
      // ln(1 + minutes) = -0.16 + 0.77 ln(1 + 2 asks) + 0.48 ln(1 + 4 tool calls): about 3.3 minutes.
      assertEquals(Math.expm1(-0.16 + 0.77 * Math.log(3) + 0.48 * Math.log(5)), v.get(ACTIVE_MINUTES), 1e-9);
      assertEquals(3.30, v.get(ACTIVE_MINUTES), 0.01);
      assertEquals(0, v.get(WALL_MINUTES), "the span stays unknown");
      FeatureVector longer = extract(Sessions.builder().untimed()
          .prompt("a").ok("Edit").prompt("b").ok("Edit").prompt("c").ok("Edit").prompt("d").ok("Edit"));
      assertTrue(longer.get(ACTIVE_MINUTES) > v.get(ACTIVE_MINUTES), "more asks and calls read as longer work");
      // Three events a second apart: measured, not estimated (the estimate would be about a minute).
      assertEquals(2 / 60.0, extract(Sessions.builder().prompt("a").ok("Edit")).get(ACTIVE_MINUTES), 1e-9);
    }
  }

  @Test
  void tokensSumOverMainThreadAndSubagents() {
    FeatureVector v = extract(Sessions.builder()
        .assistant(1000, 50).assistant(200, 7).inSubagent().assistant(30, 3));
    assertEquals(1230, v.get(INPUT_TOKENS));
    assertEquals(60, v.get(OUTPUT_TOKENS));
  }

  @Test
  void everyValueIsFinite() {
    FeatureVector v = extract(Sessions.builder().untimed().prompt("").tool(null).result(true));
    for (double value : v.values()) {
      assertTrue(Double.isFinite(value));
    }
  }
}
