/*
 * The feature catalogue's keys in model order and the median the features and the model's
 * statistics share: all that the page's drawing modules (classify.js, depth.js, render.js)
 * need from the features. They are kept apart from features.js so that the page itself never
 * evaluates the reading code's regular expressions (about forty Unicode-aware patterns whose
 * construction took 130 ms of the main thread at load); only the worker does.
 */

/** The catalogue keys, in Feature order (checked against model.json's featureKeys). */
export const FEATURES = ["prompts", "slash_commands", "first_prompt_chars", "median_prompt_chars", "spec_markers",
  "plan_handoff", "edit_iterations", "doc_edits", "reads_before_first_write", "tool_calls_per_prompt", "distinct_tools",
  "shell_share", "read_share", "web_lookups", "test_runs", "failed_test_runs", "tool_errors", "corrections",
  "error_repastes", "repeated_prompts", "vague_fix_requests", "specific_pointers", "question_share", "pasted_output",
  "interrupts", "plan_mode", "subagent_calls", "todo_lists", "setup_actions", "diff_review_at_end", "agent_commits",
  "ended_after_error", "tests_pass_at_end", "compactions", "api_errors", "active_minutes", "wall_minutes",
  "median_pause_seconds", "late_pause_seconds", "input_tokens", "output_tokens"];

/** Timing.median: 0 for none, the mean of the middle two for an even count. */
export function median(values) {
  const n = values.length;
  if (n === 0) {
    return 0;
  }
  const sorted = Float64Array.from(values).sort();
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
