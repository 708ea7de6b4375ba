package dev.personas.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static final HexFormat HEX = HexFormat.of();

  /** What a browser's TextDecoder gives for each (checked in Chromium and Node): one U+FFFD a maximal bad part. */
  @Test
  void badBytesAreReplacedAsABrowserReplacesThem() {
    String[][] cases = {
        {"61ff62", "a\ufffdb"}, {"c0af", "\ufffd\ufffd"}, {"eda080", "\ufffd\ufffd\ufffd"}, {"edaf8c", "\ufffd\ufffd\ufffd"},
        {"e282", "\ufffd"}, {"e28222", "\ufffd\""}, {"f09f98", "\ufffd"}, {"f4908080", "\ufffd\ufffd\ufffd\ufffd"},
        {"f09f9880", "\ud83d\ude00"}, {"e0809f", "\ufffd\ufffd\ufffd"}, {"80bf", "\ufffd\ufffd"}, {"fe", "\ufffd"},
        {"636166e9", "caf\ufffd"}, {"c3a9", "\u00e9"}};
    for (String[] c : cases) {
      byte[] bytes = HEX.parseHex(c[0]);
      assertEquals(c[1], new String(Utf8.repair(bytes, 0, bytes.length), StandardCharsets.UTF_8), c[0]);
      assertEquals(c[1].indexOf('\ufffd') < 0, Utf8.isValid(bytes, 0, bytes.length), c[0]);
    }
  }

  /** Repaired whole or streamed a byte at a time, the same bytes; valid input comes back as it was. */
  @Property(tries = 2000)
  void streamingRepairsAsTheWholeLineIsRepaired(@ForAll byte[] bytes) throws IOException {
    byte[] whole = Utf8.repair(bytes, 0, bytes.length);
    InputStream slow = new InputStream() {
      private int at;

      @Override
      public int read() {
        return at < bytes.length ? bytes[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int c = read();
        if (c < 0) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }
    };
    assertArrayEquals(whole, new Utf8.RepairingStream(slow).readAllBytes());
    assertEquals(Utf8.isValid(bytes, 0, bytes.length), java.util.Arrays.equals(whole, bytes));
  }
}
