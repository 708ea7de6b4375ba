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
  void bothViewsGiveTheSameFeaturesSaveWhatRowsCannotHold() {
    int identical = 0;
    for (String id : fromRows.keySet()) {
      FeatureVector rows = fromRows.get(id);
      FeatureVector transcript = fromTranscripts.get(id);
      Set<Feature> exempt = EnumSet.noneOf(Feature.class);
      if (transcript.get(Feature.PLAN_MODE) > rows.get(Feature.PLAN_MODE)) {
        // A permission-mode line is an event at the prompt's time: pauses before prompts shift.
        exempt.addAll(EnumSet.of(Feature.PLAN_MODE, Feature.MEDIAN_PAUSE_SECONDS, Feature.LATE_PAUSE_SECONDS));
      }
      if (!transcriptSessions.get(id).subagentIds().isEmpty()) {
        exempt.addAll(SUBAGENT_OR_MODE);
      }
      identical += exempt.isEmpty() ? 1 : 0;
      for (Feature f : Feature.values()) {
        if (!exempt.contains(f)) {
          assertEquals(transcript.get(f), rows.get(f), 1e-9, id + " " + f.key());
        }
      }
    }
    assertTrue(identical > fromRows.size() * 3 / 4, "sessions identical in every feature: " + identical);
  }

  @Test
  void planModeFromRowsCountsOnlyItsToolCalls() {
    for (String id : fromRows.keySet()) {
      assertTrue(fromRows.get(id).get(Feature.PLAN_MODE) <= fromTranscripts.get(id).get(Feature.PLAN_MODE), id);
    }
  }
}
