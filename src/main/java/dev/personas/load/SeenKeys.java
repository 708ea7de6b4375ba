package dev.personas.load;

/**
 * A compact set of string keys (message uuids, message id + request id pairs) stored as 64-bit
 * hashes in an open-addressing table, each with a small int owner (the file that first had
 * it). A collision of two 64-bit hashes among a person's logs is too unlikely to matter; the
 * win is memory: 12 bytes a key instead of a String in a HashSet.
 */
public final class SeenKeys {
  private long[] keys = new long[1024];
  private int[] owners = new int[1024];
  private boolean hasZero;
  private int zeroOwner;
  private int size;

  /** Adds a key; returns -1 when it is new, else the owner it was first added with. */
  public int addIfAbsent(String key, int owner) {
    return addIfAbsent(hash(key), owner);
  }

  /**
   * The same for a key given as its hash, {@code mix(fnv(fnv(FNV_START, part1), part2)…)}: equal to
   * {@code hash} of the parts joined, without joining them (a Codex item's key holds its output).
   */
  public int addIfAbsent(long h, int owner) {
    if (h == 0) {
      if (hasZero) {
        return zeroOwner;
      }
      hasZero = true;
      zeroOwner = owner;
      return -1;
    }
    int mask = keys.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (keys[i] != 0) {
      if (keys[i] == h) {
        return owners[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = h;
    owners[i] = owner;
    if (++size * 2 > keys.length) {
      grow();
    }
    return -1;
  }

  /** True when the key was added before. */
  public boolean contains(String key) {
    long h = hash(key);
    if (h == 0) {
      return hasZero;
    }
    int mask = keys.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (keys[i] != 0) {
      if (keys[i] == h) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldOwners = owners;
    keys = new long[oldKeys.length * 2];
    owners = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long h = oldKeys[j];
      if (h != 0) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = h;
        owners[i] = oldOwners[j];
      }
    }
  }

  /** FNV-1a over the chars, then a murmur finaliser so nearby keys spread over the table. */
  static long hash(String key) {
    return mix(fnv(FNV_START, key));
  }

  /** Where an FNV-1a hash starts. */
  public static final long FNV_START = 0xcbf29ce484222325L;

  /** FNV-1a of {@code h} continued over the chars of {@code text} ("null" when null, as {@code +} joins). */
  public static long fnv(long h, CharSequence text) {
    CharSequence chars = text == null ? "null" : text;
    for (int i = 0; i < chars.length(); i++) {
      h ^= chars.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** FNV-1a of {@code h} continued over one char. */
  public static long fnv(long h, char c) {
    return (h ^ c) * 0x100000001b3L;
  }

  /** The murmur finaliser that ends a key's hash. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93e185a64c5L;
    h ^= h >>> 33;
    return h;
  }
}
