package dev.personas.load;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Jackson's UTF-8 parser with two shortcuts for the bulk of a log line, which is a few huge
 * strings (tool output, its echo in {@code toolUseResult}, thinking, signatures) that no
 * feature reads: measuring a string's length and skipping a whole value scan the raw bytes
 * eight at a time instead of decoding them. Both work only when the line is wholly in the
 * buffer; otherwise (and whenever the bytes look odd: control characters, a missing end) they
 * decline and Jackson does the work, so errors are still found and reported by Jackson.
 *
 * <p>What the shortcuts do not check: the UTF-8 inside skipped or measured strings, and the
 * bracket pairing inside a skipped value. A line whose only flaw lies there is read, not
 * skipped; nothing is taken from such bytes, so nothing wrong is counted.
 */
final class FastParser extends UTF8StreamJsonParser {

  /** The factory whose byte-array parsers are {@link FastParser}s. */
  static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Factory(JsonFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt)
        throws IOException {
      // Lines are UTF-8 JSON objects; anything else (a BOM, UTF-16) takes Jackson's own path.
      if (len > 0 && data[offset] == '{') {
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new FastParser(ctxt, _parserFeatures, _objectCodec,
            _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, offset, offset + len);
      }
      return super._createParser(data, offset, len, ctxt);
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;
  private static final long NIBBLES = 0xf0f0f0f0f0f0f0f0L;

  private FastParser(IOContext ctxt, int features, com.fasterxml.jackson.core.ObjectCodec codec,
      com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer symbols, byte[] data, int start,
      int end) {
    super(ctxt, features, null, codec, symbols, data, start, end, false);
  }

  /**
   * The length in UTF-16 chars of the current, not yet read string, skipping past it; or -1
   * when this parser cannot tell (the caller then asks Jackson).
   */
  int measureString() {
    if (_currToken != JsonToken.VALUE_STRING || !_tokenIncomplete) {
      return -1;
    }
    long chars = 0;
    int i = _inputPtr;
    int end = _inputEnd;
    byte[] b = _inputBuffer;
    while (true) {
      if (i + 8 <= end) {
        long w = (long) LONGS.get(b, i);
        if (special(w) == 0) {
          // no quote, backslash, control or 4-byte lead: count everything but continuations
          chars += 8 - Long.bitCount(w & ~(w << 1) & HIGH);
          i += 8;
          continue;
        }
      }
      if (i >= end) {
        return -1;
      }
      int c = b[i] & 0xff;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (i + 1 >= end) {
          return -1;
        }
        i += b[i + 1] == 'u' ? 6 : 2;
        chars++;
      } else if (c < 0x20) {
        return -1;
      } else {
        chars += c >= 0xf0 ? 2 : (c & 0xc0) == 0x80 ? 0 : 1;
        i++;
      }
    }
    if (chars > Integer.MAX_VALUE) {
      return -1;
    }
    _inputPtr = i + 1;
    _tokenIncomplete = false;
    return (int) chars;
  }

  /**
   * Skips the object or array the parser is on, as {@link #skipChildren} would; returns false
   * (having moved nothing) when it cannot.
   */
  boolean skipValue() {
    JsonToken open = _currToken;
    if (open != JsonToken.START_OBJECT && open != JsonToken.START_ARRAY) {
      return false;
    }
    int i = _inputPtr;
    int end = _inputEnd;
    byte[] b = _inputBuffer;
    int depth = 1;
    while (i < end) {
      int c = b[i++];
      if (c == '"') {
        i = stringEnd(b, i, end);
        if (i < 0) {
          return false;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          if ((c == '}') != (open == JsonToken.START_OBJECT)) {
            return false;
          }
          _inputPtr = i;
          _parsingContext = _parsingContext.clearAndGetParent();
          _currToken = open == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
          return true;
        }
      }
    }
    return false;
  }

  /** The index after the closing quote of a string whose content starts at {@code i}, or -1. */
  private static int stringEnd(byte[] b, int i, int end) {
    while (true) {
      if (i + 8 <= end) {
        long w = (long) LONGS.get(b, i);
        if (hasByte(w, QUOTES) == 0 && hasByte(w, BACKSLASHES) == 0) {
          i += 8;
          continue;
        }
      }
      if (i >= end) {
        return -1;
      }
      byte c = b[i];
      if (c == '"') {
        return i + 1;
      }
      i += c == '\\' ? 2 : 1;
    }
  }

  private static long special(long w) {
    long control = (w - 0x2020202020202020L) & ~w & HIGH;
    long fourByteLead = hasByte(w & NIBBLES, NIBBLES);
    return hasByte(w, QUOTES) | hasByte(w, BACKSLASHES) | control | fourByteLead;
  }

  /** Non-zero when some byte of {@code w} equals the byte repeated in {@code pattern}. */
  private static long hasByte(long w, long pattern) {
    long x = w ^ pattern;
    return (x - LOW) & ~x & HIGH;
  }
}
