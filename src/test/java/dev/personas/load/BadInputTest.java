package dev.personas.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.load.codex.CodexReader;
import dev.personas.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  private static final String PROMPT =
      "{\"type\":\"user\",\"uuid\":\"%s\",\"sessionId\":\"s\",\"timestamp\":\"2025-10-03T09:00:00Z\","
          + "\"message\":{\"role\":\"user\",\"content\":\"%s\"}}";

  @TempDir Path dir;
  private final ReadReport report = new ReadReport();
  private final List<Session> sessions = new ArrayList<>();

  private static String prompt(String uuid, String text) {
    return String.format(PROMPT, uuid, text);
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private void readClaude(Path path) {
    new ClaudeCodeReader().read(path, sessions::add, report);
  }

  private List<String> located() {
    List<String> out = new ArrayList<>();
    report.skips().forEach(s -> out.add(s.file().getFileName() + ":" + s.line() + " " + s.reason()));
    return out;
  }

  @Test
  void truncatedLineIsReportedWithItsLocationAndTheSessionGoesOn() throws IOException {
    String whole = prompt("u2", "second");
    readClaude(write("s.jsonl", prompt("u1", "first"), whole.substring(0, whole.length() / 2), prompt("u3", "third")));
    assertEquals(1, sessions.size());
    assertEquals(2, sessions.get(0).typedPromptCount());
    assertEquals(1, report.lineSkipCount());
    assertTrue(located().get(0).startsWith("s.jsonl:2 truncated JSON"), located().toString());
  }

  @Test
  void nulBytesLeftByACrashAreReportedAsDamageAndTheLinesAfterThemAreRead() throws IOException {
    // A crash while the log was written: a run of NUL bytes, then a piece of some other file.
    String damage = "\0".repeat(3000) + " Done \u2014 the config was saved";
    readClaude(write("s.jsonl", prompt("u1", "first"), damage, "      \"model_messages\": {", prompt("u2", "second")));
    assertEquals(1, sessions.size());
    assertEquals(2, sessions.get(0).typedPromptCount());
    assertEquals(List.of("s.jsonl:2 " + JsonLines.DAMAGED, "s.jsonl:3 malformed JSON"), located());
  }

  @Test
  void textAfterTheObjectMakesTheLineMalformed() throws IOException {
    readClaude(write("s.jsonl", prompt("u1", "first"), prompt("u2", "x") + " trailing"));
    assertTrue(located().get(0).startsWith("s.jsonl:2 malformed JSON"), located().toString());
  }

  /**
   * A timestamp of a year no log was written in (java.time reads ±999999999) is no time: the line
   * is read as untimed, and the session is measured, not lost to an overflow of its minutes.
   */
  @Test
  void aTimestampBeyondYear9999IsNoTimeAndTheSessionIsStillMeasured() throws IOException {
    assertEquals(null, Timestamps.parse("+999999999-12-31T23:59:59Z"));
    assertEquals(null, Timestamps.parse("-999999999-01-01T00:00:00Z"));
    assertEquals("9999-12-31T23:59:59Z", String.valueOf(Timestamps.parse("9999-12-31T23:59:59Z")));
    readClaude(write("s.jsonl", prompt("u1", "first"),
        prompt("u2", "second").replace("2025-10-03T09:00:00Z", "+999999999-12-31T23:59:59Z"), prompt("u3", "third")));
    assertEquals(3, sessions.get(0).typedPromptCount());
    assertEquals(0.0, new dev.personas.features.FeatureExtractor().extract(sessions.get(0))
        .get(dev.personas.features.Feature.WALL_MINUTES));
  }

  /** A line that is a pasted secret is skipped and located; its reason quotes nothing of it. */
  @Test
  void aMalformedLineIsLocatedWithoutQuotingIt() throws IOException {
    String token = "ghp_A1b2C3d4E5f6G7h8I9j0A1b2C3d4E5f6G7h8";
    readClaude(write("s.jsonl", prompt("u1", "first"), "AKIAIOSFODNN7EXAMPLE", token + " oops",
        "{\"type\":\"user\", \"x\": " + token + "}", prompt("u2", "second")));
    assertEquals(List.of("s.jsonl:2 malformed JSON", "s.jsonl:3 malformed JSON", "s.jsonl:4 malformed JSON"), located());
    assertEquals(2, sessions.get(0).typedPromptCount());
  }

  @Test
  void fileThatIsNotJsonAtAllIsReportedOnceAsAWhole() throws IOException {
    String[] prose = new String[10_000];
    Arrays.fill(prose, "Dear diary, today the build was green.");
    readClaude(write("notes.jsonl", prose));
    assertEquals(1, report.skipCount());
    assertEquals(0, report.emptySessions(), "reported once, as not JSON Lines, not also as empty");
    assertTrue(located().get(0).startsWith("notes.jsonl:0 not a JSON Lines log"), located().toString());
    assertEquals(0, sessions.size());
  }

  /** An OpenCode session or a pretty-printed export: one JSON document over thousands of lines. */
  @Test
  void aJsonDocumentSpreadOverLinesIsReportedOnceAsAWhole() throws IOException {
    List<String> lines = new ArrayList<>(List.of("{", "  \"info\": {", "    \"id\": \"ses_1\",",
        "    \"directory\": \"/home/me/app\"", "  },", "  \"messages\": ["));
    for (int i = 0; i < 5_000; i++) {
      lines.add("    {\"role\": \"user\", \"text\": \"step " + i + "\"},");
    }
    lines.addAll(List.of("  ]", "}"));
    readClaude(write("full.jsonl", lines.toArray(String[]::new)));
    assertEquals(1, report.skipCount(), located().toString());
    assertTrue(located().get(0).startsWith("full.jsonl:0 not a JSON Lines log"), located().toString());
    assertEquals(0, sessions.size());
    // A brace alone is no JSON Lines log's opening, but a log line cut short still counts as one.
    readClaude(write("s.jsonl", prompt("u1", "first"), "{", prompt("u2", "second")));
    assertEquals(2, located().size(), located().toString());
    assertTrue(located().get(1).startsWith("s.jsonl:2 truncated JSON"), located().toString());
    assertEquals(2, sessions.get(0).typedPromptCount());
  }

  @Test
  void emptyAndMissingFilesAreOneSentenceEach() throws IOException {
    readClaude(Files.write(dir.resolve("empty.jsonl"), new byte[0]));
    readClaude(dir.resolve("missing.jsonl"));
    assertEquals(2, report.skipCount(), located().toString());
    assertTrue(located().get(1).contains("not found"), located().toString());
  }

  @Test
  void invalidUtf8IsReadWithReplacementCharactersAndCounted() throws IOException {
    byte[] good = prompt("u1", "caf\u00e9").getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = prompt("u2", "na\u00efve").getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("s.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(good);
      out.write('\n');
      out.write(latin1);
      out.write('\n');
    }
    readClaude(file);
    assertEquals(2, sessions.get(0).typedPromptCount());
    assertEquals(1, report.linesRepaired());
    assertEquals(0, report.skipCount());
    assertTrue(report.summary().endsWith("1 line had invalid UTF-8, read with replacement characters (at "
        + file + ":2)"), report.summary());
  }

  @Test
  void theFirstLineWithInvalidUtf8IsLocated() throws IOException {
    Path file = dir.resolve("s.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write((prompt("u1", "fine") + "\n").getBytes(StandardCharsets.UTF_8));
      out.write((prompt("u2", "na\u00efve") + "\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write((prompt("u3", "fa\u00e7ade") + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    readClaude(file);
    assertEquals(3, sessions.get(0).typedPromptCount());
    assertEquals(2, report.linesRepaired());
    assertTrue(report.summary().endsWith("2 lines had invalid UTF-8, read with replacement characters"
        + " (the first at " + file + ":2)"), report.summary());
  }

  /**
   * A bad byte in text the reader only measures (the agent's words, a tool's result) or skips is
   * found as one in a prompt is: the finder, which decodes each line whole, counts such lines.
   */
  @Test
  void invalidUtf8InTextOnlyMeasuredOrSkippedIsCountedToo() throws IOException {
    String agent = "{\"type\":\"assistant\",\"uuid\":\"a1\",\"sessionId\":\"s\",\"timestamp\":\"2025-10-03T09:00:01Z\","
        + "\"gitBranch\":\"ma\u0001in\",\"message\":{\"id\":\"m1\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"Done \u0001 now.\"}]}}";
    Path file = dir.resolve("s.jsonl");
    Files.write(file, withBadBytes(prompt("u1", "fine") + "\n" + agent + "\n", new byte[] {(byte) 0xFF}));
    readClaude(file);
    assertEquals(0, report.skipCount(), located().toString());
    assertEquals(1, report.linesRepaired(), report.summary());
    assertEquals("Done \ufffd now.".length(), sessions.get(0).events().get(1).textLength());
  }

  /**
   * Overlong forms and encoded surrogates, which Jackson reads without a word (an overlong '/'
   * as '/'), are invalid UTF-8: replaced as a browser's decoder replaces them, one U+FFFD for
   * each maximal bad part (two for C0 AF, three for ED A0 80, where the JDK's decoder writes one).
   */
  @Test
  void overlongFormsAndEncodedSurrogatesAreReplacedAsTheFinderReplacesThem() throws IOException {
    Path file = dir.resolve("s.jsonl");
    Files.write(file, withBadBytes(prompt("u1", "a\u0001b\u0001c") + "\n",
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    readClaude(file);
    assertEquals(1, report.linesRepaired(), report.summary());
    assertEquals("a\ufffd\ufffdb\ufffd\ufffd\ufffdc", sessions.get(0).events().get(0).text());
  }

  /** A line longer than the read buffer is repaired as a short one is, not skipped. */
  @Test
  void invalidUtf8InALineLongerThanTheBufferIsRepairedNotSkipped() throws IOException {
    Path file = dir.resolve("s.jsonl");
    Files.write(file, withBadBytes(prompt("u1", "x".repeat(3 << 20) + "\u0001") + "\n" + prompt("u2", "after") + "\n",
        new byte[] {(byte) 0xE2, (byte) 0x82}));
    readClaude(file);
    assertEquals(0, report.skipCount(), located().toString());
    assertEquals(1, report.linesRepaired(), report.summary());
    assertTrue(report.summary().endsWith("(at " + file + ":1)"), report.summary());
    assertEquals((3 << 20) + 1, sessions.get(0).events().get(0).textLength());
    assertEquals(2, sessions.get(0).typedPromptCount());
  }

  /** Blanks are no line however many: a line of them longer than the read buffer is ignored too. */
  @Test
  void aBlankLineLongerThanTheBufferIsIgnored() throws IOException {
    readClaude(write("s.jsonl", prompt("u1", "first"), " \t".repeat(1 << 20), prompt("u2", "second")));
    assertEquals(List.of(), located());
    assertEquals(2, sessions.get(0).typedPromptCount());
  }

  /** Long lines of no JSON that open a file make it no JSON Lines log, as short ones do. */
  @Test
  void aFileOpeningWithLongLinesOfNoJsonIsReportedOnceAsAWhole() throws IOException {
    String[] lines = new String[6];
    Arrays.fill(lines, 0, 5, "x".repeat(2 << 20));
    lines[5] = prompt("u1", "first");
    readClaude(write("s.jsonl", lines));
    assertEquals(1, report.skipCount(), located().toString());
    assertTrue(located().get(0).startsWith("s.jsonl:0 not a JSON Lines log"), located().toString());
    assertEquals(0, sessions.size());
  }

  /**
   * Valid JSON past Jackson's default limits (a number of 1,200 digits, a field name of 60,000
   * chars, 1,100 levels of nesting) is read, in both agents' logs, as the finder reads it.
   */
  @Test
  void validJsonPastJacksonsDefaultLimitsIsRead() throws IOException {
    String deep = "[".repeat(1100) + "]".repeat(1100);
    readClaude(write("s.jsonl", prompt("u1", "first"), prompt("u2", "second").replaceFirst("\\{", "{\"n\":" + "1".repeat(1200) + ","),
        prompt("u3", "third").replaceFirst("\\{", "{\"" + "k".repeat(60_000) + "\":1,"),
        prompt("u4", "fourth").replaceFirst("\\{", "{\"tree\":" + deep + ",")));
    assertEquals(List.of(), located());
    assertEquals(4, sessions.get(0).typedPromptCount());
    Path rollout = write("rollout-2025-10-01T09-00-00-0199e000-0000-7000-8000-000000000001.jsonl",
        "{\"timestamp\":\"2025-10-01T09:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"0199e000-0000-7000-8000-000000000001\"}}",
        "{\"timestamp\":\"2025-10-01T09:00:01Z\",\"type\":\"response_item\",\"tree\":" + deep + ",\"n\":" + "9".repeat(1200)
            + ",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"go\"}]}}");
    new CodexReader().read(rollout, sessions::add, report);
    assertEquals(List.of(), located());
    assertEquals(1, sessions.get(1).typedPromptCount());
  }

  /** The UTF-8 of {@code text} with each U+0001 replaced by the next of {@code bad}. */
  private static byte[] withBadBytes(String text, byte[]... bad) {
    var out = new java.io.ByteArrayOutputStream();
    int next = 0;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b == 1) {
        byte[] seq = bad[Math.min(next++, bad.length - 1)];
        out.write(seq, 0, seq.length);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  @Test
  void fiftyMegabyteLineIsReadByStreamingAndTheNextLinesStillCount() throws IOException {
    Path file = dir.resolve("big.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write((prompt("u1", "before") + "\n").getBytes(StandardCharsets.UTF_8));
      out.write("{\"type\":\"user\",\"uuid\":\"u2\",\"timestamp\":\"2025-10-03T09:00:01Z\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write("\"}]}}\n".getBytes(StandardCharsets.UTF_8));
      out.write((prompt("u3", "after") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    readClaude(file);
    assertEquals(0, report.skipCount(), located().toString());
    Session s = sessions.get(0);
    assertEquals(2, s.typedPromptCount());
    assertEquals(50 << 20, s.events().get(1).textLength());
  }

  @Test
  void corruptGzipIsAFileProblemAndKeepsWhatCameBefore() throws IOException {
    Path file = dir.resolve("s.jsonl.gz");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append(prompt("u" + i, "prompt number " + i + " with some words to make it longer")).append('\n');
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
      bytes[i] ^= 0x5a;
    }
    Files.write(file, bytes);
    readClaude(file);
    assertTrue(report.skips().stream().anyMatch(s -> s.line() == 0 && s.reason().contains("could not read past line")), located().toString());
  }

  /** A gzip damaged before its first line ends: the file could not be read, not "past line 0". */
  @Test
  void gzipDamagedAtItsStartIsSaidSo() throws IOException {
    Path file = dir.resolve("head.jsonl.gz");
    Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5});
    readClaude(file);
    assertTrue(report.skips().stream().anyMatch(s -> s.line() == 0 && s.reason().startsWith("could not be read (")),
        located().toString());
    assertTrue(report.skips().stream().noneMatch(s -> s.reason().contains("past line 0")), located().toString());
  }

  /**
   * Garbage lines are said as the finder says them, quoting nothing: a line that only starts like
   * JSON (a string, an array) is malformed or cut short, not "not a JSON object"; invalid UTF-8
   * that still is no JSON after repair, or that the parser takes for UTF-32, is malformed.
   */
  @Test
  void garbageIsMalformedJsonWhateverItStartsWith() throws IOException {
    Path file = dir.resolve("s.jsonl");
    byte[][] lines = {
        prompt("u1", "first").getBytes(StandardCharsets.UTF_8),
        bytes("oops", 0xff), bytes("{\"k\": tru", 0xff),
        "\"a string\" and more".getBytes(StandardCharsets.UTF_8), "[1, 2".getBytes(StandardCharsets.UTF_8),
        "\"one\" \"two\"".getBytes(StandardCharsets.UTF_8),
        bytes("r", 0, 0, 0, 0, 0xff, 0xff, 0xff), bytes("j", 0xd7), bytes("", 0xb5, 0xe8),
        "42".getBytes(StandardCharsets.UTF_8),
        prompt("u2", "second").getBytes(StandardCharsets.UTF_8)};
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    readClaude(file);
    assertEquals(2, sessions.get(0).typedPromptCount());
    assertEquals(List.of("s.jsonl:2 malformed JSON", "s.jsonl:3 malformed JSON", "s.jsonl:4 malformed JSON",
        "s.jsonl:5 truncated JSON", "s.jsonl:6 malformed JSON", "s.jsonl:7 malformed JSON", "s.jsonl:8 malformed JSON",
        "s.jsonl:9 malformed JSON", "s.jsonl:10 not a JSON object (a number)"), located());
  }

  private static byte[] bytes(String head, int... tail) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(start, start.length + tail.length);
    for (int i = 0; i < tail.length; i++) {
      all[start.length + i] = (byte) tail[i];
    }
    return all;
  }

  @Test
  void codexReaderReportsBadLinesTooAndNeverThrows() throws IOException {
    Path file = write("rollout-x.jsonl",
        "{\"timestamp\":\"2025-09-01T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"s1\",\"cwd\":\"/w\"}}",
        "{\"timestamp\":\"2025-09-01T10:00:01Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"hi\"}}",
        "{\"timestamp\":\"garbled\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"again\"}}",
        "{\"timestamp\":",
        "[1,2]");
    new CodexReader().read(file, sessions::add, report);
    assertEquals(2, sessions.get(0).typedPromptCount());
    assertEquals(2, report.lineSkipCount());
    assertTrue(located().get(0).startsWith("rollout-x.jsonl:4 truncated JSON"), located().toString());
    assertTrue(located().get(1).startsWith("rollout-x.jsonl:5 not a JSON object (an array)"), located().toString());
  }
}
