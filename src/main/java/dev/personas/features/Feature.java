package dev.personas.features;

/**
 * The catalogue of per-session features, in the fixed order of every feature vector and of the
 * published model. Each constant documents itself: the method page renders this table.
 * Adding, removing or reordering a constant changes the model's feature order, so bump
 * {@link #CATALOGUE_VERSION}.
 */
public enum Feature {
  PROMPTS("prompts", "Prompts the person typed, including text typed while the agent worked; slash commands, bash-mode runs, tool results and injected text excluded.", "count"),
  SLASH_COMMANDS("slash_commands", "Slash commands and custom command expansions the person ran, not counting the client's housekeeping (/exit, /model, /clear, /login, …).", "count"),
  FIRST_PROMPT_CHARS("first_prompt_chars", "Length of the first typed prompt (a command expansion is not counted as typed text).", "characters"),
  MEDIAN_PROMPT_CHARS("median_prompt_chars", "Median length of the typed prompts.", "characters"),
  SPEC_MARKERS("spec_markers", "Structure in the first typed prompt: list items (those stating must/should/shall count twice), markdown headings, fenced code blocks, spec phrases (acceptance criteria, requirements, definition of done), named tests (test_foo, FooTest, \"tests:\").", "count"),
  PLAN_HANDOFF("plan_handoff", "1 when the first typed prompt hands over a worked-out plan (\"implement the following plan\", \"here is the plan\", a \"## Plan\" heading), or one of the first two asks (a typed prompt, or what was typed after a command) sends the agent to a written one (\"build docs/rbac-plan.md phase 3\", \"/implement do tasks T012 - T016\"), else 0.", "flag"),
  EDIT_ITERATIONS("edit_iterations", "File edits and writes made by the agent and its subagents (Edit, Write, MultiEdit, NotebookEdit, apply_patch, also apply_patch run through the shell).", "count"),
  DOC_EDITS("doc_edits", "Those of the edits and writes whose file is notes rather than code: Markdown, plain text or Org (specs, plans, notes, docs; not the AsciiDoc or reStructuredText sources of a documentation site; for apply_patch, the first file it names).", "count"),
  READS_BEFORE_FIRST_WRITE("reads_before_first_write", "Read, search, listing and web look-up calls of the main thread (read-only shell commands such as cat, rg, ls included) before its first edit (all of them when it never edits).", "count"),
  TOOL_CALLS_PER_PROMPT("tool_calls_per_prompt", "Tool calls of the main thread divided by typed prompts (at least 1).", "calls per prompt"),
  DISTINCT_TOOLS("distinct_tools", "Different tool names used by the agent and its subagents.", "count"),
  SHELL_SHARE("shell_share", "Share of tool calls (subagents included) that ran a shell command (apply_patch run through the shell counts as an edit instead).", "share"),
  READ_SHARE("read_share", "Share of tool calls (subagents included) that read, searched, listed or looked something up on the web, by a dedicated tool or a read-only shell command.", "share"),
  WEB_LOOKUPS("web_lookups", "Web searches and fetches by the agent and its subagents.", "count"),
  TEST_RUNS("test_runs", "Shell commands (subagents included) that ran a test suite (pytest, tox, mvn/gradle test, npm/yarn/pnpm test, jest, vitest, cargo test, go test, dotnet test, rspec, make test, ...); a command that only mentions one (echo, grep) does not count.", "count"),
  FAILED_TEST_RUNS("failed_test_runs", "Test runs whose tool result was flagged as an error (failing tests or a non-zero exit).", "count"),
  TOOL_ERRORS("tool_errors", "Tool results flagged as errors (subagents included).", "count"),
  CORRECTIONS("corrections", "Course corrections: a typed prompt under 200 characters with at least one agent edit since the previous prompt.", "count"),
  ERROR_REPASTES("error_repastes", "Prompts carrying error or stack-trace lines whose error signature (error lines with digits, hex numbers and paths stripped) matches one pasted in any of the 50 prompts before.", "count"),
  REPEATED_PROMPTS("repeated_prompts", "Prompts whose normalised text (lower case, punctuation dropped) has a word-pair Jaccard similarity of at least 0.8 with one of the 50 prompts before it.", "count"),
  VAGUE_FIX_REQUESTS("vague_fix_requests", "Prompts under 80 characters asking for a fix (\"fix it\", \"still broken\", \"doesn't work\", \"again\", \"same error\", \"nope\", \"no change\", and their French, Portuguese, Spanish, Chinese, Korean and Japanese kin) without a specific pointer.", "count"),
  SPECIFIC_POINTERS("specific_pointers", "Prompts naming a file path, file:line, a line number, a backticked name, a call like foo() or a camelCase/snake_case identifier.", "count"),
  QUESTION_SHARE("question_share", "Share of typed prompts that ask for an answer: a sentence ending in a question mark, an opening question word or request for an answer (\"tell me\", \"explain\", \"review\", and their kin in other languages), or a prompt that rules out changes (\"don't change any files\").", "share"),
  PASTED_OUTPUT("pasted_output", "Prompts carrying an error or stack-trace line, or at least two lines of logs, shell or test output.", "count"),
  INTERRUPTS("interrupts", "Times the person interrupted the agent.", "count"),
  PLAN_MODE("plan_mode", "Plan-mode entries and exits (permission mode \"plan\", EnterPlanMode/ExitPlanMode) in the main thread.", "count"),
  SUBAGENT_CALLS("subagent_calls", "Subagents started (Task, Agent or spawn_agent tool calls).", "count"),
  TODO_LISTS("todo_lists", "Todo or plan list updates by the agent (TodoWrite, TaskCreate/TaskUpdate, update_plan).", "count"),
  SETUP_ACTIONS("setup_actions", "Setup moves: /init runs, the agent's edits and writes of a convention file (CLAUDE.md, AGENTS.md, GEMINI.md, .cursorrules; reading one is not a move), typed prompts citing one.", "count"),
  DIFF_REVIEW_AT_END("diff_review_at_end", "1 when git diff, status, show or log -p ran in the last fifth of the main thread's tool calls (at least the last call), else 0.", "flag"),
  AGENT_COMMITS("agent_commits", "Commits and pull requests made by the agent (each git commit and gh pr create, or a GitHub tool creating a pull request; git push is not counted).", "count"),
  ENDED_AFTER_ERROR("ended_after_error", "1 when the main thread's last tool result was an error or the session's last test run failed, else 0.", "flag"),
  TESTS_PASS_AT_END("tests_pass_at_end", "1 when the last test run (of the main thread; of the subagents when it ran none) has a result not flagged as an error, else 0.", "flag"),
  COMPACTIONS("compactions", "Context compactions (subagents included).", "count"),
  API_ERRORS("api_errors", "API errors the agent or its subagents hit (overload, rate limit, request errors).", "count"),
  ACTIVE_MINUTES("active_minutes", "Sum of the gaps between consecutive timestamped events (main thread and subagents merged by time), gaps over 30 minutes not counted. When no event of the session records a time, estimated from its asks and tool calls.", "minutes"),
  WALL_MINUTES("wall_minutes", "Time between the first and last timestamped event, idle gaps included.", "minutes"),
  MEDIAN_PAUSE_SECONDS("median_pause_seconds", "Median gap between the last main-thread event (injected text aside) and the next typed prompt, over every prompt after the first; gaps over 30 minutes excluded.", "seconds"),
  LATE_PAUSE_SECONDS("late_pause_seconds", "The same median pause, over the prompts in the last third of the session by prompt index.", "seconds"),
  INPUT_TOKENS("input_tokens", "Input tokens, counted once per API message, at its largest (cache reads and writes included, subagents included).", "tokens"),
  OUTPUT_TOKENS("output_tokens", "Output tokens, counted once per API message, at its largest (subagents included).", "tokens");

  /** Version of this catalogue; part of every model file. */
  public static final int CATALOGUE_VERSION = 2;

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
