package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

  @Test
  void rowsFollowTheFeatureOrderWithKeyDefinitionAndUnit() {
    List<FeatureTable.Row> rows = FeatureTable.rows();
    assertEquals(Feature.values().length, rows.size());
    for (Feature f : Feature.values()) {
      FeatureTable.Row row = rows.get(f.ordinal());
      assertEquals(new FeatureTable.Row(f.key(), f.definition(), f.unit()), row);
    }
  }

  @Test
  void keysAreUniqueSnakeCaseAndDefinitionsAreSentences() {
    Set<String> keys = new HashSet<>();
    for (FeatureTable.Row row : FeatureTable.rows()) {
      assertTrue(keys.add(row.key()), "duplicate key " + row.key());
      assertTrue(row.key().matches("[a-z][a-z0-9_]*"), row.key());
      assertTrue(row.definition().endsWith("."), row.key());
      assertFalse(row.unit().isBlank(), row.key());
    }
  }
}
