package dev.personas.me;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Claude Code and Codex logs in their real on-disk layouts with chosen text planted in
 * every place a log carries text: prompts, working directory, project folder, git branch,
 * titles, file paths of tool calls, tool output and the agent's answers.
 */
public final class PlantedLogs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlantedLogs() {}

  /**
   * One Claude Code session under {@code projects/<folder>/<id>.jsonl}.
   *
   * @param text planted in the cwd, branch, title, file path, tool output and answer
   */
  public static Path claude(Path projects, String folder, String id, Instant start, List<String> prompts, String text) {
    List<String> lines = new ArrayList<>();
    Instant t = start;
    String parent = null;
    int n = 0;
    for (String prompt : prompts) {
      String uuid = id + "-u" + n;
      ObjectNode user = envelope("user", uuid, parent, id, t, text);
      user.put("permissionMode", "default");
      user.putObject("message").put("role", "user").put("content", prompt);
      lines.add(user.toString());
      t = t.plus(40, ChronoUnit.SECONDS);
      ObjectNode assistant = envelope("assistant", id + "-a" + n, uuid, id, t, text);
      assistant.put("requestId", "req_" + n);
      ObjectNode message = assistant.putObject("message");
      message.put("id", "msg_" + id + n).put("role", "assistant").put("model", "claude-sonnet-4-5");
      ArrayNode content = message.putArray("content");
      content.addObject().put("type", "text").put("text", "Done: " + text);
      ObjectNode edit = content.addObject().put("type", "tool_use").put("id", "tu_" + n).put("name", "Edit");
      edit.putObject("input").put("file_path", "/home/dev/" + text + "/app.py").put("old_string", text)
          .put("new_string", text);
      message.putObject("usage").put("input_tokens", 100).put("output_tokens", 50);
      lines.add(assistant.toString());
      t = t.plus(5, ChronoUnit.SECONDS);
      ObjectNode result = envelope("user", id + "-r" + n, id + "-a" + n, id, t, text);
      ArrayNode blocks = result.putObject("message").put("role", "user").putArray("content");
      blocks.addObject().put("type", "tool_result").put("tool_use_id", "tu_" + n).put("content", "ok " + text);
      lines.add(result.toString());
      parent = id + "-r" + n;
      t = t.plus(60, ChronoUnit.SECONDS);
      n++;
    }
    lines.add(JSON.createObjectNode().put("type", "summary").put("summary", "Title " + text).put("leafUuid", parent).toString());
    lines.add(JSON.createObjectNode().put("type", "custom-title").put("customTitle", text).put("sessionId", id).toString());
    return write(projects.resolve(folder).resolve(id + ".jsonl"), lines);
  }

  /** One Codex rollout under {@code sessions/YYYY/MM/DD/}. */
  public static Path codex(Path sessions, String id, Instant start, List<String> prompts, String text) {
    return codex(sessions, id, start, prompts, text, "/home/dev/" + text);
  }

  /** The same with a working directory of its own (Codex names the project after it). */
  public static Path codex(Path sessions, String id, Instant start, List<String> prompts, String text, String cwd) {
    List<String> lines = new ArrayList<>();
    Instant t = start;
    ObjectNode meta = JSON.createObjectNode();
    meta.put("timestamp", t.toString()).put("type", "session_meta");
    ObjectNode payload = meta.putObject("payload");
    payload.put("id", id).put("timestamp", t.toString()).put("cwd", cwd).put("originator", "codex_cli_rs")
        .put("cli_version", "0.46.0");
    payload.putObject("git").put("branch", text).put("repository_url", "git@example.com:" + text + ".git");
    lines.add(meta.toString());
    for (String prompt : prompts) {
      t = t.plus(30, ChronoUnit.SECONDS);
      ObjectNode item = line(t, "response_item");
      ObjectNode msg = item.putObject("payload").put("type", "message").put("role", "user");
      msg.putArray("content").addObject().put("type", "input_text").put("text", prompt);
      lines.add(item.toString());
      ObjectNode event = line(t, "event_msg");
      event.putObject("payload").put("type", "user_message").put("message", prompt);
      lines.add(event.toString());
      t = t.plus(20, ChronoUnit.SECONDS);
      ObjectNode answer = line(t, "response_item");
      ObjectNode a = answer.putObject("payload").put("type", "message").put("role", "assistant");
      a.putArray("content").addObject().put("type", "output_text").put("text", "Done " + text);
      lines.add(answer.toString());
    }
    String day = start.toString().substring(0, 10).replace('-', '/');
    return write(sessions.resolve(day).resolve("rollout-" + start.toString().substring(0, 19).replace(':', '-') + "-" + id + ".jsonl"),
        lines);
  }

  private static ObjectNode envelope(String type, String uuid, String parent, String session, Instant t, String text) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", type).put("uuid", uuid).put("parentUuid", parent).put("sessionId", session)
        .put("timestamp", t.toString()).put("cwd", "/home/dev/" + text).put("gitBranch", text).put("version", "2.0.14")
        .put("isSidechain", false).put("userType", "external");
    return node;
  }

  private static ObjectNode line(Instant t, String type) {
    return JSON.createObjectNode().put("timestamp", t.toString()).put("type", type);
  }

  private static Path write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
