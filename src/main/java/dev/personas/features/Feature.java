package dev.personas.features;

/**
 * The catalogue of per-session features, in the fixed order of every feature vector and of the
 * published model. Each constant documents itself: the method page renders this table.
 * Adding, removing or reordering a constant changes the model's feature order, so bump
 * {@link #CATALOGUE_VERSION}.
 */
public enum Feature {
  PROMPTS("prompts", "Prompts the person typed, including text typed while the agent worked; slash commands, bash-mode runs, tool results and injected text excluded.", "count"),
  SLASH_COMMANDS("slash_commands", "Slash commands and custom command expansions the person ran.", "count"),
  FIRST_PROMPT_CHARS("first_prompt_chars", "Length of the first typed prompt (a command expansion is not counted as typed text).", "characters"),
  MEDIAN_PROMPT_CHARS("median_prompt_chars", "Median length of the typed prompts.", "characters"),
  SPEC_MARKERS("spec_markers", "Structure in the first prompt: list items, headings, code blocks, acceptance criteria, named tests.", "count"),
  PLAN_HANDOFF("plan_handoff", "1 when the first prompt hands over a worked-out plan (\"implement the following plan\"), else 0.", "flag"),
  EDIT_ITERATIONS("edit_iterations", "File edits and writes made by the agent (Edit, Write, MultiEdit, NotebookEdit, apply_patch).", "count"),
  READS_BEFORE_FIRST_WRITE("reads_before_first_write", "Read, search and listing calls before the agent's first edit (all of them when it never edits).", "count"),
  TOOL_CALLS_PER_PROMPT("tool_calls_per_prompt", "Tool calls of the main thread divided by typed prompts (at least 1).", "calls per prompt"),
  DISTINCT_TOOLS("distinct_tools", "Different tools the agent used.", "count"),
  SHELL_SHARE("shell_share", "Share of tool calls that ran a shell command.", "share"),
  READ_SHARE("read_share", "Share of tool calls that read, searched or looked something up on the web.", "share"),
  WEB_LOOKUPS("web_lookups", "Web searches and fetches by the agent.", "count"),
  TEST_RUNS("test_runs", "Shell commands that ran a test suite (pytest, mvn/gradle test, npm/yarn/pnpm test, jest, vitest, cargo test, go test, ...).", "count"),
  FAILED_TEST_RUNS("failed_test_runs", "Test runs whose result reported an error or failures.", "count"),
  TOOL_ERRORS("tool_errors", "Tool results flagged as errors.", "count"),
  CORRECTIONS("corrections", "Course corrections: a short typed prompt (under 200 characters) right after the agent edited files.", "count"),
  ERROR_REPASTES("error_repastes", "Prompts carrying error or stack-trace lines that resemble an error pasted earlier in the session.", "count"),
  REPEATED_PROMPTS("repeated_prompts", "Prompts nearly identical to an earlier prompt of the session.", "count"),
  VAGUE_FIX_REQUESTS("vague_fix_requests", "Short prompts asking for a fix without specifics (\"still broken\", \"fix it\", \"doesn't work\").", "count"),
  SPECIFIC_POINTERS("specific_pointers", "Prompts naming a file path, a line number or a code identifier.", "count"),
  QUESTION_SHARE("question_share", "Share of typed prompts that ask a question.", "share"),
  PASTED_OUTPUT("pasted_output", "Prompts carrying pasted program output, logs or errors.", "count"),
  INTERRUPTS("interrupts", "Times the person interrupted the agent.", "count"),
  PLAN_MODE("plan_mode", "Plan-mode entries and exits (permission mode \"plan\", EnterPlanMode/ExitPlanMode).", "count"),
  SUBAGENT_CALLS("subagent_calls", "Subagents started (Task or Agent tool calls).", "count"),
  TODO_LISTS("todo_lists", "Todo or plan list updates by the agent (TodoWrite, update_plan).", "count"),
  SETUP_ACTIONS("setup_actions", "Setup moves: /init, convention files (CLAUDE.md, AGENTS.md) read or cited.", "count"),
  DIFF_REVIEW_AT_END("diff_review_at_end", "1 when git diff, status or show ran in the last fifth of the tool calls, else 0.", "flag"),
  AGENT_COMMITS("agent_commits", "Commits and pull requests made by the agent (git commit, gh pr create).", "count"),
  ENDED_AFTER_ERROR("ended_after_error", "1 when the session's last tool result or test run failed and no prompt fixed it, else 0.", "flag"),
  TESTS_PASS_AT_END("tests_pass_at_end", "1 when the last test run of the session passed, else 0.", "flag"),
  COMPACTIONS("compactions", "Context compactions.", "count"),
  API_ERRORS("api_errors", "API errors the agent hit (overload, rate limit, request errors).", "count"),
  ACTIVE_MINUTES("active_minutes", "Time between first and last event, not counting gaps over 30 minutes.", "minutes"),
  WALL_MINUTES("wall_minutes", "Time between first and last event, idle gaps included.", "minutes"),
  MEDIAN_PAUSE_SECONDS("median_pause_seconds", "Median time the person took before typing the next prompt after the agent's last event (gaps over 30 minutes excluded).", "seconds"),
  LATE_PAUSE_SECONDS("late_pause_seconds", "Median pause before prompts in the last third of the session.", "seconds"),
  INPUT_TOKENS("input_tokens", "Input tokens, counted once per API message (cache reads and writes included).", "tokens"),
  OUTPUT_TOKENS("output_tokens", "Output tokens, counted once per API message.", "tokens");

  /** Version of this catalogue; part of every model file. */
  public static final int CATALOGUE_VERSION = 1;

  private final String key;
  private final String definition;
  private final String unit;

  Feature(String key, String definition, String unit) {
    this.key = key;
    this.definition = definition;
    this.unit = unit;
  }

  /** Stable snake_case name used in JSON, the model file and the pages. */
  public String key() {
    return key;
  }

  /** One sentence saying how the feature is computed. */
  public String definition() {
    return definition;
  }

  /** Unit of the value. */
  public String unit() {
    return unit;
  }
}
