package dev.personas.sample;

import blue.strategic.parquet.ParquetWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes one table as a Snappy-compressed Parquet file, the way SWE-chat publishes its tables:
 * optional columns of strings, whole numbers, doubles, booleans and UTC timestamps
 * (microseconds, as pyarrow writes pandas datetimes). Used by the sample generator and by tests.
 */
public final class ParquetTable {
  /** The value types a column can hold. */
  public enum Type {
    STRING,
    LONG,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP
  }

  /** A column: its name and type. */
  public record Column(String name, Type type) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  private final String name;
  private final List<Column> columns;

  /** A table named {@code name} (the Parquet schema name) with these columns, in this order. */
  public ParquetTable(String name, List<Column> columns) {
    this.name = Objects.requireNonNull(name, "name");
    this.columns = List.copyOf(columns);
  }

  /**
   * Writes the rows (column name to value; a missing or null value is written as null) to the
   * file, replacing it. Values are String, Number, Boolean or Instant as the column's type says.
   */
  public void write(Path file, List<Map<String, Object>> rows) throws IOException {
    try (Rows out = open(file)) {
      for (Map<String, Object> row : rows) {
        out.write(row);
      }
    }
  }

  /** Opens the file (replacing it) for rows written one at a time: a table too big to hold. */
  public Rows open(Path file) throws IOException {
    Files.deleteIfExists(file);
    return new Rows(file, ParquetWriter.writeFile(schema(), file.toFile(), (row, values) -> {
      for (Column c : columns) {
        Object v = row.get(c.name());
        if (v != null) {
          values.write(c.name(), value(c, v));
        }
      }
    }));
  }

  /** A table being written; closing it finishes the file. */
  public static final class Rows implements AutoCloseable {
    private final Path file;
    private final ParquetWriter<Map<String, Object>> out;

    private Rows(Path file, ParquetWriter<Map<String, Object>> out) {
      this.file = file;
      this.out = out;
    }

    /** Appends one row (see {@link ParquetTable#write}). */
    public void write(Map<String, Object> row) throws IOException {
      out.write(row);
    }

    @Override
    public void close() throws IOException {
      out.close();
      sortFooterEncodings(file);
    }
  }

  /**
   * parquet-mr lists each column chunk's encodings from a HashSet of enums, whose order changes
   * from one JVM run to the next; sorting the list in the footer (which is the file's tail, so no
   * offset moves) makes the same rows give the same bytes.
   */
  private static void sortFooterEncodings(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, ch.size() - 8);
      int length = tail.getInt(0);
      long start = ch.size() - 8 - length;
      ByteBuffer bytes = ByteBuffer.allocate(length);
      ch.read(bytes, start);
      FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes.array()));
      for (RowGroup group : footer.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
        }
      }
      ByteArrayOutputStream rewritten = new ByteArrayOutputStream(length);
      Util.writeFileMetaData(footer, rewritten);
      if (rewritten.size() != length) {
        throw new IOException("Parquet footer of " + file + " changed size when sorted");
      }
      ch.write(ByteBuffer.wrap(rewritten.toByteArray()), start);
    }
  }

  private static Object value(Column c, Object v) {
    switch (c.type()) {
      case STRING:
        return v.toString();
      case LONG:
        return ((Number) v).longValue();
      case DOUBLE:
        return ((Number) v).doubleValue();
      case BOOLEAN:
        return (Boolean) v;
      default:
        Instant t = (Instant) v;
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }
  }

  private MessageType schema() {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (Column c : columns) {
      switch (c.type()) {
        case STRING:
          b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
          break;
        case LONG:
          b.optional(PrimitiveTypeName.INT64).named(c.name());
          break;
        case DOUBLE:
          b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
          break;
        case BOOLEAN:
          b.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
          break;
        default:
          b.optional(PrimitiveTypeName.INT64)
              .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
              .named(c.name());
      }
    }
    return b.named(name);
  }
}
