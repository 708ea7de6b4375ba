package dev.personas.me;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claude Code logs of real size for a person the synthetic sample cannot produce: its sessions
 * are far smaller than real ones (5 prompts on average; a real Marathon in the labelled corpus
 * has 44 or more), so nobody in it reads as a Marathon. Long building sessions of many short
 * steering prompts, each followed by an edit and now and then a test run.
 */
final class LongSessions {
  private LongSessions() {}

  /** Writes {@code sessions} logs of {@code prompts} prompts, three minutes apart, into {@code dir}. */
  static List<Path> write(Path dir, int sessions, int prompts) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      String id = String.format("0000000%d-long-4000-8000-00000000000%d", s, s);
      Instant at = Instant.parse("2026-10-0" + (s + 1) + "T09:00:00Z");
      List<String> lines = new ArrayList<>();
      for (int p = 0; p < prompts; p++) {
        String file = "src/orders/handler" + (p % 4) + ".py";
        String ask = p == 0 ? "Let's build the order export. Start with the data model."
            : p % 3 == 0 ? "now add validation to export_orders in " + file : "good, next part";
        lines.add(user(id, at, ask, p));
        at = at.plusSeconds(40);
        lines.add(assistant(id, at, p, file, p % 5 == 4));
        at = at.plusSeconds(140);
      }
      Path f = dir.resolve(id + ".jsonl");
      Files.write(f, lines, StandardCharsets.UTF_8);
      files.add(f);
    }
    return files;
  }

  private static String user(String session, Instant at, String text, int n) {
    return "{\"type\":\"user\",\"timestamp\":\"" + at + "\",\"sessionId\":\"" + session + "\",\"uuid\":\"u" + n
        + "\",\"cwd\":\"/home/dev/shop\",\"message\":{\"role\":\"user\",\"content\":\"" + text + "\"}}";
  }

  private static String assistant(String session, Instant at, int n, String file, boolean test) {
    String tool = test
        ? "{\"type\":\"tool_use\",\"id\":\"t" + n + "\",\"name\":\"Bash\",\"input\":{\"command\":\"pytest -q\"}}"
        : "{\"type\":\"tool_use\",\"id\":\"t" + n + "\",\"name\":\"Edit\",\"input\":{\"file_path\":\"" + file
            + "\",\"old_string\":\"a\",\"new_string\":\"b\"}}";
    String result = "{\"type\":\"user\",\"timestamp\":\"" + at.plusSeconds(5) + "\",\"sessionId\":\"" + session
        + "\",\"uuid\":\"r" + n + "\",\"cwd\":\"/home/dev/shop\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":"
        + "\"tool_result\",\"tool_use_id\":\"t" + n + "\",\"content\":\"" + (test ? "12 passed" : "ok") + "\"}]}}";
    return "{\"type\":\"assistant\",\"timestamp\":\"" + at + "\",\"sessionId\":\"" + session + "\",\"uuid\":\"a" + n
        + "\",\"requestId\":\"q" + n + "\",\"cwd\":\"/home/dev/shop\",\"message\":{\"id\":\"m" + n
        + "\",\"role\":\"assistant\",\"content\":[" + tool + "],\"usage\":{\"input_tokens\":900,\"output_tokens\":80}}}\n"
        + result;
  }
}
