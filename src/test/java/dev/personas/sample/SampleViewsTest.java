package dev.personas.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.features.Feature;
import dev.personas.features.FeatureExtractor;
import dev.personas.features.FeatureVector;
import dev.personas.load.ReadReport;
import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.load.swechat.SweChatReader;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator writes each session twice from the same calls, as conversation rows and as a
 * Claude Code transcript; the project's readers of either view give the same features. What the
 * rows cannot carry is documented here: permission-mode lines (so plan mode counts only its
 * tool calls), subagent transcripts (their calls, times and tokens), and per-message tokens (the
 * sessions table's totals stand in for them).
 */
class SampleViewsTest {
  /** Features that count subagents' work or permission-mode lines, which rows do not hold. */
  private static final Set<Feature> SUBAGENT_OR_MODE = EnumSet.of(Feature.PLAN_MODE, Feature.DISTINCT_TOOLS,
      Feature.SHELL_SHARE, Feature.READ_SHARE, Feature.INPUT_TOKENS, Feature.OUTPUT_TOKENS,
      Feature.ACTIVE_MINUTES, Feature.WALL_MINUTES, Feature.TEST_RUNS, Feature.TESTS_PASS_AT_END,
      Feature.EDIT_ITERATIONS, Feature.WEB_LOOKUPS, Feature.TOOL_ERRORS, Feature.COMPACTIONS, Feature.API_ERRORS,
      Feature.FAILED_TEST_RUNS);

  @TempDir static Path dir;
  static final Map<String, FeatureVector> fromRows = new TreeMap<>();
  static final Map<String, FeatureVector> fromTranscripts = new TreeMap<>();
  static final Map<String, Session> transcriptSessions = new TreeMap<>();

  @BeforeAll
  static void readBothViews() throws IOException {
    new SampleGenerator(new SampleOptions(160, 9, 4, 3L), true).generate(dir);
    JsonNode truth = new ObjectMapper().readTree(dir.resolve(GroundTruthFile.NAME).toFile());
    List<String> noRows = new ArrayList<>();
    truth.get("noise").get("no_conversation_rows").forEach(n -> noRows.add(n.asText()));
    FeatureExtractor features = new FeatureExtractor();
    ReadReport report = new ReadReport();
    new SweChatReader(new ClaudeCodeReader()).read(dir, s -> {
      if (!noRows.contains(s.id())) {
        fromRows.put(s.id(), features.extract(s));
      }
    }, report);
    for (String id : fromRows.keySet()) {
      new ClaudeCodeReader().read(dir.resolve("transcripts").resolve(id + ".jsonl"), s -> {
        transcriptSessions.put(s.id(), s);
        fromTranscripts.put(s.id(), features.extract(s));
      }, new ReadReport());
    }
  }

  @Test
  void everySessionWithRowsIsReadBothWays() {
    assertTrue(fromRows.size() > 140, "sessions read from rows: " + fromRows.size());
    assertEquals(fromRows.keySet(), fromTranscripts.keySet());
  }

  @Test
  void sessionsWithoutSubagentsHaveTheSameFeaturesBothWaysSavePlanModeLines() {
    for (String id : fromRows.keySet()) {
      boolean plain = transcriptSessions.get(id).subagentIds().isEmpty();
      for (Feature f : Feature.values()) {
        if (f == Feature.PLAN_MODE || !plain && SUBAGENT_OR_MODE.contains(f)) {
          continue;
        }
        assertEquals(fromTranscripts.get(id).get(f), fromRows.get(id).get(f), 1e-9, id + " " + f.key());
      }
    }
  }

  @Test
  void planModeFromRowsCountsOnlyItsToolCalls() {
    for (String id : fromRows.keySet()) {
      assertTrue(fromRows.get(id).get(Feature.PLAN_MODE) <= fromTranscripts.get(id).get(Feature.PLAN_MODE), id);
    }
  }
}
