package dev.personas.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
  /** Small but with every persona planted at least three times (21+ users). */
  static final SampleOptions SMALL = new SampleOptions(420, 24, 12, 7L);

  @TempDir static Path shared;
  static Path sample;
  static JsonNode truth;

  /** Written with every session's transcript beside its rows, so both views can be checked. */
  @BeforeAll
  static void generate() throws IOException {
    sample = shared.resolve("a");
    new SampleGenerator(SMALL, true).generate(sample);
    truth = new ObjectMapper().readTree(sample.resolve("ground-truth.json").toFile());
  }

  static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    Path again = shared.resolve("again");
    new SampleGenerator(SMALL, true).generate(again);
    Map<String, byte[]> a = tree(sample);
    Map<String, byte[]> b = tree(again);
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name), b.get(name), name);
    }
  }

  @Test
  void differentSeedsGiveDifferentSamples() throws IOException {
    Path other = shared.resolve("other");
    new SampleGenerator(new SampleOptions(SMALL.sessions(), SMALL.users(), SMALL.repos(), 8L)).generate(other);
    assertNotEquals(truth, new ObjectMapper().readTree(other.resolve("ground-truth.json").toFile()));
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(sample.resolve("sessions.parquet")),
        Files.readAllBytes(other.resolve("sessions.parquet"))));
  }

  @Test
  void withoutEveryTranscriptOnlySessionsWithoutRowsGetOneAndTheTablesAreTheSame() throws IOException {
    Path lean = shared.resolve("lean");
    new SampleGenerator(SMALL).generate(lean);
    Map<String, byte[]> full = tree(sample);
    Map<String, byte[]> tables = tree(lean);
    Set<String> expected = new HashSet<>();
    truth.get("noise").get("no_conversation_rows").forEach(id -> expected.add("transcripts/" + id.asText() + ".jsonl"));
    assertFalse(expected.isEmpty());
    Set<String> written = new HashSet<>();
    for (String name : tables.keySet()) {
      if (name.startsWith("transcripts/") && name.endsWith(".jsonl") && name.indexOf('/', 12) < 0) {
        written.add(name);
      }
      assertArrayEquals(full.get(name), tables.get(name), name);
    }
    assertEquals(expected, written);
  }

  @Test
  void conversationRowsKeepEachSessionTogetherInTurnOrder() throws IOException {
    Set<String> finished = new HashSet<>();
    String[] current = {null};
    long[] next = {0};
    Set<String> types = new HashSet<>();
    SampleTables.stream(sample.resolve("conversations.parquet"), row -> {
      String id = (String) row.get("session_id");
      if (!id.equals(current[0])) {
        assertTrue(finished.add(id), "rows of " + id + " are split");
        current[0] = id;
        next[0] = 0;
      }
      assertEquals(next[0]++, row.get("turn_number"));
      types.add((String) row.get("turn_type"));
    });
    Set<String> noRows = new HashSet<>();
    truth.get("noise").get("no_conversation_rows").forEach(id -> noRows.add(id.asText()));
    assertEquals(SMALL.sessions() - noRows.size(), finished.size());
    assertTrue(types.containsAll(Set.of("user_prompt", "assistant_response", "tool_use", "tool_result",
        "system_injected", "file_snapshot")), types.toString());
  }

  @Test
  void nimbusSessionsAreOneBotsTemplatedTickets() throws IOException {
    JsonNode machine = truth.get("machine_generated");
    assertEquals(SampleGenerator.NIMBUS, machine.get("repository").asText());
    assertEquals(Math.round(SMALL.sessions() * 0.015), machine.get("sessions").size());
    for (JsonNode id : machine.get("sessions")) {
      TranscriptSignals s = TranscriptSignals.of(sample.resolve("transcripts").resolve(id.asText() + ".jsonl"));
      assertTrue(s.prompts.get(0).startsWith("[nimbus-bot] TICKET NIM-"), s.prompts.get(0));
    }
  }

  @Test
  void groundTruthCoversEverySessionAndUserOfTheSessionsTable() throws IOException {
    List<Map<String, Object>> rows = sessionsTable();
    assertEquals(SMALL.sessions(), rows.size());
    Set<String> ids = rows.stream().map(r -> (String) r.get("session_id")).collect(Collectors.toSet());
    Set<String> users = rows.stream().map(r -> (String) r.get("user_id")).collect(Collectors.toSet());
    assertEquals(ids, fieldNames(truth.get("sessions")));
    assertEquals(users, fieldNames(truth.get("users")));
    assertEquals(SMALL.users(), users.size());
    for (String id : ids) {
      SessionType.fromSlug(truth.get("sessions").get(id).asText());
    }
    Map<Persona, Integer> personas = new EnumMap<>(Persona.class);
    truth.get("users").forEach(p -> personas.merge(Persona.fromSlug(p.asText()), 1, Integer::sum));
    for (Persona p : Persona.values()) {
      assertTrue(personas.getOrDefault(p, 0) >= 3, p + " has " + personas.get(p) + " users");
    }
    assertTrue(personas.get(Persona.SHOWRUNNER) > personas.get(Persona.PROMPT_MINIMALIST));
  }

  @Test
  void everyPlantedTypeShowsItsSignalsInTheTranscript() throws IOException {
    Set<String> offType = new HashSet<>();
    truth.get("noise").get("off_type").forEach(n -> offType.add(n.asText()));
    Map<SessionType, List<TranscriptSignals>> byType = new EnumMap<>(SessionType.class);
    truth.get("machine_generated").get("sessions").forEach(n -> offType.add(n.asText()));
    for (Map.Entry<String, JsonNode> e : truth.get("sessions").properties()) {
      if (!offType.contains(e.getKey())) {
        byType.computeIfAbsent(SessionType.fromSlug(e.getValue().asText()), t -> new ArrayList<>())
            .add(TranscriptSignals.of(sample.resolve("transcripts").resolve(e.getKey() + ".jsonl")));
      }
    }
    assertEquals(SessionType.values().length, byType.size(), byType.keySet().toString());
    for (TranscriptSignals s : byType.get(SessionType.MARATHON)) {
      assertTrue(s.prompts.size() >= 32, "marathon with " + s.prompts.size() + " prompts");
      assertTrue(s.activeTime.compareTo(Duration.ofMinutes(60)) >= 0, "marathon active " + s.activeTime);
    }
    for (TranscriptSignals s : byType.get(SessionType.CONSULT)) {
      assertEquals(0, s.count("Edit") + s.count("Write") + s.count("MultiEdit"), "consult edits: " + s.tools);
      assertTrue(s.prompts.stream().anyMatch(p -> p.contains("?")));
    }
    for (TranscriptSignals s : byType.get(SessionType.ONE_SHOT)) {
      assertTrue(s.prompts.size() <= 4, "one-shot " + s.prompts.size() + " " + s.tools);
      assertTrue(s.activeTime.compareTo(Duration.ofMinutes(30)) < 0, "one-shot active " + s.activeTime);
    }
    for (TranscriptSignals s : byType.get(SessionType.BLUEPRINT)) {
      String first = s.prompts.get(0);
      assertTrue(first.length() >= 400 && (first.contains("## ") || first.startsWith("Implement the following plan")), first);
      assertTrue(s.prompts.size() <= 3 && s.count("Edit") + s.count("Write") >= 3);
    }
    int specOnly = 0;
    for (TranscriptSignals s : byType.get(SessionType.SCAFFOLD)) {
      // Either plan mode, subagents and a todo list before the code, or a spec, a plan and a task
      // list written and no code at all.
      boolean writesOnlyDocs = !s.edited.isEmpty() && s.edited.stream().allMatch(f -> f.endsWith(".md"))
          && List.of("/spec.md", "/plan.md", "/tasks.md").stream().allMatch(d -> s.edited.stream().anyMatch(f -> f.endsWith(d)));
      specOnly += writesOnlyDocs ? 1 : 0;
      assertTrue(writesOnlyDocs
          || s.planMode && s.count("Task") >= 2 && s.count("TodoWrite") >= 1 && s.count("ExitPlanMode") <= 1, s.tools.toString());
    }
    assertTrue(specOnly > 0 && specOnly < byType.get(SessionType.SCAFFOLD).size(),
        "spec-only Scaffolds " + specOnly + " of " + byType.get(SessionType.SCAFFOLD).size());
    for (TranscriptSignals s : byType.get(SessionType.WORKSHOP)) {
      assertTrue(s.prompts.size() >= 4 && s.count("Edit") >= s.prompts.size(), s.prompts.size() + " " + s.tools);
      assertTrue(s.prompts.subList(1, s.prompts.size()).stream().allMatch(p -> p.lines().findFirst().orElse("").length() <= 120));
    }
    for (TranscriptSignals s : byType.get(SessionType.SPIRAL)) {
      long vague = s.prompts.stream().filter(p -> p.matches("(?s)(it still|still|same|fix it|nope|that didn.t).*")).count();
      assertTrue(vague >= 3, "spiral vague=" + vague);
    }
  }

  @Test
  void scaffoldSubagentsHaveTheirOwnSidechainTranscripts() throws IOException {
    try (Stream<Path> walk = Files.walk(sample.resolve("transcripts"))) {
      List<Path> agents = walk.filter(p -> p.getFileName().toString().startsWith("agent-")).collect(Collectors.toList());
      assertFalse(agents.isEmpty());
      JsonNode first = new ObjectMapper().readTree(Files.readAllLines(agents.get(0)).get(0));
      assertTrue(first.get("isSidechain").asBoolean());
      assertEquals(agents.get(0).getParent().getParent().getFileName().toString(), first.get("sessionId").asText());
    }
  }

  @Test
  void malformedLinesAreWhereTheGroundTruthSays() throws IOException {
    JsonNode files = truth.get("noise").get("malformed_files");
    assertTrue(files.size() >= 1);
    for (JsonNode f : files) {
      assertEquals(1, TranscriptSignals.of(sample.resolve(f.asText())).malformedLines, f.asText());
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Map<String, Object>> sessionsTable() throws IOException {
    Hydrator<Map<String, Object>, Map<String, Object>, String> h = new Hydrator<>() {
      public Map<String, Object> start() {
        return new HashMap<>();
      }

      public Map<String, Object> add(Map<String, Object> m, String k, Object v) {
        m.put(k, v);
        return m;
      }

      public Map<String, Object> finish(Map<String, Object> m) {
        return m;
      }
    };
    try (Stream<Map<String, Object>> rows = ParquetReader.streamContent(
        sample.resolve("sessions.parquet").toFile(), h, p -> String.join(".", p))) {
      return rows.collect(Collectors.toList());
    }
  }
}
