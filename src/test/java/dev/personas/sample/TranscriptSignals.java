package dev.personas.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The log-visible signals of one generated transcript, counted independently of the generator
 * (straight from the JSON lines, with RESEARCH.md §3's counting rules), so tests can check that
 * what was planted shows in the log.
 */
final class TranscriptSignals {
  final List<String> prompts = new ArrayList<>();
  final List<String> tools = new ArrayList<>();
  /** The file of every Edit, MultiEdit and Write, in order. */
  final List<String> edited = new ArrayList<>();
  int toolErrors;
  int malformedLines;
  boolean planMode;
  Duration activeTime = Duration.ZERO;

  static TranscriptSignals of(Path file) throws IOException {
    TranscriptSignals s = new TranscriptSignals();
    ObjectMapper json = new ObjectMapper();
    Instant last = null;
    for (String line : Files.readAllLines(file)) {
      JsonNode n;
      try {
        n = json.readTree(line);
      } catch (JsonProcessingException e) {
        s.malformedLines++;
        continue;
      }
      if (n.hasNonNull("timestamp")) {
        Instant t = Instant.parse(n.get("timestamp").asText());
        if (last != null && Duration.between(last, t).compareTo(Duration.ofMinutes(30)) <= 0) {
          s.activeTime = s.activeTime.plus(Duration.between(last, t));
        }
        last = t;
      }
      String type = n.path("type").asText();
      if (type.equals("queue-operation") && n.path("operation").asText().equals("enqueue")) {
        s.prompts.add(n.path("content").asText());
      }
      if (n.path("permissionMode").asText().equals("plan")) {
        s.planMode = true;
      }
      JsonNode content = n.path("message").path("content");
      if (type.equals("user") && content.isTextual() && !n.path("isMeta").asBoolean()
          && !n.path("isCompactSummary").asBoolean() && !content.asText().startsWith("<")) {
        s.prompts.add(content.asText());
      }
      for (JsonNode block : content.isArray() ? content : json.createArrayNode()) {
        if (block.path("type").asText().equals("tool_use")) {
          String name = block.path("name").asText();
          s.tools.add(name);
          if (name.equals("Edit") || name.equals("MultiEdit") || name.equals("Write")) {
            s.edited.add(block.path("input").path("file_path").asText());
          }
        }
        if (block.path("is_error").asBoolean()) {
          s.toolErrors++;
        }
      }
    }
    return s;
  }

  long count(String tool) {
    return tools.stream().filter(tool::equals).count();
  }
}
