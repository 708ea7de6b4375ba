package dev.personas.load.claude;

import dev.personas.load.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one Claude Code log line from its UTF-8 bytes into a {@link ClaudeLine}, giving what
 * {@link ClaudeLine#parse} gives with Jackson, for lines of the usual shape. Jackson's parser
 * costs more here than the reading it does: a parser made per line, every field name looked up
 * in its symbol table, and large methods for the JIT to compile in a run of a few seconds.
 *
 * <p>It checks what Jackson checks (JSON syntax, escapes, control characters in strings, UTF-8,
 * and strictly: overlong forms and encoded surrogates too) and gives up on anything it does not
 * read exactly as {@link ClaudeLine#parse} would: a malformed line, an escaped or non-ASCII
 * field name, a container where a flag is read, deep nesting, an integer too long for a long.
 * Then {@link #scan} returns false and the caller parses the line with Jackson, which reports
 * whatever is wrong as before. So a line read here is always one Jackson reads without error,
 * to the same values.
 */
final class ClaudeScanner {

  /** Thrown (without a stack trace) to give up on a line; never escapes {@link #scan}. */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Decline() {
      super(null, null, false, false);
    }
  }

  private static final Decline DECLINE = new Decline();
  /** Deeper nesting is left to Jackson, which enforces its own limit. */
  private static final int MAX_DEPTH = 64;
  /** Longer field names are left to Jackson (it limits them too); ours are short. */
  private static final int MAX_NAME = 256;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  // Field names, by where they occur.
  private static final Names ROOT = new Names("type", "uuid", "sessionId", "timestamp", "agentId",
      "permissionMode", "requestId", "operation", "subtype", "level", "content", "reason", "promptId",
      "isSidechain", "isMeta", "isCompactSummary", "isApiErrorMessage", "interruptedByShutdown", "message",
      "attachment");
  private static final int TYPE = 0;
  private static final int UUID = 1;
  private static final int SESSION_ID = 2;
  private static final int TIMESTAMP = 3;
  private static final int AGENT_ID = 4;
  private static final int PERMISSION_MODE = 5;
  private static final int REQUEST_ID = 6;
  private static final int OPERATION = 7;
  private static final int SUBTYPE = 8;
  private static final int LEVEL = 9;
  private static final int CONTENT = 10;
  private static final int REASON = 11;
  private static final int PROMPT_ID = 12;
  private static final int IS_SIDECHAIN = 13;
  private static final int IS_META = 14;
  private static final int IS_COMPACT_SUMMARY = 15;
  private static final int IS_API_ERROR_MESSAGE = 16;
  private static final int INTERRUPTED_BY_SHUTDOWN = 17;
  private static final int MESSAGE = 18;
  private static final int ATTACHMENT = 19;

  private static final Names ATTACHMENT_FIELDS = new Names("type", "prompt");
  private static final Names MESSAGE_FIELDS = new Names("id", "role", "model", "content", "usage");
  private static final int M_ID = 0;
  private static final int M_ROLE = 1;
  private static final int M_MODEL = 2;
  private static final int M_CONTENT = 3;
  private static final int M_USAGE = 4;

  private static final Names USAGE_FIELDS = new Names("input_tokens",
      "cache_creation_input_tokens", "cache_read_input_tokens", "output_tokens");

  private static final Names BLOCK_FIELDS = new Names("type", "id", "name", "tool_use_id",
      "is_error", "text", "thinking", "content", "input");
  private static final int B_TYPE = 0;
  private static final int B_ID = 1;
  private static final int B_NAME = 2;
  private static final int B_TOOL_USE_ID = 3;
  private static final int B_IS_ERROR = 4;
  private static final int B_TEXT = 5;
  private static final int B_THINKING = 6;
  private static final int B_CONTENT = 7;
  private static final int B_INPUT = 8;

  private static final Names RESULT_FIELDS = new Names("text");
  private static final Names INPUT_FIELDS =
      new Names("command", "file_path", "notebook_path", "path");

  private byte[] b;
  private int i;
  private int end;
  private int depth;
  /** Set by {@link #string}: the last string held an escape, a non-ASCII character. */
  private boolean escaped;
  private boolean ascii;
  /** Set by {@link #measure}: by how many chars the last string is shorter than its bytes. */
  private int shorter;
  /** Set by {@link #name}: where the last field name's bytes are. */
  private int nameStart;
  private int nameEnd;
  /** Set by {@link #number}: whether the last number was an integer, and its value. */
  private boolean integer;
  private long value;

  /**
   * Reads {@code bytes[from, to)}, one line without its newline, into {@code line}; false when
   * the line must be parsed by Jackson instead (the line's fields are then half-read).
   */
  boolean scan(byte[] bytes, int from, int to, ClaudeLine line) {
    b = bytes;
    i = from;
    end = to;
    depth = 0;
    try {
      if (next() != '{') {
        return false;
      }
      i++;
      root(line);
      next();
      return i == end; // nothing but white space after the object
    } catch (Decline e) {
      return false;
    }
  }

  // The fields ClaudeLine reads, with its rules for values of other types.

  private void root(ClaudeLine line) {
    line.reset();
    enter();
    if (!firstField()) {
      return;
    }
    do {
      // One call of each value reader, so the JIT inlines each once.
      int field = ROOT.find(b, nameStart, nameEnd);
      if (field < 0 && nameEnd - nameStart == 1 && b[nameStart] == 'v' || field == CONTENT && next() == '[') {
        throw DECLINE; // a line of Entire's transcript.jsonl ("v", a content array): ClaudeLine.parse reads those
      }
      if (field >= TYPE && field <= PROMPT_ID) {
        rootString(line, field, stringOrNull());
      } else if (field >= IS_SIDECHAIN && field <= INTERRUPTED_BY_SHUTDOWN) {
        rootFlag(line, field, flag());
      } else if (field >= MESSAGE && next() == '{') {
        if (field == MESSAGE) {
          message(line);
        } else {
          attachment(line);
        }
      } else {
        skip();
      }
    } while (nextField());
  }

  private static void rootString(ClaudeLine line, int field, String value) {
    switch (field) {
      case TYPE: line.type = value; break;
      case UUID: line.uuid = value; break;
      case SESSION_ID: line.sessionId = value; break;
      case TIMESTAMP: line.timestamp = value; break;
      case AGENT_ID: line.agentId = value; break;
      case PERMISSION_MODE: line.permissionMode = value; break;
      case REQUEST_ID: line.requestId = value; break;
      case OPERATION: line.operation = value; break;
      case SUBTYPE: line.subtype = value; break;
      case LEVEL: line.level = value; break;
      case CONTENT: line.content = value; break;
      case REASON: line.reason = value; break;
      default: line.promptId = value;
    }
  }

  private static void rootFlag(ClaudeLine line, int field, boolean value) {
    switch (field) {
      case IS_SIDECHAIN: line.isSidechain = value; break;
      case IS_META: line.isMeta = value; break;
      case IS_COMPACT_SUMMARY: line.isCompactSummary = value; break;
      case IS_API_ERROR_MESSAGE: line.isApiErrorMessage = value; break;
      default: line.interruptedByShutdown = value;
    }
  }

  private void attachment(ClaudeLine line) {
    i++;
    enter();
    if (!firstField()) {
      return;
    }
    do {
      int field = ATTACHMENT_FIELDS.find(b, nameStart, nameEnd);
      if (field == 0) {
        line.attachmentType = stringOrNull();
      } else if (field == 1) {
        line.attachmentPrompt = stringOrNull();
      } else {
        skip();
      }
    } while (nextField());
  }

  private void message(ClaudeLine line) {
    i++;
    enter();
    line.hasMessage = true;
    if (!firstField()) {
      return;
    }
    do {
      int field = MESSAGE_FIELDS.find(b, nameStart, nameEnd);
      if (field >= M_ID && field <= M_MODEL) {
        String value = stringOrNull();
        if (field == M_ID) {
          line.messageId = value;
        } else if (field == M_ROLE) {
          line.role = value;
        } else {
          line.model = value;
        }
      } else if (field == M_CONTENT) {
        messageContent(line);
      } else if (field == M_USAGE && next() == '{') {
        usage(line);
      } else {
        skip();
      }
    } while (nextField());
  }

  private void messageContent(ClaudeLine line) {
    byte c = next();
    if (c == '"') {
      line.messageIsString = true;
      if (line.isAssistant()) {
        line.messageTextLength = measure();
      } else {
        line.messageText = string();
        line.messageTextLength = line.messageText.length();
      }
    } else if (c == '[') {
      blocks(line);
    } else {
      skip();
    }
  }

  private void usage(ClaudeLine line) {
    i++;
    enter();
    line.hasUsage = true;
    if (!firstField()) {
      return;
    }
    do {
      switch (USAGE_FIELDS.find(b, nameStart, nameEnd)) {
        case 0: line.inputTokens = count(); break;
        case 1: line.cacheCreationTokens = count(); break;
        case 2: line.cacheReadTokens = count(); break;
        case 3: line.outputTokens = count(); break;
        default: skip();
      }
    } while (nextField());
  }

  private void blocks(ClaudeLine line) {
    i++;
    enter();
    if (!firstElement()) {
      return;
    }
    do {
      if (next() == '{') {
        block(line, line.nextBlock());
      } else {
        skip();
      }
    } while (nextElement());
  }

  private void block(ClaudeLine line, ClaudeLine.Block block) {
    boolean measureOnly = line.isAssistant() && !"<synthetic>".equals(line.model);
    i++;
    enter();
    if (!firstField()) {
      return;
    }
    do {
      int field = BLOCK_FIELDS.find(b, nameStart, nameEnd);
      if (field >= B_TYPE && field <= B_TOOL_USE_ID) {
        String value = stringOrNull();
        if (field == B_TYPE) {
          block.type = value;
        } else if (field == B_ID) {
          block.id = value;
        } else if (field == B_NAME) {
          block.name = value;
        } else {
          block.toolUseId = value;
        }
      } else if (field == B_IS_ERROR) {
        block.isError = flag();
      } else if (field == B_TEXT && next() == '"') {
        if (measureOnly) {
          block.textLength = measure();
        } else {
          block.text = string();
          block.textLength = block.text.length();
        }
      } else if (field == B_THINKING) {
        boolean isString = next() == '"';
        block.textLength = isString ? measure() : 0;
        if (!isString) {
          skip();
        }
      } else if (field == B_CONTENT) {
        block.textLength = resultLength();
      } else if (field == B_INPUT && next() == '{') {
        input(block);
      } else {
        skip();
      }
    } while (nextField());
  }

  /** Characters of a tool result: a string, or the "text" strings of the objects of an array. */
  private int resultLength() {
    byte c = next();
    if (c == '"') {
      return measure();
    }
    if (c != '[') {
      skip();
      return 0;
    }
    i++;
    enter();
    long total = 0;
    if (firstElement()) {
      do {
        if (next() != '{') {
          skip();
          continue;
        }
        i++;
        enter();
        if (!firstField()) {
          continue;
        }
        do {
          if (RESULT_FIELDS.find(b, nameStart, nameEnd) == 0 && next() == '"') {
            total += measure();
          } else {
            skip();
          }
        } while (nextField());
      } while (nextElement());
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  private void input(ClaudeLine.Block block) {
    i++;
    enter();
    if (!firstField()) {
      return;
    }
    do {
      switch (INPUT_FIELDS.find(b, nameStart, nameEnd)) {
        case 0: block.command = stringOrNull(); break;
        case 1:
        case 2:
          block.filePath = stringOrNull();
          break;
        case 3:
          if (block.filePath == null) {
            block.filePath = stringOrNull();
          } else {
            scalar(); // Jackson's reading would step into a container here: leave it to Jackson
          }
          break;
        default:
          skip();
      }
    } while (nextField());
  }

  // Values read as ClaudeLine reads them.

  /** A string's text; null for null, a number, a boolean or a container (which is skipped). */
  private String stringOrNull() {
    if (next() == '"') {
      return string();
    }
    skip();
    return null;
  }

  /** True for {@code true}; false for any other scalar; a container is left to Jackson. */
  private boolean flag() {
    boolean isTrue = next() == 't';
    scalar();
    return isTrue;
  }

  /**
   * A token count as {@code JsonLines.count} reads it: a non-negative integer up to a trillion,
   * else 0. An integer beyond a long is left to Jackson (it reads it as a big integer).
   */
  private long count() {
    byte c = next();
    if (c != '-' && (c < '0' || c > '9')) {
      skip();
      return 0;
    }
    number();
    if (!integer) {
      return 0;
    }
    return value < 0 || value > 1_000_000_000_000L ? 0 : value;
  }

  /** Skips a value that must not be an object or an array. */
  private void scalar() {
    byte c = next();
    if (c == '{' || c == '[') {
      throw DECLINE;
    }
    skip();
  }

  // JSON syntax.

  /** The next byte after white space (0 at the end of the line), without moving past it. */
  private byte next() {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return c;
      }
      i++;
    }
    return 0;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw DECLINE;
    }
  }

  /** After an object's "{": reads the first field's name and colon; false for "}". */
  private boolean firstField() {
    if (next() == '}') {
      i++;
      depth--;
      return false;
    }
    name();
    return true;
  }

  /** After a field's value: reads the next name and colon; false at the object's "}". */
  private boolean nextField() {
    byte c = next();
    if (c == ',') {
      i++;
      if (next() != '"') {
        throw DECLINE; // a trailing comma, or a name without quotes
      }
      name();
      return true;
    }
    if (c == '}') {
      i++;
      depth--;
      return false;
    }
    throw DECLINE;
  }

  private boolean firstElement() {
    if (next() == ']') {
      i++;
      depth--;
      return false;
    }
    return true;
  }

  private boolean nextElement() {
    byte c = next();
    if (c == ',') {
      i++;
      if (next() == ']') {
        throw DECLINE; // a trailing comma
      }
      return true;
    }
    if (c == ']') {
      i++;
      depth--;
      return false;
    }
    throw DECLINE;
  }

  /** A field name of plain ASCII and its colon; anything else is left to Jackson. */
  private void name() {
    if (next() != '"') {
      throw DECLINE;
    }
    int start = ++i;
    int limit = Math.min(end, start + MAX_NAME);
    while (i < limit) {
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) { // a negative byte is non-ASCII
        throw DECLINE;
      }
      i++;
    }
    if (i >= limit) {
      throw DECLINE;
    }
    nameStart = start;
    nameEnd = i++;
    if (next() != ':') {
      throw DECLINE;
    }
    i++;
  }

  /**
   * Skips any value, checking it. One loop over a stack of open containers (a bit a level, set
   * for an object) rather than a recursion, so the JIT compiles it once, small.
   */
  private void skip() {
    long objects = 0;
    int level = 0;
    while (true) {
      byte c = next();
      boolean done = true; // whether a whole value was read (else a container was opened)
      if (c == '{' || c == '[') {
        i++;
        level++;
        if (level >= 63 || depth + level > MAX_DEPTH) {
          throw DECLINE;
        }
        boolean object = c == '{';
        objects = object ? objects | 1L << level : objects & ~(1L << level);
        byte first = next();
        if (first == (object ? '}' : ']')) {
          i++;
          level--;
        } else {
          if (object) {
            name();
          }
          done = false;
        }
      } else if (c == '"') {
        measure();
      } else if (c == 't') {
        literal("true");
      } else if (c == 'f') {
        literal("false");
      } else if (c == 'n') {
        literal("null");
      } else if (c == '-' || c >= '0' && c <= '9') {
        number();
      } else {
        throw DECLINE;
      }
      // After a value: close the containers it ends, or move to the next element or field.
      while (done) {
        if (level == 0) {
          return;
        }
        boolean object = (objects & 1L << level) != 0;
        byte after = next();
        if (after == ',') {
          i++;
          byte following = next();
          if (object) {
            if (following != '"') {
              throw DECLINE;
            }
            name();
          } else if (following == ']') {
            throw DECLINE; // a trailing comma
          }
          done = false;
        } else if (after == (object ? '}' : ']')) {
          i++;
          level--;
        } else {
          throw DECLINE;
        }
      }
    }
  }

  private void literal(String word) {
    int n = word.length();
    if (i + n > end) {
      throw DECLINE;
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        throw DECLINE;
      }
    }
    i += n;
    // What follows must end the value: checked by the caller, which wants "," "}" "]" or the end.
  }

  /**
   * A number, by JSON's grammar (no leading zeros, digits after "." and "e"); sets
   * {@link #integer} and, for an integer of at most 18 digits, {@link #value}. A longer
   * integer, or any number over 64 characters, is left to Jackson.
   */
  private void number() {
    int start = i;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    if (i >= end) {
      throw DECLINE;
    }
    long v = 0;
    int digits = 0;
    if (b[i] == '0') {
      i++;
      digits = 1;
      if (i < end && b[i] >= '0' && b[i] <= '9') {
        throw DECLINE; // a leading zero
      }
    } else {
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        v = v * 10 + (b[i] - '0');
        digits++;
        i++;
      }
      if (digits == 0) {
        throw DECLINE;
      }
    }
    integer = true;
    if (i < end && b[i] == '.') {
      i++;
      integer = false;
      if (!digits()) {
        throw DECLINE;
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      integer = false;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      if (!digits()) {
        throw DECLINE;
      }
    }
    if (i - start > 64 || integer && digits > 18) {
      throw DECLINE;
    }
    value = negative ? -v : v;
  }

  private boolean digits() {
    int start = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i > start;
  }

  // Strings.

  /** The string at the opening quote, decoded. */
  private String string() {
    int start = i + 1;
    measure();
    int stop = i - 1; // the closing quote
    if (escaped) {
      return unescape(start, stop);
    }
    return new String(b, start, stop - start,
        ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /** The text of {@code b[start, stop)}, a string's checked content, with its escapes. */
  private String unescape(int start, int stop) {
    StringBuilder text = new StringBuilder(stop - start);
    int run = start;
    int k = start;
    while (k < stop) {
      if (b[k] != '\\') {
        k++;
        continue;
      }
      text.append(new String(b, run, k - run, StandardCharsets.UTF_8));
      byte e = b[k + 1];
      switch (e) {
        case 'n': text.append('\n'); break;
        case 't': text.append('\t'); break;
        case 'r': text.append('\r'); break;
        case 'b': text.append('\b'); break;
        case 'f': text.append('\f'); break;
        case 'u':
          text.append((char) (hex(b[k + 2]) << 12 | hex(b[k + 3]) << 8 | hex(b[k + 4]) << 4
              | hex(b[k + 5])));
          k += 4;
          break;
        default: text.append((char) e); // '"', '\\' or '/', as measure() checked
      }
      k += 2;
      run = k;
    }
    text.append(new String(b, run, stop - run, StandardCharsets.UTF_8));
    return text.toString();
  }

  /**
   * Moves past the string at the opening quote, checking it as Jackson would and strict UTF-8;
   * returns its length in UTF-16 chars, as {@link String#length} of its text. Eight bytes at a
   * time while they are plain ASCII; escapes and other characters are handled out of line, so
   * what the JIT copies into every caller stays small.
   */
  private int measure() {
    int start = ++i;
    escaped = false;
    ascii = true;
    shorter = 0;
    int p = start;
    while (true) {
      if (p + 8 <= end && special((long) LONGS.get(b, p)) == 0) {
        p += 8;
        continue;
      }
      if (p >= end) {
        throw DECLINE;
      }
      byte c = b[p];
      if (c == '"') {
        break;
      }
      p = c >= 0x20 && c != '\\' ? p + 1 : unusual(p);
    }
    i = p + 1;
    return p - start - shorter;
  }

  /**
   * Past the escape, control or non-ASCII character at {@code p} in a string, counting how many
   * bytes more than chars it takes; a control character or malformed UTF-8 is left to Jackson.
   */
  private int unusual(int p) {
    int c = b[p] & 0xff;
    if (c == '\\') {
      escaped = true;
      int next = escape(p);
      shorter += next - p - 1;
      return next;
    }
    if (c < 0x20) {
      throw DECLINE;
    }
    ascii = false;
    int length = utf8(p);
    shorter += length == 4 ? 2 : length - 1;
    return p + length;
  }

  /** The index after the escape at {@code p}; anything but JSON's escapes is left to Jackson. */
  private int escape(int p) {
    if (p + 1 >= end) {
      throw DECLINE;
    }
    switch (b[p + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return p + 2;
      case 'u':
        if (p + 5 >= end) {
          throw DECLINE;
        }
        for (int k = p + 2; k < p + 6; k++) {
          hex(b[k]);
        }
        return p + 6;
      default:
        throw DECLINE;
    }
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw DECLINE;
  }

  /** The length of the well-formed UTF-8 sequence at {@code p} (RFC 3629), else a decline. */
  private int utf8(int p) {
    int length = Utf8.sequence(b, p, end);
    if (length < 0) {
      throw DECLINE;
    }
    return length;
  }

  /** Non-zero when a byte of {@code w} is a quote, a backslash, a control or non-ASCII byte. */
  private static long special(long w) {
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5c5c5c5c5c5c5c5cL;
    return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash
        | (w - 0x2020202020202020L) & ~w | w) & HIGH;
  }

  /** Field names to look up by their bytes: index by length, then compare. */
  private static final class Names {
    private final byte[][][] byLength;
    private final int[][] ids;

    Names(String... names) {
      int longest = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
      byLength = new byte[longest + 1][][];
      ids = new int[longest + 1][];
      for (int id = 0; id < names.length; id++) {
        int n = names[id].length();
        byte[][] same = byLength[n] == null ? new byte[0][] : byLength[n];
        int[] sameIds = ids[n] == null ? new int[0] : ids[n];
        byLength[n] = Arrays.copyOf(same, same.length + 1);
        byLength[n][same.length] = names[id].getBytes(StandardCharsets.US_ASCII);
        ids[n] = Arrays.copyOf(sameIds, sameIds.length + 1);
        ids[n][sameIds.length] = id;
      }
    }

    /** The id of the name in {@code b[from, to)}, or -1. */
    int find(byte[] b, int from, int to) {
      int n = to - from;
      if (n >= byLength.length || byLength[n] == null) {
        return -1;
      }
      byte[][] candidates = byLength[n];
      for (int k = 0; k < candidates.length; k++) {
        if (Arrays.equals(b, from, to, candidates[k], 0, n)) {
          return ids[n][k];
        }
      }
      return -1;
    }
  }
}
