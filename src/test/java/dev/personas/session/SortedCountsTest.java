package dev.personas.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedCountsTest {

  @Test
  void readsLikeAnUnmodifiableTreeMap() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      Map<String, Integer> source = new HashMap<>();
      int n = random.nextInt(8);
      for (int i = 0; i < n; i++) {
        source.put("intent-" + random.nextInt(12), random.nextInt(50));
      }
      Map<String, Integer> expected = Collections.unmodifiableMap(new TreeMap<>(source));
      Map<String, Integer> counts = SortedCounts.of(source);

      assertEquals(expected, counts);
      assertEquals(counts, expected);
      assertEquals(expected.hashCode(), counts.hashCode());
      assertEquals(expected.toString(), counts.toString());
      assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(counts.entrySet()));
      for (int k = 0; k < 12; k++) {
        assertEquals(expected.get("intent-" + k), counts.get("intent-" + k));
        assertEquals(expected.containsKey("intent-" + k), counts.containsKey("intent-" + k));
      }
    }
  }

  @Test
  void cannotBeChangedAndKeepsNoLinkToItsSource() {
    Map<String, Integer> source = new HashMap<>(Map.of("debug", 3, "feature", 1));
    Map<String, Integer> counts = SortedCounts.of(source);
    source.put("debug", 9);

    assertEquals(3, counts.get("debug"));
    assertThrows(UnsupportedOperationException.class, () -> counts.put("debug", 4));
    assertThrows(UnsupportedOperationException.class, () -> counts.entrySet().iterator().next().setValue(5));
    assertThrows(UnsupportedOperationException.class, () -> counts.keySet().clear());
    assertEquals(List.of("debug", "feature"), new ArrayList<>(counts.keySet()));
  }

  @Test
  void noEntriesIsTheSharedEmptyMapAndOddKeysAreAbsent() {
    assertSame(Map.of(), SortedCounts.of(new TreeMap<>()));
    Map<String, Integer> counts = SortedCounts.of(Map.of("debug", 1));
    assertNull(counts.get(42));
    assertFalse(counts.containsKey(null));
    assertTrue(counts.containsKey("debug"));
    assertSame(counts, SortedCounts.of(counts));
  }

  @Test
  void aNullCountIsRefused() {
    Map<String, Integer> source = new HashMap<>();
    source.put("debug", null);
    assertThrows(NullPointerException.class, () -> SortedCounts.of(source));
  }
}
