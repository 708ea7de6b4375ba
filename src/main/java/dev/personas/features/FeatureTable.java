package dev.personas.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The feature catalogue as table rows, in feature order, for the method page. */
public final class FeatureTable {

  /**
   * One row of the catalogue.
   *
   * @param key the feature's stable snake_case name
   * @param definition one sentence saying how it is computed
   * @param unit the unit of its value
   */
  public record Row(String key, String definition, String unit) {
    public Row {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(unit, "unit");
    }
  }

  private FeatureTable() {}

  /** Every feature of the catalogue, in the order of the feature vectors. */
  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Feature f : Feature.values()) {
      rows.add(new Row(f.key(), f.definition(), f.unit()));
    }
    return List.copyOf(rows);
  }
}
