package dev.personas.load.swechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blue.strategic.parquet.ParquetReader;
import dev.personas.load.ReadReport;
import dev.personas.sample.ParquetTable;
import dev.personas.sample.SampleGenerator;
import dev.personas.sample.SampleOptions;
import dev.personas.session.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projected Parquet path (only the columns a reader uses, text decoded when asked) reads the
 * same values as the general path through parquet-floor, which reads every column of every row.
 */
class ProjectedParquetTest {
  private static final List<String> ERROR_HEADS = List.of("<tool_use_error>", "Error:", "Error ");

  @TempDir Path dir;

  /** What one row reads as through one path: its values, its event, its error marker. */
  private record Read(long number, Map<String, Object> values, Event event, String mapError,
      boolean errorHead) {}

  private static List<Read> read(Path file, Set<String> columns, Set<String> compared) {
    List<Read> rows = new ArrayList<>();
    ReadReport report = new ReadReport();
    TurnMapper mapper = new TurnMapper();
    new TableReader().read(file, columns, row -> {
      Map<String, Object> values = new HashMap<>();
      for (String c : compared) {
        values.put(c, row.value(c));
      }
      Event event = null;
      String error = null;
      try {
        event = mapper.map(row);
      } catch (RuntimeException e) {
        error = e.getMessage();
      }
      rows.add(new Read(row.number(), values, event, error, row.startsWith("content", ERROR_HEADS)));
    }, report);
    assertEquals(0, report.skipCount(), report.summary());
    return rows;
  }

  private static void assertSameBothWays(Path file, Set<String> columns) {
    List<Read> general = read(file, null, columns);
    List<Read> projected = read(file, columns, columns);
    assertFalse(general.isEmpty());
    assertEquals(general, projected);
  }

  @Test
  void aGeneratedReleaseReadsTheSameThroughBothPaths() throws IOException {
    new SampleGenerator(new SampleOptions(200, 9, 4, 13L)).generate(dir);
    assertSameBothWays(dir.resolve("conversations.parquet"), ConversationGroups.COLUMNS);
    assertSameBothWays(dir.resolve("sessions.parquet"), SessionInfo.COLUMNS);
    assertSameBothWays(dir.resolve("repositories.parquet"), Set.of("name", "repo_id"));
  }

  @Test
  void edgeCasesOfTextReadTheSame() throws IOException {
    String spaces = " ".repeat(300);
    String longId = "session-" + "x".repeat(100);
    String multibyte = "é".repeat(127) + "€"; // 254 + 3 bytes: the 256-byte head cuts the euro sign
    List<Map<String, Object>> rows = new ArrayList<>();
    Object[][] cells = {
        // turn_type, content, char_count (null: measured from the content), session_id
        {"tool_result", spaces + "Error: late", null, "s1"},
        {"tool_result", "\u3000\u2003 <tool_use_error>" + "y".repeat(400), 5L, "s1"},
        {"tool_result", multibyte + "Error: not at the start", null, "s1"},
        {"tool_result", "Error " + multibyte.repeat(3), 12L, longId},
        {"tool_result", "   ", null, longId},
        {"tool_result", null, null, longId},
        {"assistant_response", "😀 emoji and ünïcode " + "z".repeat(500), null, "s2"},
        {"assistant_response", "", null, "s2"},
        {"user_prompt", "  <command-name>/init</command-name>", null, "s2"},
        {"user_prompt", "fix it", 6L, "s3"},
        {"system_event", "API Error: overloaded", null, "s3"},
        {"queue_operation", null, null, "s3"},
        {null, "no turn type", null, "s3"},
    };
    for (int i = 0; i < cells.length; i++) {
      rows.add(SweChatFixture.row("turn_id", "t" + i, "session_id", cells[i][3], "user_id", "u",
          "repo_id", i % 2 == 0 ? "r" : "", "turn_number", (long) i, "role", "assistant",
          "turn_type", cells[i][0], "content", cells[i][1],
          "timestamp", SweChatFixture.T0.plusMillis(1234L * i), "tool_name", "Bash",
          "char_count", cells[i][2], "prompt_pushback", i % 3 == 0));
    }
    Path file = dir.resolve("conversations.parquet");
    new ParquetTable("conversations", SweChatFixture.CONVERSATION_COLUMNS).write(file, rows);
    assertSameBothWays(file, ConversationGroups.COLUMNS);
    List<Read> projected = read(file, ConversationGroups.COLUMNS, Set.of("content"));
    assertTrue(projected.get(0).errorHead(), "white space beyond the head is looked past");
    assertTrue(projected.get(1).errorHead());
    assertFalse(projected.get(2).errorHead());
    assertTrue(projected.get(3).errorHead());
    assertFalse(projected.get(4).errorHead());
  }

  @Test
  void textsReadTheSameFromDictionaryEncodedAndPlainPages() throws IOException {
    // 10,000 rows: ids that come back after thousands of others, thousands of distinct commands,
    // multi-byte text at the 64-byte limit and past it, and a content column in both encodings.
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String command = i % 3 == 0 ? "git status" : "ls dir-" + (i * 7919 % 9000) + " é€";
      String path = i % 5 == 0 ? "é".repeat(32) : i % 5 == 1 ? "é".repeat(31) + "x"
          : i % 5 == 2 ? "é".repeat(33) : "a/" + (i % 97);
      rows.add(SweChatFixture.row("turn_id", "t" + i, "session_id", "s" + (i % 4500),
          "user_id", "u" + (i % 7), "repo_id", "r", "turn_number", (long) i, "role", "assistant",
          "turn_type", i % 2 == 0 ? "tool_use" : "tool_result",
          "content", i % 2 == 0 ? "c" + (i % 11) : "distinct " + i + " " + "x".repeat(200),
          "timestamp", SweChatFixture.T0.plusMillis(1000L * i), "tool_name", i % 3 == 0 ? "Bash" : "Read",
          "command", command, "file_path", path, "char_count", 2L));
    }
    Path file = dir.resolve("conversations.parquet");
    new ParquetTable("conversations", SweChatFixture.CONVERSATION_COLUMNS).write(file, rows);
    // The writer's dictionary for the content fills up: its first pages are dictionary-encoded,
    // the rest plain, and the reader goes from one to the other within the column chunk.
    try (ParquetFileReader footer = ParquetFileReader.open(ParquetReader.makeInputFile(file.toFile()))) {
      EncodingStats content = footer.getFooter().getBlocks().get(0).getColumns().stream()
          .filter(c -> c.getPath().toDotString().equals("content")).findFirst().orElseThrow()
          .getEncodingStats();
      assertTrue(content.hasDictionaryEncodedPages() && content.hasNonDictionaryEncodedPages());
    }
    assertSameBothWays(file, ConversationGroups.COLUMNS);
  }

  @Test
  void columnsNotAskedForReadAsAbsent() throws IOException {
    new SampleGenerator(new SampleOptions(100, 9, 4, 3L)).generate(dir);
    List<Object> turnIds = new ArrayList<>();
    new TableReader().read(dir.resolve("conversations.parquet"), Set.of("session_id"),
        row -> turnIds.add(row.value("turn_id")), new ReadReport());
    assertFalse(turnIds.isEmpty());
    turnIds.forEach(id -> assertNull(id));
  }

  @Test
  void aDetachedRowKeepsItsValuesAfterTheReadMovesOn() throws IOException {
    new SampleGenerator(new SampleOptions(100, 9, 4, 3L)).generate(dir);
    Path file = dir.resolve("conversations.parquet");
    Set<String> columns = ConversationGroups.COLUMNS;
    List<Row> kept = new ArrayList<>();
    new TableReader().read(file, columns, row -> kept.add(row.detached()), new ReadReport());
    List<Read> general = read(file, null, columns);
    assertEquals(general.size(), kept.size());
    for (int i = 0; i < kept.size(); i++) {
      for (String c : columns) {
        assertEquals(general.get(i).values().get(c), kept.get(i).value(c), c + " of row " + (i + 1));
      }
      assertEquals(general.get(i).number(), kept.get(i).number());
    }
  }
}
