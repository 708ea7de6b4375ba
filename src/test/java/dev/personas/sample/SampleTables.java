package dev.personas.sample;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.io.api.Binary;

/** Reads a generated sample's Parquet tables with parquet-floor alone, not the project's reader. */
final class SampleTables {
  private SampleTables() {}

  /** Every row of a small table. */
  static List<Map<String, Object>> all(Path file) throws IOException {
    try (Stream<Map<String, Object>> rows = ParquetReader.streamContent(file.toFile(), HYDRATOR, p -> String.join(".", p))) {
      return rows.collect(Collectors.toList());
    }
  }

  /** Streams a large table's rows, one at a time. */
  static void stream(Path file, Consumer<Map<String, Object>> sink) throws IOException {
    try (Stream<Map<String, Object>> rows = ParquetReader.streamContent(file.toFile(), HYDRATOR, p -> String.join(".", p))) {
      rows.forEach(sink);
    }
  }

  private static final Hydrator<Map<String, Object>, Map<String, Object>, String> HYDRATOR = new Hydrator<>() {
    @Override
    public Map<String, Object> start() {
      return new HashMap<>();
    }

    @Override
    public Map<String, Object> add(Map<String, Object> row, String column, Object value) {
      row.put(column, value instanceof Binary b ? b.toStringUsingUTF8() : value);
      return row;
    }

    @Override
    public Map<String, Object> finish(Map<String, Object> row) {
      return row;
    }
  };
}
