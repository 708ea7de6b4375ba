package dev.personas.load.swechat;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.personas.load.ReadReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Streams the rows of one table file (Parquet, JSONL or CSV, the last two optionally gzipped) in
 * file order. A row that cannot be parsed is reported with its file and row and skipped; a file
 * that cannot be read at all is reported once.
 */
final class TableReader {
  /** The file formats a table may come in, told apart by the file name. */
  enum Format {
    PARQUET,
    JSONL,
    CSV;

    /** The format a file name says, or null when it names none of them. */
    static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".gz")) {
        name = name.substring(0, name.length() - 3);
      }
      if (name.endsWith(".parquet")) {
        return PARQUET;
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
        return JSONL;
      }
      return name.endsWith(".csv") ? CSV : null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
      .build();

  /**
   * The columns a table file declares: a Parquet file's schema, a CSV file's header, the keys of
   * a JSONL file's first object. Empty when the file cannot tell (empty, unreadable: reading it
   * reports why).
   */
  java.util.Set<String> columns(Path file) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    try {
      switch (Format.of(file)) {
        case PARQUET -> ParquetReader.readMetadata(file.toFile()).getFileMetaData().getSchema()
            .getFields().forEach(f -> names.add(f.getName()));
        case CSV -> {
          try (BufferedReader in = new BufferedReader(reader(file))) {
            String header = in.readLine();
            if (header != null) {
              for (String name : header.split(",")) {
                names.add(name.trim().replace("\"", ""));
              }
            }
          }
        }
        case JSONL -> {
          try (BufferedReader in = new BufferedReader(reader(file))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
              if (!line.isBlank()) {
                JSON.readTree(line).fieldNames().forEachRemaining(names::add);
                break;
              }
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return java.util.Set.of();
    }
    return names;
  }

  /**
   * Hands every good row of the file to the sink, in file order; false when the file could not
   * be read to its end (reported).
   */
  boolean read(Path file, Consumer<Row> sink, ReadReport report) {
    return read(file, null, sink, report);
  }

  /**
   * Hands every good row of the file to the sink, in file order, with at least the named columns
   * (all when {@code columns} is null). A row from Parquet is valid only during the sink's call:
   * {@link Row#detached} keeps it. False when the file could not be read to its end: what it
   * held past that point is unknown (reported, and named in the summary).
   */
  boolean read(Path file, Set<String> columns, Consumer<Row> sink, ReadReport report) {
    Format format = Format.of(file);
    try {
      if (format == Format.PARQUET) {
        return readParquet(file, columns, sink, report);
      } else if (format == Format.JSONL) {
        return readJsonl(file, sink, report);
      } else if (format == Format.CSV) {
        readCsv(file, sink, report);
        return true;
      }
      report.skip(file, 0, "not a table file (expected .parquet, .jsonl or .csv)");
      return false;
    } catch (IOException | UncheckedIOException e) {
      report.skip(file, 0, "cannot be read: " + e.getMessage());
      // Rows before the damage may have been read (a gzip cut short): said as "to its end".
      lost(file, "to its end (" + firstLine(String.valueOf(e.getMessage())) + ")", report);
      return false;
    }
  }

  private static boolean readParquet(Path file, Set<String> columns, Consumer<Row> sink,
      ReadReport report) throws IOException {
    if (Files.size(file) == 0) {
      report.skip(file, 0, "empty file");
      return true; // nothing in it was lost
    }
    MessageType schema;
    try {
      schema = ParquetReader.readMetadata(file.toFile()).getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      report.skip(file, 0, "not a readable Parquet file: " + e.getMessage());
      lost(file, "at all (not a readable Parquet file)", report);
      return false;
    }
    if (columns != null && ProjectedParquet.canRead(schema)) {
      return readProjected(file, schema, columns, sink, report);
    }
    Map<String, Converter> converters = converters(schema);
    long rows = 0;
    boolean whole = true;
    Hydrator<Map<String, Object>, Map<String, Object>, String> hydrator = new Hydrator<>() {
      @Override
      public Map<String, Object> start() {
        return new HashMap<>();
      }

      @Override
      public Map<String, Object> add(Map<String, Object> row, String column, Object value) {
        Converter c = converters.get(column);
        row.put(column, c == null ? plain(value) : c.convert(value));
        return row;
      }

      @Override
      public Map<String, Object> finish(Map<String, Object> row) {
        return row;
      }
    };
    try (ParquetReader<Map<String, Object>, Map<String, Object>, String> rowsIn =
        ParquetReader.spliterator(file.toFile(), hydrator, path -> String.join(".", path))) {
      boolean more = true;
      while (more) {
        long number = rows + 1;
        try {
          more = rowsIn.tryAdvance(values -> sink.accept(new Row(file, number, values)));
        } catch (RuntimeException | LinkageError e) {
          // A corrupt page or an unsupported codec ends this file; what was read stays read.
          unreadableFrom(file, number, e, report);
          whole = false;
          break;
        }
        if (more) {
          rows++;
        }
      }
    }
    report.fileRead(rows, Files.size(file));
    return whole;
  }

  /** The named columns only, through {@link ProjectedParquet}; errors as the general path's. */
  private static boolean readProjected(Path file, MessageType schema, Set<String> columns,
      Consumer<Row> sink, ReadReport report) throws IOException {
    long rows = 0;
    boolean whole = true;
    try (ProjectedParquet rowsIn = ProjectedParquet.open(file, schema, columns)) {
      while (true) {
        long number = rows + 1;
        try {
          if (!rowsIn.next()) {
            break;
          }
        } catch (RuntimeException | LinkageError e) {
          unreadableFrom(file, number, e, report);
          whole = false;
          break;
        }
        rows++;
        sink.accept(new Row(file, number, rowsIn));
      }
    }
    report.fileRead(rows, Files.size(file));
    return whole;
  }

  /**
   * A table that cannot be read on is one skipped row in the count but may be a whole table's
   * sessions lost: the summary names it, whatever --verbose is.
   */
  private static void unreadableFrom(Path file, long number, Throwable e, ReadReport report) {
    String reason = describe(e);
    report.skip(file, number, "unreadable from this row on: " + reason);
    lost(file, (number == 1 ? "at all" : "past row " + (number - 1))
        + (reason.startsWith(CODEC) ? " (its compression codec is not supported: personas reads Snappy and uncompressed Parquet)"
            : " (" + firstLine(reason) + ")"), report);
  }

  private static void lost(Path file, String how, ReadReport report) {
    report.note(file.getFileName() + " could not be read " + how + ", so what it holds beyond that is missing");
  }

  private static final String CODEC = "compression codec not supported";

  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof LinkageError || message.contains("zstd") || message.contains("Codec")) {
      return CODEC + " (personas reads Snappy and uncompressed Parquet): " + message;
    }
    return message;
  }

  /** A conversion of a raw Parquet value, decided once per column from the file's schema. */
  private interface Converter {
    Object convert(Object raw);
  }

  private static Map<String, Converter> converters(MessageType schema) {
    Map<String, Converter> byColumn = new HashMap<>();
    for (Type field : schema.getFields()) {
      LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
      if (logical instanceof TimestampLogicalTypeAnnotation ts) {
        byColumn.put(field.getName(), raw -> raw instanceof Number n ? toInstant(n.longValue(), ts.getUnit()) : plain(raw));
      }
    }
    return byColumn;
  }

  static Instant toInstant(long value, LogicalTypeAnnotation.TimeUnit unit) {
    switch (unit) {
      case MILLIS:
        return Instant.ofEpochMilli(value);
      case MICROS:
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
      default:
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    }
  }

  private static Object plain(Object raw) {
    if (raw instanceof Binary b) {
      return b.toStringUsingUTF8();
    }
    if (raw instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return raw;
  }

  private static boolean readJsonl(Path file, Consumer<Row> sink, ReadReport report) throws IOException {
    long lineNumber = 0;
    long bytes = Files.size(file);
    boolean whole = true;
    try (BufferedReader in = new BufferedReader(reader(file), 1 << 16)) {
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (CharacterCodingException e) {
          report.skip(file, lineNumber + 1, "bytes that are not UTF-8; the rest of the file is skipped");
          whole = false;
          break;
        }
        if (line == null) {
          break;
        }
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          report.skip(file, lineNumber, "not valid JSON: " + e.getOriginalMessage());
          continue;
        }
        if (node == null || !node.isObject()) {
          report.skip(file, lineNumber, "not a JSON object");
          continue;
        }
        Map<String, Object> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonNode v = field.getValue();
          values.put(field.getKey(), v.isNull() ? null
              : v.isBoolean() ? (Object) v.booleanValue()
              : v.isIntegralNumber() ? (Object) v.longValue()
              : v.isNumber() ? (Object) v.doubleValue()
              : v.isTextual() ? v.textValue() : v.toString());
        }
        sink.accept(new Row(file, lineNumber, values));
      }
    }
    report.fileRead(lineNumber, bytes);
    return whole;
  }

  private static void readCsv(Path file, Consumer<Row> sink, ReadReport report) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    long rows = 0;
    try (Reader in = reader(file);
        var it = CSV.readerFor(Map.class).with(schema).<Map<String, Object>>readValues(in)) {
      while (true) {
        long line = it.getCurrentLocation() == null ? rows + 2 : it.getCurrentLocation().getLineNr();
        try {
          if (!it.hasNextValue()) {
            break;
          }
          Map<String, Object> values = it.nextValue();
          rows++;
          sink.accept(new Row(file, it.getCurrentLocation().getLineNr(), values));
        } catch (RuntimeJsonMappingException | IOException e) {
          report.skip(file, line, "not a valid CSV row: " + firstLine(e.getMessage()));
          rows++;
        }
      }
    }
    report.fileRead(rows, Files.size(file));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Reader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }
}
