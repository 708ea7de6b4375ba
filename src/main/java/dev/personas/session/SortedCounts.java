package dev.personas.session;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map of names to counts, kept as two sorted arrays: what a
 * {@code Collections.unmodifiableMap(new TreeMap<>(map))} gives (natural key order, equal to any
 * map with the same entries), in about half the memory. Every SWE-chat session carries one
 * (its prompt intents), so a study of 580,000 sessions holds 580,000 of them.
 */
final class SortedCounts extends AbstractMap<String, Integer> {
  private final String[] keys;
  private final int[] counts;

  private SortedCounts(String[] keys, int[] counts) {
    this.keys = keys;
    this.counts = counts;
  }

  /** The same entries, sorted by key; {@code Map.of()} when there are none. */
  static Map<String, Integer> of(Map<String, Integer> map) {
    if (map instanceof SortedCounts) {
      return map;
    }
    if (map.isEmpty()) {
      return Map.of();
    }
    String[] keys = new String[map.size()];
    int n = 0;
    for (String key : map.keySet()) {
      // The few intent names repeat in every session: one String for each.
      keys[n++] = key.intern();
    }
    Arrays.sort(keys);
    int[] counts = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      Integer count = map.get(keys[i]);
      counts[i] = Objects.requireNonNull(count, "a count is null").intValue();
    }
    return new SortedCounts(keys, counts);
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Integer get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : counts[i];
  }

  private int indexOf(Object key) {
    return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
  }

  @Override
  public Set<Map.Entry<String, Integer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<String, Integer>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, Integer> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], counts[i]);
          }
        };
      }
    };
  }
}
