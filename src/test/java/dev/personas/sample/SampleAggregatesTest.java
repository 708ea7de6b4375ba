package dev.personas.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.features.ToolCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample, counted from its own Parquet files (parquet-floor, not the project's
 * reader), meets SWE-chat v2's published aggregates (RESEARCH.md §2): 12.9 typed prompts and 114
 * tool calls a session within 10 %, every tool category within 1.5 points of its published share
 * (nimbus left out, as published), the release's scale, its machine-generated repository, its
 * sessions without conversation rows, and its annotations in range.
 */
class SampleAggregatesTest {
  static Path root;
  static List<Map<String, Object>> sessions;
  static final Map<String, long[]> perSession = new HashMap<>(); // prompts, tool calls
  static final Map<ToolCategory, Long> categories = new EnumMap<>(ToolCategory.class);
  static final Map<String, Long> intents = new TreeMap<>();
  static long laterPrompts;
  static long pushbacks;
  static JsonNode truth;

  @BeforeAll
  static void countTheSample() throws IOException {
    root = BundledSample.root();
    truth = new ObjectMapper().readTree(root.resolve(GroundTruthFile.NAME).toFile());
    sessions = SampleTables.all(root.resolve("sessions.parquet"));
    Set<String> seenPrompt = new HashSet<>();
    SampleTables.stream(root.resolve("conversations.parquet"), row -> {
      String id = (String) row.get("session_id");
      long[] counts = perSession.computeIfAbsent(id, k -> new long[2]);
      String type = (String) row.get("turn_type");
      if (type.equals("user_prompt") && row.get("prompt_intent") != null) {
        counts[0]++;
        intents.merge((String) row.get("prompt_intent"), 1L, Long::sum);
        if (!seenPrompt.add(id)) {
          laterPrompts++;
          pushbacks += Boolean.TRUE.equals(row.get("prompt_pushback")) ? 1 : 0;
        }
      } else if (type.equals("tool_use")) {
        counts[1]++;
        if (!SampleGenerator.NIMBUS.equals(row.get("repo_id"))) {
          categories.merge(ToolCategory.of((String) row.get("tool_name"), (String) row.get("command")), 1L, Long::sum);
        }
      }
    });
    System.out.println("sample aggregates: " + describe());
  }

  static String describe() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("prompts %.2f, tool calls %.2f;", mean(0), mean(1)));
    long total = categories.values().stream().mapToLong(Long::longValue).sum();
    for (ToolCategory c : ToolCategory.values()) {
      b.append(String.format(" %s %.1f/%.1f", c.label(), 100.0 * categories.getOrDefault(c, 0L) / total, c.publishedShare()));
    }
    b.append("; intents ").append(intents).append(String.format("; pushback %.3f", (double) pushbacks / laterPrompts));
    return b.toString();
  }

  static double mean(int which) {
    return perSession.values().stream().mapToLong(c -> c[which]).average().orElse(0);
  }

  @Test
  void promptsAndToolCallsPerSessionAreWithinTenPercentOfThePublishedMeans() {
    assertEquals(12.9, mean(0), 1.29, describe());
    assertEquals(114, mean(1), 11.4, describe());
  }

  @Test
  void everyToolCategoryIsWithinOneAndAHalfPointsOfItsPublishedShare() {
    long total = categories.values().stream().mapToLong(Long::longValue).sum();
    for (ToolCategory c : ToolCategory.values()) {
      assertEquals(c.publishedShare(), 100.0 * categories.getOrDefault(c, 0L) / total, 1.5, c.label() + ": " + describe());
    }
  }

  @Test
  void theSampleHasTheReleasesScale() throws IOException {
    SampleOptions o = BundledSample.OPTIONS;
    assertEquals(o.sessions(), sessions.size());
    assertEquals(o.users(), sessions.stream().map(r -> r.get("user_id")).distinct().count());
    assertEquals(o.repos(), SampleTables.all(root.resolve("repositories.parquet")).size());
    assertEquals(o.sessions(), truth.get("sessions").size());
    assertEquals(o.users(), truth.get("users").size());
    assertTrue(SampleTables.all(root.resolve("checkpoints.parquet")).size() >= o.sessions());
  }

  @Test
  void nimbusIsOneUsersMachineGeneratedRepository() {
    long nimbus = sessions.stream().filter(r -> SampleGenerator.NIMBUS.equals(r.get("repo_id"))).count();
    assertEquals(0.015, (double) nimbus / sessions.size(), 0.005);
    assertEquals(1, sessions.stream().filter(r -> SampleGenerator.NIMBUS.equals(r.get("repo_id")))
        .map(r -> r.get("user_id")).distinct().count());
    assertEquals(nimbus, truth.get("machine_generated").get("sessions").size());
  }

  @Test
  void sessionsWithoutConversationRowsHaveOnlyTheirTranscript() throws IOException {
    JsonNode noRows = truth.get("noise").get("no_conversation_rows");
    assertEquals(0.015, (double) noRows.size() / sessions.size(), 0.006);
    for (JsonNode id : noRows) {
      assertTrue(!perSession.containsKey(id.asText()), id.asText());
      assertTrue(Files.isRegularFile(root.resolve("transcripts").resolve(id.asText() + ".jsonl")), id.asText());
    }
    assertEquals(sessions.size(), perSession.size() + noRows.size());
    try (var files = Files.list(root.resolve("transcripts"))) {
      assertEquals(noRows.size(), files.filter(p -> p.toString().endsWith(".jsonl")).count(),
          "only the sessions without rows have transcripts");
    }
    assertTrue(truth.get("noise").get("malformed_files").size() >= 1);
  }

  @Test
  void annotationsAreInRangeAtTheReleasesRates() {
    int humanOnly = 0;
    int vibe = 0;
    int succeeded = 0;
    Set<Object> personas = new HashSet<>();
    for (Map<String, Object> s : sessions) {
      double pct = (Double) s.get("agent_percentage");
      long success = (Long) s.get("session_success");
      assertTrue(pct >= 0 && pct <= 100 && success >= 0 && success <= 100, s.toString());
      humanOnly += pct == 0 ? 1 : 0;
      vibe += pct >= 99 ? 1 : 0;
      succeeded += success >= 50 ? 1 : 0;
      personas.add(s.get("user_persona"));
    }
    int n = sessions.size();
    assertEquals(0.23, (double) humanOnly / n, 0.04, "human-only");
    assertEquals(0.41, (double) vibe / n, 0.04, "vibe coding");
    assertEquals(0.875, (double) succeeded / n, 0.03, "success >= 50");
    assertEquals(Set.of("Expert Nitpicker", "Vague Requester", "Mind Changer", "Other"), personas);
    assertEquals(Set.of("create new code", "debug", "refactor", "understand", "connect", "test", "git", "other"),
        intents.keySet());
    String top = intents.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertEquals("understand", top, intents.toString());
    assertEquals(0.40, (double) pushbacks / laterPrompts, 0.05, "pushback after the first prompt");
  }
}
