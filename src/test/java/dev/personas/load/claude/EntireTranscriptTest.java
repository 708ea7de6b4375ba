package dev.personas.load.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.classify.Classification;
import dev.personas.classify.RuleThresholds;
import dev.personas.classify.TypeRules;
import dev.personas.features.Feature;
import dev.personas.features.FeatureExtractor;
import dev.personas.features.FeatureVector;
import dev.personas.load.ReadReport;
import dev.personas.load.SourceFormat;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entire's own transcript format (transcript.jsonl, Entire CLI 0.8.42 and later) read as the
 * Claude Code log it was made from. The two checkpoints under src/test/resources/real (MIT,
 * JanDeDobbeleer/oh-my-posh) hold each session in both forms, written at the same checkpoint;
 * the first is the real corpus's S1074.
 */
class EntireTranscriptTest {
  private static final Path REPO = Path.of("src", "test", "resources", "real", "JanDeDobbeleer+oh-my-posh");
  private static final Path S1074 = REPO.resolve("97/40999d4333/1");
  private static final Path ERRANDS = REPO.resolve("2a/a26a271985/0");
  /** Entire keeps each tool call's result on the call: the result's own time is lost. */
  private static final Set<Feature> TIMED = Set.of(Feature.ACTIVE_MINUTES, Feature.WALL_MINUTES);

  @TempDir Path dir;

  private static List<Session> read(Path path, ReadReport report) {
    List<Session> sessions = new ArrayList<>();
    new ClaudeCodeReader().read(path, sessions::add, report);
    return sessions;
  }

  private static FeatureVector features(Path file) {
    List<Session> sessions = read(file, new ReadReport());
    assertEquals(1, sessions.size(), file.toString());
    return new FeatureExtractor().extract(sessions.get(0));
  }

  @Test
  void aTranscriptGivesTheFeaturesOfTheClaudeCodeLogItWasMadeFrom() {
    TypeRules rules = new TypeRules(RuleThresholds.AUTHORED);
    for (Path checkpoint : List.of(S1074, ERRANDS)) {
      FeatureVector log = features(checkpoint.resolve("full.jsonl"));
      FeatureVector transcript = features(checkpoint.resolve("transcript.jsonl"));
      for (Feature f : Feature.values()) {
        if (TIMED.contains(f)) {
          assertEquals(log.get(f), transcript.get(f), 0.01, checkpoint + " " + f.key());
        } else if (f == Feature.INPUT_TOKENS) {
          // Entire keeps a message's fresh input tokens, not the cache reads and writes.
          assertTrue(transcript.get(f) < log.get(f), checkpoint + " " + f.key());
        } else {
          assertEquals(log.get(f), transcript.get(f), 1e-9, checkpoint + " " + f.key());
        }
      }
      assertEquals(Classification.of("log", rules.scores(log)).type(),
          Classification.of("transcript", rules.scores(transcript)).type(), checkpoint.toString());
    }
    FeatureVector errands = features(ERRANDS.resolve("transcript.jsonl"));
    // The skill's loaded instructions are Claude Code's (isMeta in its log), not a second prompt;
    // the failed shell call is a tool error; "[Request interrupted by user for tool use]" an interrupt.
    assertEquals(1, errands.get(Feature.PROMPTS));
    assertEquals(1, errands.get(Feature.TOOL_ERRORS));
    assertEquals(1, errands.get(Feature.INTERRUPTS));
    assertEquals(665, errands.get(Feature.OUTPUT_TOKENS));
  }

  @Test
  void aCheckpointHoldingBothFormsIsOneSessionKnownByItsLogsId() throws IOException {
    Path checkpoint = dir.resolve("97/40999d4333/1");
    Files.createDirectories(checkpoint);
    for (String name : List.of("full.jsonl", "transcript.jsonl")) {
      Files.copy(S1074.resolve(name), checkpoint.resolve(name));
    }
    ReadReport report = new ReadReport();
    List<Session> sessions = read(dir, report);
    assertEquals(1, sessions.size());
    assertEquals("df0a6e5d-bba0-4488-b540-8f55f98b5b1b", sessions.get(0).id());
    assertEquals(checkpoint.resolve("full.jsonl"), sessions.get(0).source());
    assertEquals(1, report.sessionCopies());
  }

  @Test
  void laterCheckpointsOfOneTranscriptAreOneSessionReadFromTheLongest() throws IOException {
    List<String> lines = Files.readAllLines(ERRANDS.resolve("transcript.jsonl"));
    Path earlier = dir.resolve("2a/a26a271985/0/transcript.jsonl");
    Path later = dir.resolve("5b/0000000000/0/transcript.jsonl");
    Files.createDirectories(earlier.getParent());
    Files.createDirectories(later.getParent());
    // The earlier checkpoint caught the last call before its result came: not a prefix of the later.
    List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 1));
    cut.set(cut.size() - 1, cut.get(cut.size() - 1).replaceAll(",\"result\":\\{[^}]*\\}", ""));
    Files.write(earlier, cut);
    List<String> more = new ArrayList<>(lines);
    more.add(lines.get(0).replace("Investigate this issue again", "And the other issue"));
    Files.write(later, more);
    ReadReport report = new ReadReport();
    List<Session> sessions = read(dir, report);
    assertEquals(1, sessions.size());
    assertEquals(later, sessions.get(0).source());
    assertEquals("42af435f-095a-45de-b79a-a869483c2477", sessions.get(0).id());
    assertEquals(1, report.sessionCopies());
    assertEquals(2, new FeatureExtractor().extract(sessions.get(0)).get(Feature.PROMPTS));
  }

  /** A transcript beside its session's own log, named after the session in a project folder, is that session. */
  @Test
  void aTranscriptOfASessionWhoseLogIsInAProjectFolderIsThatSession() throws IOException {
    Path log = dir.resolve("projects/-home-jan/18c09453-70ae-4c1d-813b-4361687351ee.jsonl");
    Path transcript = dir.resolve("2a/a26a271985/0/transcript.jsonl");
    Files.createDirectories(log.getParent());
    Files.createDirectories(transcript.getParent());
    Files.copy(ERRANDS.resolve("full.jsonl"), log);
    Files.copy(ERRANDS.resolve("transcript.jsonl"), transcript);
    ReadReport report = new ReadReport();
    List<Session> sessions = read(dir, report);
    assertEquals(List.of("18c09453-70ae-4c1d-813b-4361687351ee"), sessions.stream().map(Session::id).toList());
    assertEquals(1, report.sessionCopies());
  }

  /** Every Entire line goes to the parser, which reads its fields; the scanner would read it as no message. */
  @Test
  void theScannerLeavesEveryEntireLineToTheParser() {
    for (String line : List.of(
        "{\"v\":1,\"agent\":\"claude-code\",\"type\":\"assistant\",\"ts\":\"2026-07-26T07:43:27Z\",\"id\":\"m\",\"input_tokens\":1000}",
        "{\"v\":1,\"agent\":\"claude-code\",\"type\":\"user\",\"content\":[{\"id\":\"p\",\"text\":\"go\"}]}")) {
      byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertFalse(new ClaudeLine().scan(bytes, 0, bytes.length), line);
    }
  }

  /** A folder whose first logs are Entire transcripts of other agents is still told by the Claude Code one among them. */
  @Test
  void transcriptsOfOtherAgentsDoNotHideAFoldersClaudeCodeTranscript() throws IOException {
    for (int i = 0; i < 25; i++) {
      Path other = dir.resolve(String.format("0%02d/0/transcript.jsonl", i));
      Files.createDirectories(other.getParent());
      Files.writeString(other, "{\"v\":1,\"agent\":\"codex\",\"type\":\"user\",\"ts\":\"2026-08-19T01:17:32Z\","
          + "\"content\":[{\"text\":\"hello\"}]}\n");
    }
    Path claude = dir.resolve("2a/a26a271985/0/transcript.jsonl");
    Files.createDirectories(claude.getParent());
    Files.copy(ERRANDS.resolve("transcript.jsonl"), claude);
    assertEquals(Optional.of(SourceFormat.CLAUDE_CODE), SourceFormat.detect(dir));
    List<Session> sessions = new ArrayList<>();
    ReadReport report = dev.personas.study.Sources.loader().load(List.of(dir), Optional.empty(), sessions::add);
    assertEquals(1, sessions.size(), report.summary());
    // Given alone, another agent's transcript is named for what it is.
    report = dev.personas.study.Sources.loader().load(List.of(dir.resolve("000/0/transcript.jsonl")), Optional.empty(), s -> { });
    assertTrue(report.skips().get(0).reason().startsWith("an Entire transcript of codex's session"), report.skips().toString());
  }

  @Test
  void aTranscriptIsToldByItsLinesAndOnlyClaudeCodesAreRead() throws IOException {
    assertEquals(Optional.of(SourceFormat.CLAUDE_CODE), SourceFormat.detect(ERRANDS.resolve("transcript.jsonl")));
    Path codex = dir.resolve("codex/transcript.jsonl");
    Files.createDirectories(codex.getParent());
    Files.writeString(codex, "{\"v\":1,\"agent\":\"codex\",\"cli_version\":\"0.9.0\",\"type\":\"user\","
        + "\"ts\":\"2026-08-19T01:17:32.535Z\",\"content\":[{\"text\":\"hello\"}]}\n");
    assertEquals(Optional.empty(), SourceFormat.detect(codex));
    // Read as Claude Code's all the same (as --format would), its lines carry nothing.
    ReadReport report = new ReadReport();
    assertEquals(List.of(), read(codex, report));
    assertEquals(1, report.emptySessions());
  }
}
