package dev.personas.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenKeysTest {
  @Test
  void aKeyHashedInPiecesIsTheKeyJoined() {
    String output = "Exit code: 1\nOutput:\nü 測試 failed\n".repeat(50);
    StringBuilder text = new StringBuilder("fix the test");
    String joined = "response_item" + '\u0000' + null + '\u0000' + text + '\u0000' + output + '\u0000' + 12 + '/' + 7;
    long h = SeenKeys.FNV_START;
    for (CharSequence part : new CharSequence[] {"response_item", null, text, output}) {
      h = SeenKeys.fnv(SeenKeys.fnv(h, part), '\u0000');
    }
    h = SeenKeys.fnv(SeenKeys.fnv(SeenKeys.fnv(h, "12"), '/'), "7");
    assertEquals(SeenKeys.hash(joined), SeenKeys.mix(h));

    SeenKeys seen = new SeenKeys();
    assertEquals(-1, seen.addIfAbsent(joined, 3));
    assertEquals(3, seen.addIfAbsent(SeenKeys.mix(h), 5), "the same key, hashed in pieces, is already there");
    assertTrue(seen.contains(joined));
    assertFalse(seen.contains(joined + "x"));
  }
}
