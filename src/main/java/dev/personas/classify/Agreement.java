package dev.personas.classify;

import java.util.List;

/**
 * How often the method gives the label careful readers gave, on one set of real sessions or
 * people, with a 95 % Wilson interval.
 *
 * @param items sessions or people compared
 * @param hits how many the method labelled as the readers did
 * @param accuracy hits / items (0 when there are none)
 * @param low lower end of the 95 % Wilson interval
 * @param high upper end of the 95 % Wilson interval
 * @param labels row and column labels (slugs) of the confusion matrix
 * @param confusion [readers' label][method's label] counts
 */
public record Agreement(int items, int hits, double accuracy, double low, double high,
    List<String> labels, int[][] confusion) {

  private static final double Z95 = 1.959963984540054;

  public Agreement {
    labels = List.copyOf(labels);
    if (hits < 0 || hits > items) {
      throw new IllegalArgumentException("hits must lie between 0 and the items compared");
    }
  }

  /** The agreement shown by a confusion matrix (its diagonal are the hits). */
  static Agreement of(List<String> labels, int[][] confusion) {
    int items = 0;
    int hits = 0;
    for (int i = 0; i < confusion.length; i++) {
      for (int j = 0; j < confusion[i].length; j++) {
        items += confusion[i][j];
        hits += i == j ? confusion[i][j] : 0;
      }
    }
    if (items == 0) {
      return new Agreement(0, 0, 0, 0, 0, labels, confusion);
    }
    double p = (double) hits / items;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * items)) / (1 + z2 / items);
    double half = Z95 / (1 + z2 / items) * Math.sqrt(p * (1 - p) / items + z2 / (4.0 * items * items));
    return new Agreement(items, hits, Numbers.fixed(p), Numbers.fixed(Math.max(0, centre - half)),
        Numbers.fixed(Math.min(1, centre + half)), labels, confusion);
  }
}
