package dev.personas.load.swechat;

import dev.personas.load.ReadReport;
import dev.personas.sample.ParquetTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test): writes a conversations-shaped table of N rows (SWE-chat's columns,
 * 460 rows a session, prompt-sized to answer-sized content) as Parquet, JSONL and CSV, then
 * streams each through the SWE-chat reader's table and grouping stages and prints the median
 * rows/s of five runs. Run with bench/parquet-read.sh.
 */
public final class ParquetReadBench {
  private static final String[] TYPES = {"user_prompt", "assistant_response", "tool_use", "tool_result", "assistant_thinking"};

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("personas-bench-");
    List<Map<String, Object>> table = new ArrayList<>(rows);
    StringBuilder text = new StringBuilder();
    while (text.length() < 2000) {
      text.append("the quick brown fox jumps over the lazy dog ");
    }
    for (int i = 0; i < rows; i++) {
      String type = TYPES[i % TYPES.length];
      int len = 20 + Math.floorMod(i * 7919, 600);
      table.add(SweChatFixture.row("turn_id", "t" + i, "session_id", "s" + (i / 460), "user_id", "u" + (i / 460 % 190),
          "repo_id", "r" + (i / 460 % 200), "turn_number", (long) (i % 460), "role", type.startsWith("user") ? "user" : "assistant",
          "turn_type", type, "content", text.substring(0, len), "timestamp", SweChatFixture.T0.plusSeconds(i),
          "tool_name", type.equals("tool_use") ? "Bash" : null, "command", type.equals("tool_use") ? "npm test" : null,
          "word_count", (long) (len / 5), "char_count", (long) len));
    }
    Path parquet = dir.resolve("conversations.parquet");
    new ParquetTable("conversations", SweChatFixture.CONVERSATION_COLUMNS).write(parquet, table);
    Path jsonl = dir.resolve("conversations.jsonl");
    SweChatFixture.jsonl(jsonl, table);
    Path csv = dir.resolve("conversations.csv");
    SweChatFixture.csv(csv, SweChatFixture.CONVERSATION_COLUMNS, table);
    table = null;
    System.out.printf("rows=%d java=%s cores=%d%n", rows, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    for (Path file : List.of(parquet, jsonl, csv)) {
      long[] rates = new long[5];
      for (int run = 0; run < rates.length; run++) {
        long t0 = System.nanoTime();
        long[] events = {0};
        ReadReport report = new ReadReport();
        new ConversationGroups(SweChatReader.WINDOW_ROWS, SweChatReader.MAX_BUFFERED_EVENTS)
            .read(List.of(file), (id, first, ev, intents) -> events[0] += ev.size(), report);
        long ns = System.nanoTime() - t0;
        if (events[0] != rows || report.skipCount() != 0) {
          throw new IllegalStateException("read " + events[0] + " events, " + report.summary());
        }
        rates[run] = (long) (rows / (ns / 1e9));
      }
      Arrays.sort(rates);
      System.out.printf("%-22s %,12d bytes  median %,10d rows/s  (runs: %s)%n", file.getFileName(), Files.size(file),
          rates[2], Arrays.toString(rates));
    }
  }
}
