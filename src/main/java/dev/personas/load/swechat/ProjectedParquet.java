package dev.personas.load.swechat;

import blue.strategic.parquet.ParquetReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveStringifier;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads only the named columns of a flat Parquet file, row by row, as the values of one reused
 * {@link Row.Values}: no map per row, and no text decoded until a reader asks for it (most of a
 * conversations table's content is only measured, by its char_count). The values read are the
 * ones parquet-floor's reader gives for the same columns: text through the column's stringifier,
 * whole numbers and timestamps (as instants) alike.
 */
final class ProjectedParquet implements Row.Values, Closeable {
  /** Text up to this many bytes (ids, names, turn types) is kept from the previous row when equal. */
  private static final int REPEATED_TEXT_BYTES = 64;
  /** Bytes of a text decoded to answer {@link #startsWith} before the whole is decoded. */
  private static final int HEAD_BYTES = 256;
  private static final Object ABSENT = new Object();

  private final ParquetFileReader reader;
  private final GroupConverter converter;
  /** Per column, what receives a BINARY value (null for other types). */
  private final TextConverter[] texts;
  private final MessageType projection;
  private final String createdBy;
  private final Map<String, Integer> slots = new HashMap<>();
  private final ColumnDescriptor[] columns;
  private final PrimitiveTypeName[] types;
  private final PrimitiveStringifier[] stringifiers;
  private final boolean[] utf8;
  private final LogicalTypeAnnotation.TimeUnit[] timestampUnits;
  private final ColumnReader[] readers;
  /** The current row: a Binary, a boxed primitive or null per column, and its value once asked. */
  private final Object[] raw;
  /** Per column, the current value's id in its column chunk's dictionary, or -1. */
  private final int[] dictionaryIds;
  private final Object[] value;
  private final Binary[] lastText;
  private final String[] lastString;
  private long rowsLeftInGroup;
  private final byte[] head = new byte[HEAD_BYTES];

  /**
   * Whether a file with this schema can be read by this class: every column is a top-level,
   * non-repeated primitive (SWE-chat's tables are flat; anything else goes through the general
   * reader).
   */
  static boolean canRead(MessageType schema) {
    for (Type field : schema.getFields()) {
      if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
        return false;
      }
    }
    return true;
  }

  /** Opens the file for reading the wanted columns (those it has; the others read as absent). */
  static ProjectedParquet open(Path file, MessageType schema, Set<String> wanted) throws IOException {
    return new ProjectedParquet(file, schema, wanted);
  }

  private ProjectedParquet(Path file, MessageType schema, Set<String> wanted) throws IOException {
    List<Type> kept = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (wanted.contains(field.getName())) {
        kept.add(field);
      }
    }
    projection = new MessageType(schema.getName(), kept);
    reader = ParquetFileReader.open(ParquetReader.makeInputFile(file.toFile()));
    try {
      createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      reader.setRequestedSchema(projection);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
    List<ColumnDescriptor> descriptors = projection.getColumns();
    int n = descriptors.size();
    columns = descriptors.toArray(new ColumnDescriptor[0]);
    texts = new TextConverter[n];
    for (int i = 0; i < n; i++) {
      if (columns[i].getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
        texts[i] = new TextConverter();
      }
    }
    converter = new Columns(texts);
    dictionaryIds = new int[n];
    types = new PrimitiveTypeName[n];
    stringifiers = new PrimitiveStringifier[n];
    utf8 = new boolean[n];
    timestampUnits = new LogicalTypeAnnotation.TimeUnit[n];
    readers = new ColumnReader[n];
    raw = new Object[n];
    value = new Object[n];
    lastText = new Binary[n];
    lastString = new String[n];
    for (int i = 0; i < n; i++) {
      var type = columns[i].getPrimitiveType();
      slots.put(columns[i].getPath()[0], i);
      types[i] = type.getPrimitiveTypeName();
      stringifiers[i] = type.stringifier();
      LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
      utf8[i] = types[i] == PrimitiveTypeName.BINARY && logical instanceof StringLogicalTypeAnnotation;
      if (logical instanceof TimestampLogicalTypeAnnotation ts) {
        timestampUnits[i] = ts.getUnit();
      }
    }
  }

  /**
   * Moves to the next row; false at the end of the file. A corrupt page or an unsupported codec
   * throws, as parquet-floor's reader does ("Failed to read parquet").
   */
  boolean next() {
    try {
      while (rowsLeftInGroup == 0) {
        PageReadStore group = reader.readNextRowGroup();
        if (group == null) {
          return false;
        }
        rowsLeftInGroup = group.getRowCount();
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(group, converter, projection, createdBy);
        for (int i = 0; i < columns.length; i++) {
          readers[i] = store.getColumnReader(columns[i]);
        }
      }
      for (int i = 0; i < columns.length; i++) {
        ColumnReader in = readers[i];
        dictionaryIds[i] = -1;
        raw[i] = in.getCurrentDefinitionLevel() == columns[i].getMaxDefinitionLevel()
            ? read(in, i) : null;
        value[i] = ABSENT;
        in.consume();
      }
      rowsLeftInGroup--;
      return true;
    } catch (Exception e) {
      throw new RuntimeException("Failed to read parquet", e);
    }
  }

  private Object read(ColumnReader in, int i) {
    switch (types[i]) {
      case BINARY:
        // The converter hears a dictionary id (dictionary-encoded page) or the bytes (plain).
        TextConverter text = texts[i];
        in.writeCurrentValueToConverter();
        dictionaryIds[i] = text.id;
        return text.id >= 0 ? text.dictionary.decodeToBinary(text.id) : text.binary;
      case FIXED_LEN_BYTE_ARRAY, INT96:
        return in.getBinary();
      case BOOLEAN:
        return in.getBoolean();
      case DOUBLE:
        return in.getDouble();
      case FLOAT:
        return in.getFloat();
      case INT32:
        return in.getInteger();
      case INT64:
        return in.getLong();
      default:
        throw new IllegalArgumentException("Unsupported type: " + types[i]);
    }
  }

  @Override
  public Object get(String column) {
    Integer slot = slots.get(column);
    if (slot == null) {
      return null;
    }
    int i = slot;
    if (value[i] == ABSENT) {
      value[i] = convert(i);
    }
    return value[i];
  }

  private Object convert(int i) {
    Object v = raw[i];
    if (v instanceof Binary b) {
      return text(i, b);
    }
    if (timestampUnits[i] != null && v instanceof Number n) {
      return TableReader.toInstant(n.longValue(), timestampUnits[i]);
    }
    return v;
  }

  /**
   * The text of a value. A dictionary-encoded value is decoded once per distinct value of its
   * column chunk (ids, names, turn types, tool names and short commands repeat: that is why
   * Parquet writers dictionary-encode them); a plain one when it differs from the row before's.
   */
  private String text(int i, Binary b) {
    int id = dictionaryIds[i];
    if (id >= 0) {
      String[] decoded = texts[i].decoded;
      if (decoded[id] == null) {
        decoded[id] = stringifiers[i].stringify(b);
      }
      return decoded[id];
    }
    if (b.length() > REPEATED_TEXT_BYTES) {
      return stringifiers[i].stringify(b);
    }
    if (b.equals(lastText[i])) {
      return lastString[i];
    }
    String s = stringifiers[i].stringify(b);
    lastText[i] = Binary.fromConstantByteArray(b.getBytes());
    lastString[i] = s;
    return s;
  }

  /** Decodes only the first bytes of a long UTF-8 text when they settle the answer. */
  @Override
  public boolean startsWith(String column, List<String> prefixes) {
    Integer slot = slots.get(column);
    if (slot == null || value[slot] != ABSENT || !utf8[slot]
        || !(raw[slot] instanceof Binary b) || b.length() <= HEAD_BYTES) {
      return Row.Values.super.startsWith(column, prefixes);
    }
    ByteBuffer bytes = b.toByteBuffer();
    bytes.get(head, 0, HEAD_BYTES);
    String start = new String(head, 0, HEAD_BYTES, StandardCharsets.UTF_8).stripLeading();
    // A character cut at the end decodes differently; only an answer well before it counts.
    if (start.length() < Row.MAX_PREFIX + 4) {
      return Row.Values.super.startsWith(column, prefixes);
    }
    for (String prefix : prefixes) {
      if (start.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The current row's values, decoded, in a map that outlives the read. */
  @Override
  public Row.Values detached() {
    Map<String, Object> copy = new HashMap<>();
    for (String column : slots.keySet()) {
      copy.put(column, get(column));
    }
    return copy::get;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The converters of the projected columns: a {@link TextConverter} for each BINARY one. */
  private static final class Columns extends GroupConverter {
    private final PrimitiveConverter[] columns;

    Columns(TextConverter[] texts) {
      columns = new PrimitiveConverter[texts.length];
      for (int i = 0; i < texts.length; i++) {
        // Other types are read with the reader's getters and never reach their converter.
        columns[i] = texts[i] != null ? texts[i] : new PrimitiveConverter() {};
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return columns[fieldIndex];
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }

  /**
   * Receives a BINARY column's current value: with dictionary support, the column reader hands
   * over a dictionary-encoded value as its id, and a plain one as its bytes.
   */
  private static final class TextConverter extends PrimitiveConverter {
    Dictionary dictionary;
    /** The texts of the current dictionary's values, decoded when first asked. */
    String[] decoded;
    int id = -1;
    Binary binary;

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    /** Called for each column chunk that has a dictionary (one per row group). */
    @Override
    public void setDictionary(Dictionary dictionary) {
      this.dictionary = dictionary;
      this.decoded = new String[dictionary.getMaxId() + 1];
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      id = dictionaryId;
      binary = null;
    }

    @Override
    public void addBinary(Binary value) {
      id = -1;
      binary = value;
    }
  }
}
