package dev.personas.load.swechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionReader;
import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * TEST DOUBLE standing in for the real Claude Code reader (built on another branch): reads user
 * lines whose content is a string as prompts, nothing else. Only for SweChatReader's tests.
 */
final class FakeTranscriptReader implements SessionReader {
  final List<Path> filesRead = new ArrayList<>();

  @Override
  public void read(Path path, Consumer<Session> sink, ReadReport report) {
    filesRead.add(path);
    List<Event> events = new ArrayList<>();
    String id = null;
    try {
      long number = 0;
      for (String line : Files.readAllLines(path)) {
        number++;
        JsonNode n;
        try {
          n = new ObjectMapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          report.skip(path, number, "not valid JSON");
          continue;
        }
        id = n.path("sessionId").asText(id);
        JsonNode content = n.path("message").path("content");
        if (n.path("type").asText().equals("user") && content.isTextual()) {
          events.add(Event.prompt(EventKind.PROMPT, Instant.parse(n.path("timestamp").asText()),
              content.asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    report.sessionRead();
    sink.accept(new Session(id, "local", "", Agent.CLAUDE_CODE, path, null, null, events,
        List.of(), null, List.of()));
  }
}
