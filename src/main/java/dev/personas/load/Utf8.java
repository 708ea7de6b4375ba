package dev.personas.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Strict UTF-8 (RFC 3629: no overlong form, no encoded surrogate, nothing past U+10FFFF) and its
 * repair as a browser's decoder repairs it (the WHATWG Encoding Standard: each maximal invalid
 * subpart becomes one U+FFFD), so that a line with bad bytes is noticed wherever they are and
 * reads to the same text in the CLI and in the finder. Jackson reads overlong forms and encoded
 * surrogates without a word, and does not look at bytes it only measures or skips; the JDK's
 * decoder writes one U+FFFD for an encoded surrogate where a browser writes three. The Claude Code
 * scanner checks the strings it walks with {@link #sequence}.
 */
public final class Utf8 {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH = 0x8080808080808080L;
  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

  private Utf8() {}

  /** Whether {@code bytes[from, to)} is well-formed UTF-8; eight bytes at a time while they are ASCII. */
  static boolean isValid(byte[] bytes, int from, int to) {
    int p = from;
    while (p < to) {
      if (p + 8 <= to && ((long) LONGS.get(bytes, p) & HIGH) == 0) {
        p += 8;
        continue;
      }
      int c = bytes[p] & 0xff;
      if (c < 0x80) {
        p++;
        continue;
      }
      int length = sequence(bytes, p, to);
      if (length < 0) {
        return false;
      }
      p += length;
    }
    return true;
  }

  /** {@code bytes[from, to)} with each maximal invalid subpart replaced by U+FFFD, as UTF-8. */
  static byte[] repair(byte[] bytes, int from, int to) {
    Repairer repairer = new Repairer(to - from);
    repairer.feed(bytes, from, to);
    repairer.finish();
    return Arrays.copyOf(repairer.out, repairer.length);
  }

  /**
   * The length of the well-formed sequence at {@code p} (a lead byte of 0x80 or more) that ends
   * by {@code to}, or minus one.
   */
  public static int sequence(byte[] b, int p, int to) {
    int c = b[p] & 0xff;
    int length;
    int low = 0x80;
    int high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      length = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      low = c == 0xe0 ? 0xa0 : low;
      high = c == 0xed ? 0x9f : high;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      low = c == 0xf0 ? 0x90 : low;
      high = c == 0xf4 ? 0x8f : high;
    } else {
      return -1;
    }
    if (p + length > to) {
      return -1;
    }
    for (int k = 1; k < length; k++) {
      int next = b[p + k] & 0xff;
      if (next < low || next > high) {
        return -1;
      }
      low = 0x80;
      high = 0xbf;
    }
    return length;
  }

  /** The WHATWG decoder's states, writing UTF-8 back out: valid sequences as they came, errors as U+FFFD. */
  private static final class Repairer {
    byte[] out;
    int length;
    boolean replaced;
    private final byte[] pending = new byte[4];
    private int seen;
    private int needed;
    private int low = 0x80;
    private int high = 0xbf;

    Repairer(int capacity) {
      out = new byte[Math.max(16, capacity + capacity / 8)];
    }

    void feed(byte[] bytes, int from, int to) {
      int i = from;
      while (i < to) {
        int c = bytes[i] & 0xff;
        if (needed == 0) {
          i++;
          if (c < 0x80) {
            put((byte) c);
          } else if (c >= 0xc2 && c <= 0xdf) {
            start(c, 1);
          } else if (c >= 0xe0 && c <= 0xef) {
            low = c == 0xe0 ? 0xa0 : 0x80;
            high = c == 0xed ? 0x9f : 0xbf;
            start(c, 2);
          } else if (c >= 0xf0 && c <= 0xf4) {
            low = c == 0xf0 ? 0x90 : 0x80;
            high = c == 0xf4 ? 0x8f : 0xbf;
            start(c, 3);
          } else {
            replace();
          }
          continue;
        }
        if (c < low || c > high) {
          // The byte ends the bad subpart and is read again on its own.
          needed = 0;
          replace();
          continue;
        }
        i++;
        low = 0x80;
        high = 0xbf;
        pending[seen++] = (byte) c;
        if (seen == needed + 1) {
          for (int k = 0; k < seen; k++) {
            put(pending[k]);
          }
          needed = 0;
        }
      }
    }

    /** At the end of the input a sequence left open is one more error. */
    void finish() {
      if (needed != 0) {
        needed = 0;
        replace();
      }
    }

    private void start(int c, int more) {
      pending[0] = (byte) c;
      seen = 1;
      needed = more;
    }

    private void replace() {
      replaced = true;
      low = 0x80;
      high = 0xbf;
      for (byte b : REPLACEMENT) {
        put(b);
      }
    }

    private void put(byte b) {
      if (length == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[length++] = b;
    }
  }

  /**
   * A stream of the bytes of another, repaired (for a line too long to hold in the read
   * buffer); {@link #replaced} says whether anything was.
   */
  static final class RepairingStream extends FilterInputStream {
    private final byte[] chunk = new byte[64 * 1024];
    private final Repairer repairer = new Repairer(chunk.length);
    private int position;
    private boolean ended;

    RepairingStream(InputStream in) {
      super(in);
    }

    boolean replaced() {
      return repairer.replaced;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (position == repairer.length) {
        if (ended) {
          return -1;
        }
        position = 0;
        repairer.length = 0;
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
          ended = true;
          repairer.finish();
        } else {
          repairer.feed(chunk, 0, n);
        }
      }
      int n = Math.min(len, repairer.length - position);
      System.arraycopy(repairer.out, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] sink = new byte[(int) Math.min(n, 8192)];
      int read = read(sink, 0, sink.length);
      return Math.max(read, 0);
    }

    @Override
    public int available() {
      return repairer.length - position;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
