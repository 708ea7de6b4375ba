package dev.personas.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.load.codex.CodexReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Feeds every reader random and mutated lines (truncations, byte flips, wrong types for known
 * fields, huge numbers, nested garbage): nothing may escape, and every line read is parsed,
 * ignored or skipped.
 */
class ReaderFuzzTest {
  private static final List<String> SEEDS = List.of(
      "{\"type\":\"user\",\"uuid\":\"u1\",\"timestamp\":\"2025-10-03T09:00:00Z\",\"permissionMode\":\"plan\",\"message\":{\"role\":\"user\",\"content\":\"fix the bug\"}}",
      "{\"type\":\"user\",\"uuid\":\"u2\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"is_error\":true},{\"type\":\"text\",\"text\":\"<command-name>/x</command-name>\"}]}}",
      "{\"type\":\"assistant\",\"uuid\":\"u3\",\"requestId\":\"r\",\"message\":{\"id\":\"m\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{\"command\":\"ls\"}},{\"type\":\"thinking\",\"thinking\":\"hm\"}],\"usage\":{\"input_tokens\":5,\"output_tokens\":7}}}",
      "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"content\":\"more\"}",
      "{\"type\":\"attachment\",\"attachment\":{\"type\":\"queued_command\",\"prompt\":\"more\"}}",
      "{\"type\":\"system\",\"subtype\":\"compact_boundary\",\"level\":\"error\",\"content\":\"API Error\"}",
      "{\"timestamp\":\"2025-09-01T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"s\",\"cwd\":\"/w\"}}",
      "{\"timestamp\":\"2025-09-01T10:00:01Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call\",\"name\":\"shell\",\"arguments\":\"{\\\"command\\\":[\\\"bash\\\",\\\"-lc\\\",\\\"ls\\\"]}\",\"call_id\":\"c\"}}",
      "{\"timestamp\":\"x\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call_output\",\"call_id\":\"c\",\"output\":\"{\\\"output\\\":\\\"a\\\",\\\"metadata\\\":{\\\"exit_code\\\":1}}\"}}",
      "{\"timestamp\":\"2025-09-01T10:00:02Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":10,\"output_tokens\":3}}}}",
      "{\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"hi\"}}",
      "{\"type\":\"compacted\",\"payload\":{\"message\":\"sum\"}}");

  private static final String[] GARBAGE = {
    "null", "123456789012345678901234567890", "-1", "1e999", "[]", "{}", "\"\"", "true",
    "[[[[[[[[[[]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}", "\"\\ud800\"", "-9223372036854775809"
  };

  @Property(tries = 300, seed = "20261126")
  void noExceptionEscapesAndEveryLineIsAccountedFor(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int lineCount) throws IOException {
    Random random = new Random(seed);
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Path file = dir.resolve("rollout-f.jsonl");
      try (OutputStream out = Files.newOutputStream(file)) {
        // A valid first line, so the file is judged line by line, not as "not JSON Lines".
        out.write((SEEDS.get(random.nextInt(SEEDS.size())) + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < lineCount; i++) {
          out.write(mutate(SEEDS.get(random.nextInt(SEEDS.size())), random));
          out.write('\n');
        }
      }
      for (SessionReader reader : List.of(new ClaudeCodeReader(), new CodexReader())) {
        ReadReport report = new ReadReport();
        List<Object> sessions = new ArrayList<>();
        reader.read(file, sessions::add, report);
        assertEquals(lineCount, report.linesRead(), report.skips().toString());
        assertEquals(report.linesRead(),
            report.linesParsed() + report.linesIgnored() + report.lineSkipCount(),
            report.skips().toString());
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static byte[] mutate(String line, Random random) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(6)) {
      case 0:
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 1:
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
          byte b = (byte) random.nextInt(256);
          bytes[random.nextInt(bytes.length)] = b == '\n' ? (byte) 0xff : b;
        }
        return bytes;
      case 2: {
        // a known field given a value of the wrong type
        String[] fields = {"\"message\":", "\"content\":", "\"usage\":", "\"input\":", "\"payload\":",
            "\"type\":", "\"timestamp\":", "\"info\":", "\"input_tokens\":", "\"arguments\":"};
        String f = fields[random.nextInt(fields.length)];
        int at = line.indexOf(f);
        if (at < 0) {
          return bytes;
        }
        int valueStart = at + f.length();
        return (line.substring(0, valueStart) + GARBAGE[random.nextInt(GARBAGE.length)] + ","
            + "\"zz\":" + line.substring(valueStart)).getBytes(StandardCharsets.UTF_8);
      }
      case 3:
        return GARBAGE[random.nextInt(GARBAGE.length)].getBytes(StandardCharsets.UTF_8);
      case 4:
        return ("{\"type\":\"user\",\"x\":" + "[".repeat(random.nextInt(2000)) + "}").getBytes(StandardCharsets.UTF_8);
      default:
        return bytes;
    }
  }
}
