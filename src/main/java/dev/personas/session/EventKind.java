package dev.personas.session;

/**
 * What one event in a session is. The counting rules of RESEARCH.md §3 decide the kind: only
 * text a person typed is a {@link #PROMPT}; everything injected by the tool is {@link #INJECTED}.
 */
public enum EventKind {
  /** Text the person typed (including text typed while the agent worked, see QUEUE_STEERING). */
  PROMPT,
  /** Text typed while the agent was working (queue-operation lines); also counts as a prompt. */
  QUEUE_STEERING,
  /** A slash command such as /init or /clear, or a custom command expansion. */
  SLASH_COMMAND,
  /** A `!` bash-mode run typed by the person. */
  BASH_MODE,
  /** "[Request interrupted by user…]" or a Codex turn_aborted. */
  INTERRUPT,
  /** Text injected by the tool: system reminders, command output, hook output, isMeta lines. */
  INJECTED,
  ASSISTANT_TEXT,
  THINKING,
  TOOL_CALL,
  TOOL_RESULT,
  /** A Task or Agent tool call that starts a subagent. */
  SUBAGENT_CALL,
  /** Entering or leaving plan mode (permissionMode "plan", EnterPlanMode/ExitPlanMode). */
  PLAN_MODE,
  /** A compaction summary or a Codex compacted line. */
  COMPACTION,
  /** An API error or other system event the agent reported. */
  API_ERROR;

  /** True for the kinds that count as prompts under the counting rules. */
  public boolean isTypedPrompt() {
    return this == PROMPT || this == QUEUE_STEERING;
  }
}
