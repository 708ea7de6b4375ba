package dev.personas.load.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.personas.load.JsonLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ClaudeScanner} against Jackson's reading of the same bytes ({@link ClaudeLine#parse}):
 * a line the scanner reads must be one Jackson reads without error, to the same fields; usual
 * lines must be read by the scanner; malformed ones must be left to Jackson.
 */
class ClaudeScannerTest {

  /** Lines of the usual shapes, as Claude Code writes them. */
  private static final List<String> USUAL = List.of(
      "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/w\","
          + "\"sessionId\":\"s1\",\"version\":\"2.0.55\",\"gitBranch\":\"main\",\"type\":\"user\","
          + "\"message\":{\"role\":\"user\",\"content\":\"fix the \\\"parser\\\"\\nplease \\u00e9\\ud83d\\ude00\"},"
          + "\"permissionMode\":\"default\",\"uuid\":\"u1\",\"timestamp\":\"2025-10-03T09:00:00.123Z\"}",
      "{\"type\":\"user\",\"uuid\":\"u2\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
          + "\"tool_use_id\":\"t1\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"},{\"type\":\"image\","
          + "\"source\":{\"text\":\"not counted\"}},[{\"text\":\"nor this\"}],{\"text\":{\"a\":1}}],"
          + "\"is_error\":true},{\"type\":\"text\",\"text\":\"<command-name>/x</command-name>\"}]},"
          + "\"toolUseResult\":{\"stdout\":\"a\\tb\",\"stderr\":\"\",\"interrupted\":false,\"isImage\":false}}",
      "{\"type\":\"assistant\",\"uuid\":\"u3\",\"requestId\":\"r\",\"message\":{\"model\":\"claude-sonnet-4-5\","
          + "\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\","
          + "\"name\":\"Bash\",\"input\":{\"command\":\"ls -la\",\"description\":\"list\"}},{\"type\":\"thinking\","
          + "\"thinking\":\"hm \\u2013 ok\",\"signature\":\"abc\"},{\"type\":\"text\",\"text\":\"done ✓ 😀\"}],"
          + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,"
          + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":12345,\"output_tokens\":7,"
          + "\"service_tier\":\"standard\",\"server_tool_use\":{\"web_search_requests\":0}}}}",
      "{\"type\":\"assistant\",\"message\":{\"model\":\"<synthetic>\",\"role\":\"assistant\",\"content\":"
          + "[{\"type\":\"text\",\"text\":\"API Error: 500\"}]},\"isApiErrorMessage\":true}",
      "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":\"plain words\"}}",
      "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
          + "\"name\":\"Edit\",\"input\":{\"file_path\":\"/a.py\",\"path\":\"/b.py\",\"old_string\":\"x\"}},"
          + "{\"type\":\"tool_use\",\"name\":\"Grep\",\"input\":{\"path\":\"/src\",\"pattern\":\"a\"}},"
          + "{\"type\":\"tool_use\",\"name\":\"NotebookEdit\",\"input\":{\"notebook_path\":\"/n.ipynb\"}}]}}",
      "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"timestamp\":\"2025-10-03T09:00:01Z\","
          + "\"sessionId\":\"s1\",\"content\":\"more\"}",
      "{\"type\":\"attachment\",\"attachment\":{\"type\":\"queued_command\",\"prompt\":\"more\",\"x\":[1,2]}}",
      "{\"type\":\"system\",\"subtype\":\"compact_boundary\",\"level\":\"error\",\"content\":\"API Error\","
          + "\"isMeta\":false,\"isCompactSummary\":true,\"reason\":\"r\",\"agentId\":\"a1\"}",
      "{\"type\":\"file-history-snapshot\",\"messageId\":\"m\",\"snapshot\":{\"messageId\":\"m\","
          + "\"trackedFileBackups\":{},\"timestamp\":\"2025-10-03T09:00:00Z\"},\"isSnapshotUpdate\":false}",
      "{\"type\":\"progress\",\"data\":{\"type\":\"hook_progress\",\"n\":[-1.5e3,0,-0,1E+2,0.25,true,null]},"
          + "\"timestamp\":\"2025-10-03T09:00:00Z\"}",
      "  {\"type\" : \"user\" ,\t\"message\" : { \"role\" : \"user\" , \"content\" : [ ] } }  \r",
      "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"usage\":{\"input_tokens\":-5,"
          + "\"output_tokens\":2000000000000,\"cache_read_input_tokens\":1.5,"
          + "\"cache_creation_input_tokens\":\"7\"}}}",
      "{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":999999999999,"
          + "\"output_tokens\":123456789012345678,\"cache_read_input_tokens\":[1],"
          + "\"cache_creation_input_tokens\":-0}}}",
      "{}",
      "{\"message\":{},\"attachment\":{},\"usage\":[]}");

  /** Lines Jackson reads differently from a plain reading, or rejects: never the scanner's. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"user\",\"isMeta\":{\"type\":\"x\"},\"uuid\":\"u\"}", // Jackson steps into it
      "{\"message\":{\"content\":[{\"is_error\":[1],\"id\":\"b\"}]}}",
      "{\"message\":{\"content\":[{\"input\":{\"file_path\":\"a\",\"path\":{\"command\":\"rm\"}}}]}}",
      "{\"\\u0074ype\":\"user\"}", // an escaped name
      "{\"type\":\"user\",}", // a trailing comma
      "{\"a\":[1,]}",
      "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":+1}",
      "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":NaN}",
      "{\"usage\":{\"input_tokens\":12345678901234567890}}",
      "{\"message\":{\"usage\":{\"input_tokens\":1234567890123456789}}}",
      "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}",
      "{\"a\":\"tab\tinside\"}", // a raw control character
      "{\"type\":\"user\"", "{\"type\":\"user\"} x", "{\"type\":\"user\"}{}", "[1]", "\"s\"",
      "{type:\"user\"}", "{'type':'user'}", "{\"type\" \"user\"}", "{\"type\":\"user\" \"a\":1}",
  })
  void linesJacksonReadsOtherwiseAreLeftToIt(String line) {
    assertEquals("declined", scanned(line.getBytes(StandardCharsets.UTF_8)), line);
  }

  @Test
  void usualLinesAreReadToWhatJacksonReads() throws IOException {
    for (String line : USUAL) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      String scanned = scanned(bytes);
      assertFalse(scanned.equals("declined"), line);
      assertEquals(jackson(bytes), scanned, line);
    }
  }

  @Test
  void malformedUtf8IsLeftToJackson() {
    String[] sequences = {"c0af", "c1bf", "80", "bf", "e08080", "eda080", "f08f8080", "f4908080",
        "f5808080", "ff", "e282", "c3", "f09f98"};
    for (String hex : sequences) {
      byte[] bad = HexFormat.of().parseHex(hex);
      for (String field : new String[] {"text", "content", "skipped", "type"}) {
        byte[] line = concat("{\"message\":{\"role\":\"assistant\",\"content\":[{\"" + field
            + "\":\"a", bad, "b\"}]}}");
        assertEquals("declined", scanned(line), hex + " in " + field);
      }
    }
    byte[] good = concat("{\"type\":\"", HexFormat.of().parseHex("c3a9e282acf09f9880"), "\"}");
    assertEquals("type=é€😀", scanned(good).lines().filter(l -> l.startsWith("type=")).findFirst().orElseThrow());
  }

  @Test
  void deepNestingIsLeftToJackson() throws IOException {
    String deep = "[".repeat(70) + "]".repeat(70);
    byte[] line = ("{\"type\":\"user\",\"data\":" + deep + "}").getBytes(StandardCharsets.UTF_8);
    assertEquals("declined", scanned(line));
    assertTrue(jackson(line).startsWith("type=user"));
    byte[] shallow = ("{\"type\":\"user\",\"data\":" + "[{\"a\":".repeat(20) + "1"
        + "}]".repeat(20) + "}").getBytes(StandardCharsets.UTF_8);
    assertEquals(jackson(shallow), scanned(shallow));
  }

  @Test
  void duplicateFieldsAndMessagesAreReadAsJacksonReadsThem() throws IOException {
    String line = "{\"type\":\"user\",\"type\":null,\"message\":{\"role\":\"user\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"a\"}]},\"message\":{\"content\":[{\"text\":\"b\"}],"
        + "\"role\":\"assistant\",\"content\":\"c\"}}";
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertEquals(jackson(bytes), scanned(bytes));
    assertTrue(scanned(bytes).contains("blocks=2"));
  }

  @Test
  void mutatedLinesAreReadAsJacksonReadsThemOrLeftToIt() throws IOException {
    Random random = new Random(20261203);
    byte[] interesting = "\"\\{}[],: 0-9e.tfnu/".getBytes(StandardCharsets.US_ASCII);
    byte[] odd = {0x00, 0x1f, (byte) 0x80, (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0xf0,
        (byte) 0xff, (byte) 0xed};
    int read = 0;
    int declined = 0;
    for (int n = 0; n < 30_000; n++) {
      byte[] line = USUAL.get(random.nextInt(USUAL.size())).getBytes(StandardCharsets.UTF_8);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && line.length > 1; e++) {
        int at = random.nextInt(line.length);
        byte with = random.nextInt(4) == 0 ? odd[random.nextInt(odd.length)]
            : interesting[random.nextInt(interesting.length)];
        switch (random.nextInt(4)) {
          case 0: line = splice(line, at, 1, new byte[0]); break;
          case 1: line = splice(line, at, 0, new byte[] {with}); break;
          case 2: line = splice(line, at, 1, new byte[] {with}); break;
          default: line = splice(line, at, line.length - at, new byte[0]);
        }
      }
      String scanned = scanned(line);
      if (scanned.equals("declined")) {
        declined++;
      } else {
        read++;
        assertEquals(jackson(line), scanned, new String(line, StandardCharsets.UTF_8));
      }
    }
    // Both paths are exercised: many mutations still leave valid JSON, many do not.
    assertTrue(read > 3_000, "read " + read);
    assertTrue(declined > 3_000, "declined " + declined);
  }

  private static String scanned(byte[] bytes) {
    // In the middle of a larger buffer, as lines are read, so nothing past the line is looked at.
    byte[] buffer = concat("{\"x\":1}\n", bytes, "\n\"garbage");
    ClaudeLine line = new ClaudeLine();
    int from = "{\"x\":1}\n".length();
    return line.scan(buffer, from, from + bytes.length) ? describe(line) : "declined";
  }

  /** What the line reads as with Jackson, or "error" when Jackson rejects it. */
  private static String jackson(byte[] bytes) {
    ClaudeLine line = new ClaudeLine();
    try (JsonParser p = JsonLines.factory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "error";
      }
      line.parse(p);
      while (!p.getParsingContext().inRoot()) {
        if (p.nextToken() == null) {
          break;
        }
      }
      return p.nextToken() == null ? describe(line) : "error";
    } catch (IOException | RuntimeException e) {
      return "error";
    }
  }

  private static String describe(ClaudeLine l) {
    StringBuilder s = new StringBuilder();
    s.append("type=").append(l.type).append("\nuuid=").append(l.uuid)
        .append("\nsessionId=").append(l.sessionId).append("\ntimestamp=").append(l.timestamp)
        .append("\nagentId=").append(l.agentId).append("\npermissionMode=").append(l.permissionMode)
        .append("\nrequestId=").append(l.requestId).append("\noperation=").append(l.operation)
        .append("\nsubtype=").append(l.subtype).append("\nlevel=").append(l.level)
        .append("\ncontent=").append(l.content).append("\nreason=").append(l.reason)
        .append("\nflags=").append(l.isSidechain).append(l.isMeta).append(l.isCompactSummary)
        .append(l.isApiErrorMessage)
        .append("\nattachment=").append(l.attachmentType).append('|').append(l.attachmentPrompt)
        .append("\nmessage=").append(l.hasMessage).append('|').append(l.messageId).append('|')
        .append(l.role).append('|').append(l.model).append('|').append(l.messageText).append('|')
        .append(l.messageTextLength).append('|').append(l.messageIsString)
        .append("\nusage=").append(l.hasUsage).append('|').append(l.inputTokens).append('|')
        .append(l.cacheCreationTokens).append('|').append(l.cacheReadTokens).append('|')
        .append(l.outputTokens)
        .append("\nblocks=").append(l.blockCount);
    for (int i = 0; i < l.blockCount; i++) {
      ClaudeLine.Block b = l.block(i);
      s.append("\n  ").append(b.type).append('|').append(b.text).append('|').append(b.textLength)
          .append('|').append(b.id).append('|').append(b.name).append('|').append(b.toolUseId)
          .append('|').append(b.command).append('|').append(b.filePath).append('|').append(b.isError);
    }
    return s.toString();
  }

  private static byte[] concat(Object... parts) {
    List<byte[]> arrays = new ArrayList<>();
    int n = 0;
    for (Object part : parts) {
      byte[] a = part instanceof byte[] ? (byte[]) part
          : part.toString().getBytes(StandardCharsets.UTF_8);
      arrays.add(a);
      n += a.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] a : arrays) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }

  private static byte[] splice(byte[] line, int at, int remove, byte[] insert) {
    byte[] out = new byte[line.length - remove + insert.length];
    System.arraycopy(line, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(line, at + remove, out, at + insert.length, line.length - at - remove);
    return out;
  }
}
