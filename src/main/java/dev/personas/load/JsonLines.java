package dev.personas.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads a JSON Lines file ({@code .jsonl} or {@code .jsonl.gz}) one line at a time, streaming:
 * each line is handed to a {@link Handler} as a Jackson parser positioned before the line's
 * value. Whole files are never in memory; a line up to {@value #BUFFER} bytes is parsed straight
 * from the read buffer, a longer one (a 50 MB tool result) from a stream over just that line.
 *
 * <p>Problems never escape: a malformed, truncated or non-object line is reported with its
 * file:line and skipped; a file whose first lines are not JSON at all is reported once as a
 * whole; a line with invalid UTF-8 is read again with replacement characters and counted as
 * repaired (its text matters less than its structure, so keeping it beats dropping it).
 */
public final class JsonLines {

  /** How a handler turns one line into something; called only from this class. */
  public interface Handler {
    /** Reads the line's value from the parser into the handler's scratch state. */
    void parse(JsonParser parser) throws IOException;

    /**
     * Keeps what {@link #parse} read; called only when the whole line was valid, so a truncated
     * line never leaves half its events behind. Returns false when the line is ignored.
     */
    boolean accept(long lineNumber);

    /**
     * Reads the line {@code bytes[from, to)} (no newline) without Jackson, when the handler
     * can: true only for a line Jackson would read without error, read to what {@link #parse}
     * reads; false (keeping nothing) to have it parsed.
     */
    default boolean scan(byte[] bytes, int from, int to) {
      return false;
    }
  }

  /** A line that is valid JSON but not what the reader expects; the message is the reason. */
  public static final class BadLineException extends IOException {
    private static final long serialVersionUID = 1L;

    public BadLineException(String reason) {
      super(reason);
    }
  }

  static final int BUFFER = 1 << 20;
  /**
   * Why a line that starts with a NUL byte was skipped. A crash or a disk error while a log was
   * written leaves runs of NUL bytes (and sometimes pieces of other files) where lines should be;
   * Jackson's own message for them ("Invalid UTF-32 character") would send a reader the wrong way.
   */
  static final String DAMAGED = "NUL bytes, not a line of the log (the file was damaged, for example"
      + " by a crash while it was written)";
  /** Leading lines that all fail (none looking like JSON) before a file is called "not JSON Lines". */
  static final int SNIFF_LINES = 5;

  private static final JsonFactory FACTORY = new FastParser.Factory(new JsonFactoryBuilder()
      // Tool results can be tens of MB; the default 20 M character cap would drop such lines. A
      // line deeper than 1,000 levels, with a number of over 1,000 digits or a field name of
      // over 50,000 chars (Jackson's other defaults) is still JSON, which the finder reads: so
      // is it here (nothing parses such a number, and the parser nests on the heap).
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(200_000_000)
          .maxNestingDepth(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE)
          .build()));

  private JsonLines() {}

  /** The shared parser factory (thread-safe), also for JSON nested inside JSON strings. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /**
   * The length in chars of the string value the parser is on, without decoding it when the
   * parser can measure raw bytes (lines parsed from the buffer).
   */
  public static int textLength(JsonParser parser) throws IOException {
    if (parser instanceof FastParser) {
      int length = ((FastParser) parser).measureString();
      if (length >= 0) {
        return length;
      }
    }
    return parser.getTextLength();
  }

  /** The value as a string when it is one; anything else is skipped and gives null. */
  public static String string(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** A token count: a non-negative integer that fits a long, else 0 (garbled counts count as none). */
  public static long count(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      p.skipChildren();
      return 0;
    }
    JsonParser.NumberType type = p.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      return 0;
    }
    long value = p.getLongValue();
    // Absurd counts (over a trillion) are garbage, not usage; they would swamp every total.
    return value < 0 || value > 1_000_000_000_000L ? 0 : value;
  }

  /** Skips the value the parser is on (object, array or string), as cheaply as it can. */
  public static void skip(JsonParser parser) throws IOException {
    if (parser instanceof FastParser) {
      FastParser fast = (FastParser) parser;
      if (parser.currentToken() == JsonToken.VALUE_STRING ? fast.measureString() >= 0 : fast.skipValue()) {
        return;
      }
    }
    parser.skipChildren();
  }

  /** Opens a file, through gunzip when its name ends in {@code .gz}. */
  public static InputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      try {
        return new GZIPInputStream(raw, 1 << 16);
      } catch (IOException e) {
        raw.close();
        throw e;
      }
    }
    return raw; // the reader's own buffer does the buffering
  }

  /**
   * Reads every line of a file into the handler and records the file in the report. Returns
   * true when the file was read as JSON Lines (possibly with skipped lines), false when the
   * whole file was skipped and reported.
   */
  public static boolean read(Path file, Handler handler, ReadReport report) {
    if (!Files.isRegularFile(file)) {
      report.skip(file, 0, Files.exists(file) ? "not a regular file, skipped" : "file not found, skipped");
      return false;
    }
    try (InputStream in = open(file)) {
      return new Run(file, handler, report, in, initialBuffer(file)).run();
    } catch (IOException | RuntimeException e) {
      report.skip(file, 0, "cannot open the file (" + describe(e) + "), skipped");
      return false;
    }
  }

  /**
   * Reads at most {@code maxLines} lines without reporting anything: a quick look at the head
   * of a file.
   */
  public static void peek(Path file, int maxLines, Handler handler) {
    peek(file, maxLines, handler, () -> false);
  }

  /** Like {@link #peek(Path, int, Handler)}, stopping as soon as {@code done} says so. */
  public static void peek(Path file, int maxLines, Handler handler, BooleanSupplier done) {
    peek(file, maxLines, handler, done, initialBuffer(file));
  }

  /**
   * Like {@link #peek(Path, int, Handler, BooleanSupplier)} for a look that is usually done
   * within the first lines: a small first buffer, grown for a longer line, so the look reads a
   * few kB of a large log, not 64 (and does not ask the file's size).
   */
  public static void glance(Path file, int maxLines, Handler handler, BooleanSupplier done) {
    peek(file, maxLines, handler, done, GLANCE);
  }

  private static final int GLANCE = 4096;

  private static void peek(Path file, int maxLines, Handler handler, BooleanSupplier done, int buffer) {
    try (InputStream in = open(file)) {
      Run run = new Run(file, handler, new ReadReport(), in, buffer);
      run.maxLines = maxLines;
      run.done = done;
      run.run();
    } catch (IOException | RuntimeException e) {
      // A head we cannot read tells the caller nothing; the full read reports the file.
    }
  }

  /**
   * The first buffer for a file: 64 kB, or less for a smaller file. A session log is often a
   * few kB; reading 580,000 of them (each peeked, then read) with 64 kB buffers allocated some
   * 75 GB and kept the garbage collector busier than the parser. The buffer grows on demand.
   */
  private static int initialBuffer(Path file) {
    int capacity = 64 * 1024;
    if (!file.getFileName().toString().endsWith(".gz")) {
      try {
        long size = Files.size(file);
        capacity = 4096;
        while (capacity < 64 * 1024 && capacity <= size) {
          capacity <<= 1;
        }
      } catch (IOException | RuntimeException e) {
        // unknown size: the default; opening the file reports what is wrong with it
      }
    }
    return capacity;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    message = message.strip();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    return message.length() > 160 ? message.substring(0, 160) + "…" : message;
  }

  /** One pass over one file. */
  private static final class Run {
    private final Path file;
    private final Handler handler;
    private final ReadReport report;
    private final InputStream in;
    private final List<String> heldFailures = new ArrayList<>();
    private final List<Long> heldLines = new ArrayList<>();
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private long lineNumber;
    private long bytes;
    private long parsed;
    private long ignored;
    private long repaired;
    private long lineSkips;
    private boolean anyJson;
    private long maxLines = Long.MAX_VALUE;
    private BooleanSupplier done = () -> false;

    Run(Path file, Handler handler, ReadReport report, InputStream in, int initialBuffer) {
      this.buf = new byte[initialBuffer];
      this.file = file;
      this.handler = handler;
      this.report = report;
      this.in = in;
    }

    boolean run() {
      int scanFrom = 0;
      try {
        while (lineNumber < maxLines && !done.getAsBoolean()) {
          int newline = indexOf(buf, scanFrom, end);
          if (newline >= 0) {
            line(start, newline);
            start = newline + 1;
            scanFrom = start;
            if (notJsonLines()) {
              return false;
            }
            continue;
          }
          if (eof) {
            if (start < end) {
              line(start, end);
              start = end;
            }
            break;
          }
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
          }
          if (end == buf.length) {
            if (buf.length < BUFFER) {
              buf = java.util.Arrays.copyOf(buf, Math.min(BUFFER, buf.length * 2));
            } else {
              longLine();
              scanFrom = 0;
              if (notJsonLines()) {
                return false;
              }
              continue;
            }
          }
          scanFrom = end;
          int n = in.read(buf, end, buf.length - end);
          if (n < 0) {
            eof = true;
          } else {
            end += n;
            bytes += n;
          }
        }
      } catch (IOException | RuntimeException e) {
        // A corrupt gzip or a failing disk: keep what was read, say where it stopped.
        flushHeld();
        report.skip(file, 0, lineNumber == 0 ? "could not be read (" + describe(e) + "), skipped"
            : "could not read past line " + lineNumber + " (" + describe(e) + "); the lines before it were kept");
        report.fileRead(lineNumber, parsed, ignored, repaired, bytes);
        return lineNumber > 0;
      }
      if (!anyJson && !heldFailures.isEmpty() && lineSkips == 0) {
        report.skip(file, 0, "not a JSON Lines log (no line is a JSON object), skipped");
        return false;
      }
      flushHeld();
      if (lineNumber == 0) {
        report.skip(file, 0, "empty file, skipped");
        return false;
      }
      report.fileRead(lineNumber, parsed, ignored, repaired, bytes);
      return true;
    }

    /** True (after reporting the file) when the first lines show this is not JSON Lines at all. */
    private boolean notJsonLines() {
      if (anyJson || heldFailures.size() < SNIFF_LINES || lineSkips > 0) {
        return false;
      }
      report.skip(file, 0, "not a JSON Lines log (its first " + SNIFF_LINES
          + " lines are not JSON objects), skipped");
      return true;
    }

    private void line(int from, int to) throws IOException {
      lineNumber++;
      if (to > from && buf[to - 1] == '\r') {
        to--;
      }
      int first = from;
      while (first < to && isSpace(buf[first])) {
        first++;
      }
      if (first == to) {
        ignored++;
        return;
      }
      if (handler.scan(buf, first, to)) {
        accepted();
        return;
      }
      if (buf[first] == 0) {
        fail(false, DAMAGED);
        return;
      }
      // A brace alone on its line opens a JSON document spread over many lines (an OpenCode
      // session, a pretty-printed export), not a log line cut short: the file is sniffed whole.
      boolean looksJson = buf[first] == '{' && !onlySpaces(buf, first + 1, to);
      // Invalid UTF-8 anywhere in the line (also in text only measured or skipped, which the
      // parser does not look at, and overlong forms, which it reads without a word) is read
      // again with replacement characters, as the finder's decoder reads it, and counted.
      if (!Utf8.isValid(buf, first, to)) {
        byte[] repaired = Utf8.repair(buf, first, to);
        try {
          parseLine(FACTORY.createParser(repaired, 0, repaired.length));
          if (this.repaired++ == 0) {
            report.repairedAt(file, lineNumber);
          }
        } catch (IOException | RuntimeException e) {
          fail(looksJson, reason(e));
        }
        return;
      }
      try {
        parseLine(FACTORY.createParser(buf, first, to - first));
      } catch (IOException | RuntimeException e) {
        fail(looksJson, reason(e));
      }
    }

    private void parseLine(JsonParser parser) throws IOException {
      try (parser) {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
          // Only a line that is JSON whole is "not a JSON object"; one that merely starts like a
          // string or an array is malformed or cut short (the finder parses the whole line first).
          parser.skipChildren();
          if (parser.nextToken() != null) {
            throw new BadLineException("malformed JSON");
          }
          throw new BadLineException("not a JSON object (" + describeToken(first) + ")");
        }
        handler.parse(parser);
        // A handler that stopped early: finish the object so truncation and garbage still show.
        while (!parser.getParsingContext().inRoot()) {
          if (parser.nextToken() == null) {
            break;
          }
        }
        if (parser.nextToken() != null) {
          throw new BadLineException("text after the JSON object");
        }
      }
      accepted();
    }

    private void accepted() {
      anyJson = true;
      flushHeld();
      if (handler.accept(lineNumber)) {
        parsed++;
      } else {
        ignored++;
      }
    }

    /** A line longer than the buffer: parse it from a stream that ends at its newline. */
    private void longLine() throws IOException {
      lineNumber++;
      long lineNo = lineNumber;
      LineStream stream = new LineStream(buf, end, in);
      String failure = null;
      if (buf[firstNonSpace(buf, end)] != 0) {
        Utf8.RepairingStream repairing = new Utf8.RepairingStream(stream);
        try {
          parseLine(FACTORY.createParser(repairing));
          if (repairing.replaced() && repaired++ == 0) {
            report.repairedAt(file, lineNo);
          }
        } catch (IOException | RuntimeException e) {
          failure = reason(e);
        }
      }
      stream.drain();
      // What the line held is known once it has been read to its end: a line of blanks, however
      // long, is ignored as a short one is; one that starts with a NUL byte is damage.
      if (stream.nonSpaces == 0) {
        ignored++;
      } else if (stream.firstNonSpace == 0) {
        failAt(lineNo, false, DAMAGED);
      } else if (failure != null) {
        failAt(lineNo, stream.firstNonSpace == '{' && stream.nonSpaces > 1, failure);
      }
      bytes += stream.bytesFromInput;
      // Bytes read past the newline belong to the next lines.
      System.arraycopy(stream.rest, stream.restStart, buf, 0, stream.restEnd - stream.restStart);
      start = 0;
      end = stream.restEnd - stream.restStart;
      eof = stream.eof;
    }

    private void fail(boolean looksJson, String reason) {
      failAt(lineNumber, looksJson, reason);
    }

    private void failAt(long lineNo, boolean looksJson, String reason) {
      if (!anyJson && !looksJson && lineSkips == 0) {
        heldFailures.add(reason);
        heldLines.add(lineNo);
        return;
      }
      flushHeld();
      lineSkips++;
      report.skip(file, lineNo, reason);
    }

    private void flushHeld() {
      for (int i = 0; i < heldFailures.size(); i++) {
        lineSkips++;
        report.skip(file, heldLines.get(i), heldFailures.get(i));
      }
      heldFailures.clear();
      heldLines.clear();
    }

    /**
     * Why a line failed, quoting nothing of the line: a parser's own message quotes the text it
     * stopped at, which can be a secret (a line that is a pasted key).
     */
    private static String reason(Exception e) {
      if (e instanceof BadLineException) {
        return e.getMessage();
      }
      String message = describe(e);
      // A syntax error's message quotes the line, so it is not repeated (the finder, whose parser
      // words its errors otherwise, says the same); another (a limit, a number too long) is.
      // Bytes the parser took for UTF-32 (a NUL after the first byte) are garbage too, said alike.
      String said = e instanceof JsonParseException || e instanceof java.io.CharConversionException ? ""
          : " (" + message + ")";
      if (message.contains("end-of-input") || message.contains("Unexpected end")) {
        return "truncated JSON" + said;
      }
      return "malformed JSON" + said;
    }

    private static String describeToken(JsonToken token) {
      if (token == null) {
        return "nothing";
      }
      switch (token) {
        case START_ARRAY:
          return "an array";
        case VALUE_STRING:
          return "a string";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "a number";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "a boolean";
        case VALUE_NULL:
          return "null";
        default:
          return token.asString() == null ? token.name() : token.asString();
      }
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * The next newline in {@code buf[from, to)}, or -1. Eight bytes at a time (the "has zero
   * byte" trick on {@code word ^ '\n'*8}): scanning for newlines was a quarter of read time.
   */
  static int indexOf(byte[] buf, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(buf, i) ^ NEWLINES;
      long found = (word - LOW_BITS) & ~word & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int firstNonSpace(byte[] buf, int to) {
    for (int i = 0; i < to; i++) {
      if (!isSpace(buf[i])) {
        return i;
      }
    }
    return 0;
  }

  private static boolean onlySpaces(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  /** The bytes of one long line: what is already buffered, then the input up to a newline. */
  private static final class LineStream extends InputStream {
    private final byte[] head;
    private final int headEnd;
    private int headPos;
    private final InputStream in;
    final byte[] rest = new byte[64 * 1024];
    int restStart;
    int restEnd;
    boolean eof;
    boolean lineDone;
    long bytesFromInput;
    /** Bytes other than blanks the line held, counted up to two, and the first of them. */
    int nonSpaces;
    byte firstNonSpace;

    LineStream(byte[] head, int headEnd, InputStream in) {
      this.head = head;
      this.headEnd = headEnd;
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = lineBytes(b, off, len);
      for (int i = off; nonSpaces < 2 && i < off + n; i++) {
        if (!isSpace(b[i])) {
          firstNonSpace = nonSpaces++ == 0 ? b[i] : firstNonSpace;
        }
      }
      return n;
    }

    private int lineBytes(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (headPos < headEnd) {
        int n = Math.min(len, headEnd - headPos);
        System.arraycopy(head, headPos, b, off, n);
        headPos += n;
        return n;
      }
      if (lineDone) {
        return -1;
      }
      if (restStart == restEnd) {
        if (eof) {
          lineDone = true;
          return -1;
        }
        int n = in.read(rest, 0, rest.length);
        if (n < 0) {
          eof = true;
          lineDone = true;
          return -1;
        }
        bytesFromInput += n;
        restStart = 0;
        restEnd = n;
      }
      int limit = Math.min(restEnd, restStart + len);
      for (int i = restStart; i < limit; i++) {
        if (rest[i] == '\n') {
          int n = i - restStart;
          System.arraycopy(rest, restStart, b, off, n);
          restStart = i + 1;
          lineDone = true;
          return n == 0 ? -1 : n;
        }
      }
      int n = limit - restStart;
      System.arraycopy(rest, restStart, b, off, n);
      restStart = limit;
      return n;
    }

    /** Skips what the parser left of the line, so reading resumes at the next line. */
    void drain() throws IOException {
      byte[] sink = new byte[8192];
      while (read(sink, 0, sink.length) >= 0) {
        // discard
      }
    }
  }
}
