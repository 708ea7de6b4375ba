package dev.personas.load.swechat;

/**
 * Totals the SWE-chat authors publish for their v2 release (RESEARCH.md §2: the analysis
 * notebook in {@code SALT-NLP/SWE-chat}, data through 2026-09-04). Quoted as theirs, beside what
 * a build counts in its own dataset; per-category shares are {@code ToolCategory.publishedShare}.
 */
public final class PublishedTotals {
  /** Sessions in the release. */
  public static final long SESSIONS = 17_819;
  /** Prompts users typed, over all sessions. */
  public static final long PROMPTS = 229_909;
  /** Tool calls agents made, over all sessions. */
  public static final long TOOL_CALLS = 2_028_951;
  /** Where these come from, for pages that quote them. */
  public static final String SOURCE = "SWE-chat v2 release, as its authors' notebook reports it";

  private PublishedTotals() {}

  public static double promptsPerSession() {
    return (double) PROMPTS / SESSIONS;
  }

  public static double toolCallsPerSession() {
    return (double) TOOL_CALLS / SESSIONS;
  }

  public static double toolCallsPerPrompt() {
    return (double) TOOL_CALLS / PROMPTS;
  }
}
