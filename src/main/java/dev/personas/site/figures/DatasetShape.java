package dev.personas.site.figures;

import dev.personas.features.ToolCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How large the analysed sessions are and what their tool calls do, counted the way SWE-chat's
 * authors count (typed prompts, agent tool calls of the main thread, categories of
 * {@link ToolCategory}), so the data page can set them beside the published release.
 *
 * @param sessions sessions counted
 * @param prompts typed prompts over all sessions
 * @param toolCalls tool calls over all sessions, by category (every category present)
 */
public record DatasetShape(long sessions, long prompts, Map<ToolCategory, Long> toolCalls) {

  public DatasetShape {
    EnumMap<ToolCategory, Long> copy = new EnumMap<>(ToolCategory.class);
    for (ToolCategory c : ToolCategory.values()) {
      long n = toolCalls.getOrDefault(c, 0L);
      if (n < 0) {
        throw new IllegalArgumentException("a count of tool calls is at least 0, got " + n);
      }
      copy.put(c, n);
    }
    toolCalls = Collections.unmodifiableMap(copy);
    if (sessions < 0 || prompts < 0) {
      throw new IllegalArgumentException("counts are at least 0");
    }
  }

  /** All tool calls. */
  public long totalToolCalls() {
    return toolCalls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A category's share of all tool calls, 0–1 (0 when there are none). */
  public double share(ToolCategory category) {
    long total = totalToolCalls();
    return total == 0 ? 0 : (double) toolCalls.get(category) / total;
  }
}
