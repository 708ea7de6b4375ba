package dev.personas.load.swechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.load.ReadReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationGroupsTest {
  @TempDir Path dir;

  private Path table(String... sessionIds) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < sessionIds.length; i++) {
      rows.add(SweChatFixture.row("session_id", sessionIds[i], "turn_number", (long) i,
          "turn_type", "user_prompt", "content", "p" + i));
    }
    Path file = dir.resolve("conversations.jsonl");
    SweChatFixture.jsonl(file, rows);
    return file;
  }

  @Test
  void interleavedSessionsWithinTheWindowAreReassembled() throws IOException {
    Path file = table("a", "b", "a", "b", "a", "c");
    Map<String, Integer> sizes = new TreeMap<>();
    List<String> order = new ArrayList<>();
    ReadReport report = new ReadReport();
    new ConversationGroups(3, 100).read(List.of(file), (id, first, events, intents) -> {
      order.add(id);
      sizes.put(id, events.size());
    }, report);
    assertEquals(Map.of("a", 3, "b", 2, "c", 1), sizes);
    assertEquals(3, order.size());
    assertEquals(0, report.skipCount());
  }

  @Test
  void aRowFarBehindItsSessionIsReportedNotMisplaced() throws IOException {
    Path file = table("a", "b", "b", "b", "b", "a");
    Map<String, Integer> sizes = new TreeMap<>();
    ReadReport report = new ReadReport();
    new ConversationGroups(2, 100).read(List.of(file), (id, first, events, intents) -> sizes.put(id, events.size()), report);
    assertEquals(Map.of("a", 1, "b", 4), sizes);
    assertEquals(1, report.skipCount());
    assertEquals(6, report.skips().get(0).line());
    assertTrue(report.skips().get(0).reason().contains("not grouped by session"));
  }
}
