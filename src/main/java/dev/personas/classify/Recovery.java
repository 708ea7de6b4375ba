package dev.personas.classify;

import java.util.List;

/**
 * How well planted truth is recovered, when there is planted truth.
 *
 * @param available whether the dataset had ground truth
 * @param accuracy share of items labelled as planted, or null when not available
 * @param target the accuracy the method page promises
 * @param items how many items were compared
 * @param labels row and column labels (slugs) of the confusion matrix
 * @param confusion [planted][assigned] counts, or null when not available
 */
public record Recovery(
    boolean available, Double accuracy, double target, int items, List<String> labels,
    int[][] confusion) {

  public Recovery {
    labels = List.copyOf(labels);
    if (available != (accuracy != null && confusion != null)) {
      throw new IllegalArgumentException("accuracy and confusion exist exactly when available");
    }
  }

  /** The result for a dataset without ground truth. */
  static Recovery notAvailable(double target, List<String> labels) {
    return new Recovery(false, null, target, 0, labels, null);
  }

  /** Whether the accuracy reaches the target (false when not available). */
  public boolean meetsTarget() {
    return available && accuracy >= target;
  }
}
