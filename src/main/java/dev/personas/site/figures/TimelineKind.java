package dev.personas.site.figures;

/** What a mark on a session's timeline strip stands for; no mark carries any text of the session. */
public enum TimelineKind {
  PROMPT("prompt", "Prompt"),
  COMMAND("command", "Slash command"),
  READ("read", "Read or search"),
  EDIT("edit", "Edit"),
  SHELL("shell", "Shell command"),
  TEST("test", "Test run passed"),
  TEST_FAILED("test-failed", "Test run failed"),
  ERROR("error", "Tool error"),
  SUBAGENT("subagent", "Subagent"),
  INTERRUPT("interrupt", "Interrupt"),
  COMPACTION("compaction", "Compaction");

  private final String slug;
  private final String label;

  TimelineKind(String slug, String label) {
    this.slug = slug;
    this.label = label;
  }

  /** The name used in chart data and CSS classes: "test-failed". */
  public String slug() {
    return slug;
  }

  /** The name readers see: "Test run failed". */
  public String label() {
    return label;
  }
}
