package dev.personas.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.load.SessionLoader;
import dev.personas.session.Event;
import dev.personas.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt-level study's reading of each typed prompt: its text, the detectors' flags as the
 * Java reader computes them, and the agent's tool calls since the prompt before ("EDIT:" marks an
 * edit). A research tool, not part of the program; it sits in the features package to reach its
 * package-private detectors. From the project root, after {@code mvn -q package -DskipTests}:
 *
 * <pre>
 * python3 corpus/labelling/prompt_batches.py manifest .refetch/files /tmp/pd/manifest.tsv
 * javac -d /tmp/pd -cp target/personas.jar corpus/labelling/PromptDump.java
 * java -cp target/personas.jar:/tmp/pd dev.personas.features.PromptDump /tmp/pd/manifest.tsv /tmp/pd/prompts.jsonl
 * </pre>
 */
public final class PromptDump {
  private static final int MAX_CALL_CHARS = 200;

  private PromptDump() {}

  /** args: a manifest (session, agent, file stem, files…, tab-separated) and the JSONL to write. */
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    SessionLoader loader = SessionLoader.withReaders(Map.of());
    try (var out = Files.newBufferedWriter(Path.of(args[1]))) {
      for (String line : Files.readAllLines(Path.of(args[0]))) {
        String[] cells = line.split("\t");
        List<Path> paths = new ArrayList<>();
        for (int i = 3; i < cells.length; i++) {
          paths.add(Path.of(cells[i]));
        }
        List<Session> read = new ArrayList<>();
        loader.load(paths, Optional.empty(), read::add);
        Session session = read.stream().filter(s -> s.id().equals(cells[2])).findFirst()
            .orElse(read.size() == 1 ? read.get(0) : null);
        if (session == null) {
          System.err.println(cells[0] + ": " + read.size() + " sessions in its files, none named " + cells[2]);
          continue;
        }
        for (ObjectNode prompt : prompts(json, cells[0], session)) {
          out.write(json.writeValueAsString(prompt));
          out.newLine();
        }
      }
    }
  }

  private static List<ObjectNode> prompts(ObjectMapper json, String id, Session session) {
    Map<Integer, List<ToolCall>> byTurn = new HashMap<>();
    for (ToolCall call : ToolUses.of(session.events())) {
      byTurn.computeIfAbsent(call.promptsBefore(), k -> new ArrayList<>()).add(call);
    }
    List<ObjectNode> prompts = new ArrayList<>();
    for (Event e : session.events()) {
      if (!e.kind().isTypedPrompt()) {
        continue;
      }
      int index = prompts.size();
      String text = e.text() == null ? "" : e.text();
      PromptFacts facts = PromptSignals.read(text);
      List<ToolCall> before = byTurn.getOrDefault(index, List.of());
      boolean edited = before.stream().anyMatch(ToolCall::edit);
      boolean shortText = text.strip().length() < 200;
      ObjectNode o = json.createObjectNode();
      o.put("session", id).put("i", index).put("text", text).put("edited_before", edited);
      o.put("correction", edited && shortText);  // model version 18
      o.put("question", facts.question()).put("vague", facts.vagueFixRequest());
      o.put("pointer", facts.specificPointer()).put("pasted", facts.pastedOutput());
      o.put("go_on", facts.goOn());
      o.put("correction_v19", edited && shortText && !facts.question() && !facts.goOn());
      ArrayNode calls = o.putArray("prev_calls");
      for (ToolCall call : before) {
        Event ev = call.event();
        String what = (call.edit() ? "EDIT:" : "") + call.name()
            + (ev.filePath() != null ? " " + ev.filePath() : "")
            + (ev.command() != null ? " `" + ev.command() + "`" : "")
            + (call.result() != null && call.result().isError() ? " (error)" : "");
        calls.add(what.length() > MAX_CALL_CHARS ? what.substring(0, MAX_CALL_CHARS) + "…" : what);
      }
      prompts.add(o);
    }
    return prompts;
  }
}
