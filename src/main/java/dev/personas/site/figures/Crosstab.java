package dev.personas.site.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts of sessions by one of our groups (rows: session types or personas, then "All sessions")
 * and one of the dataset authors' categories (columns: coding modes, user personas, intents).
 *
 * @param rows row labels, the last one the total over all rows' sessions
 * @param columns column labels
 * @param counts one row of counts per row label, one count per column
 */
public record Crosstab(List<String> rows, List<String> columns, List<List<Integer>> counts) {
  /** The label of the last row, the total over all sessions. */
  public static final String ALL = "All sessions";

  public Crosstab {
    rows = List.copyOf(rows);
    columns = List.copyOf(columns);
    counts = counts.stream().map(List::copyOf).toList();
    if (counts.size() != rows.size()) {
      throw new IllegalArgumentException("A crosstab has one row of counts per row label");
    }
    for (List<Integer> row : counts) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("A crosstab row has one count per column");
      }
      row.forEach(c -> Check.count(Objects.requireNonNull(c), "crosstab count"));
    }
  }

  /** The number of sessions in a row. */
  public int total(int row) {
    return counts.get(row).stream().mapToInt(Integer::intValue).sum();
  }

  /** A row's counts as shares of its total (all zero for an empty row). */
  public List<Double> shares(int row) {
    int total = total(row);
    List<Double> shares = new ArrayList<>();
    for (int c : counts.get(row)) {
      shares.add(total == 0 ? 0.0 : (double) c / total);
    }
    return shares;
  }

  /** The row of a label, or -1. */
  public int row(String label) {
    return rows.indexOf(label);
  }

  /** True when no session was counted. */
  public boolean isEmpty() {
    return total(rows.size() - 1) == 0;
  }
}
