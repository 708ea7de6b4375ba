package dev.personas.study;

import dev.personas.load.ReadReport;
import java.util.Objects;

/**
 * What was read: how much, from where, and what was skipped.
 *
 * @param label how pages name the data
 * @param sample true for the bundled synthetic sample
 * @param sessions sessions read (subagent transcripts folded into their parents)
 * @param persons distinct user ids
 * @param repos distinct repository or project ids
 * @param groundTruth true when planted labels were available for validation
 * @param report files, lines and skips of the read
 */
public record DatasetSummary(
    String label,
    boolean sample,
    int sessions,
    int persons,
    int repos,
    boolean groundTruth,
    ReadReport report) {

  public DatasetSummary {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(report, "report");
    if (sessions < 0 || persons < 0 || repos < 0) {
      throw new IllegalArgumentException("negative count in dataset summary");
    }
  }
}
