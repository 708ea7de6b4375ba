package dev.personas.sample;

import blue.strategic.parquet.ParquetWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Files.deleteIfExists(file);
    try (ParquetWriter<Map<String, Object>> out =
        ParquetWriter.writeFile(schema(), file.toFile(), (row, values) -> {
          for (Column c : columns) {
            Object v = row.get(c.name());
            if (v != null) {
              values.write(c.name(), value(c, v));
            }
          }
        })) {
      for (Map<String, Object> row : rows) {
        out.write(row);
      }
    }
    sortFooterEncodings(file);
  }

  /**
   * parquet-mr lists each column chunk's encodings from a HashSet of enums, whose order changes
   * from one JVM run to the next; sorting the list in the footer (which is the file's tail, so no
   * offset moves) makes the same rows give the same bytes.
   */
  private static void sortFooterEncodings(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int start = bytes.length - 8 - length;
    FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, length));
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
    System.arraycopy(rewritten.toByteArray(), 0, bytes, start, length);
    Files.write(file, bytes);
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
