package dev.personas.site.figures;

import java.util.List;

/**
 * Counts of true against predicted classes.
 *
 * @param labels the class names, in row and column order
 * @param counts counts[truth][predicted], square, none negative
 */
public record ConfusionMatrix(List<String> labels, List<List<Integer>> counts) {

  public ConfusionMatrix {
    labels = List.copyOf(labels);
    counts = counts.stream().map(List::copyOf).toList();
    if (labels.isEmpty() || counts.size() != labels.size()) {
      throw new IllegalArgumentException("A confusion matrix has one row per label: " + labels.size() + " labels, " + counts.size() + " rows");
    }
    for (List<Integer> row : counts) {
      if (row.size() != labels.size()) {
        throw new IllegalArgumentException("A confusion matrix is square; a row has " + row.size() + " columns for " + labels.size() + " labels");
      }
      row.forEach(c -> Check.count(c, "confusion count"));
    }
  }

  /** The largest count, which the heat map scales to. */
  public int max() {
    return counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The sum of one truth row. */
  public int rowTotal(int row) {
    return counts.get(row).stream().mapToInt(Integer::intValue).sum();
  }
}
