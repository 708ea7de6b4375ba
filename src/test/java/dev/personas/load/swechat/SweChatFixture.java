package dev.personas.load.swechat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.personas.sample.ParquetTable;
import dev.personas.sample.ParquetTable.Column;
import dev.personas.sample.ParquetTable.Type;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small SWE-chat-shaped tables, written by the tests themselves as Parquet, JSONL or CSV. */
final class SweChatFixture {
  static final List<Column> SESSION_COLUMNS = List.of(
      new Column("session_id", Type.STRING), new Column("repo_id", Type.STRING),
      new Column("user_id", Type.STRING), new Column("agent", Type.STRING),
      new Column("created_at", Type.TIMESTAMP), new Column("prompt_count", Type.LONG),
      new Column("input_tokens", Type.LONG), new Column("output_tokens", Type.LONG),
      new Column("agent_percentage", Type.DOUBLE), new Column("session_success", Type.LONG),
      new Column("user_persona", Type.STRING));
  static final List<Column> CONVERSATION_COLUMNS = List.of(
      new Column("turn_id", Type.STRING), new Column("session_id", Type.STRING),
      new Column("user_id", Type.STRING), new Column("repo_id", Type.STRING),
      new Column("turn_number", Type.LONG), new Column("role", Type.STRING),
      new Column("turn_type", Type.STRING), new Column("content", Type.STRING),
      new Column("timestamp", Type.TIMESTAMP), new Column("tool_name", Type.STRING),
      new Column("command", Type.STRING), new Column("file_path", Type.STRING),
      new Column("word_count", Type.LONG), new Column("char_count", Type.LONG),
      new Column("prompt_intent", Type.STRING), new Column("prompt_pushback", Type.BOOLEAN));
  static final List<Column> CHECKPOINT_COLUMNS = List.of(new Column("checkpoint_pk", Type.STRING),
      new Column("session_id", Type.STRING), new Column("repo_id", Type.STRING),
      new Column("commit_sha", Type.STRING), new Column("agent_lines", Type.LONG),
      new Column("human_lines", Type.LONG));
  static final List<Column> REPO_COLUMNS = List.of(new Column("repo_id", Type.STRING),
      new Column("name", Type.STRING), new Column("url", Type.STRING),
      new Column("repo_type_domain", Type.STRING));

  static final Instant T0 = Instant.parse("2025-09-01T10:00:00Z");

  final List<Map<String, Object>> sessions = new ArrayList<>();
  final List<Map<String, Object>> conversations = new ArrayList<>();
  final List<Map<String, Object>> repositories = new ArrayList<>();

  SweChatFixture session(String id, String user, String repo, String agent) {
    sessions.add(row("session_id", id, "repo_id", repo, "user_id", user, "agent", agent,
        "created_at", T0, "prompt_count", 2L, "input_tokens", 1200L, "output_tokens", 300L,
        "agent_percentage", 80.0, "session_success", 75L, "user_persona", "Expert Nitpicker"));
    return this;
  }

  /** Sets a session's annotations (null values are written as absent). */
  SweChatFixture annotate(String id, Double agentPercentage, Long success, String userPersona) {
    for (Map<String, Object> s : sessions) {
      if (s.get("session_id").equals(id)) {
        s.remove("agent_percentage");
        s.remove("session_success");
        s.remove("user_persona");
        s.putAll(row("agent_percentage", agentPercentage, "session_success", success,
            "user_persona", userPersona));
      }
    }
    return this;
  }

  /** Tags the prompt rows of a session with intents, in turn order (null leaves one untagged). */
  SweChatFixture intents(String session, String... intents) {
    int i = 0;
    List<Map<String, Object>> prompts = conversations.stream()
        .filter(r -> r.get("session_id").equals(session) && "user_prompt".equals(r.get("turn_type")))
        .sorted(java.util.Comparator.comparingLong(r -> (Long) r.get("turn_number")))
        .toList();
    for (Map<String, Object> r : prompts) {
      if (i < intents.length && intents[i] != null) {
        r.put("prompt_intent", intents[i]);
        r.put("prompt_pushback", i > 0);
      }
      i++;
    }
    return this;
  }

  final List<Map<String, Object>> checkpoints = new ArrayList<>();

  /** A checkpoint of a session: the release's fourth table, which the reader does not need. */
  SweChatFixture checkpoint(String session, String repo, long agentLines, long humanLines) {
    checkpoints.add(row("checkpoint_pk", session + "-c" + checkpoints.size(), "session_id", session,
        "repo_id", repo, "commit_sha", String.format("%040x", checkpoints.size() + 1),
        "agent_lines", agentLines, "human_lines", humanLines));
    return this;
  }

  SweChatFixture repo(String id, String name) {
    repositories.add(row("repo_id", id, "name", name, "url", "https://example.org/" + name,
        "repo_type_domain", "web"));
    return this;
  }

  /** A conversation row; the user and repo ids on it are deliberately wrong ("row-user"). */
  SweChatFixture turn(String session, long number, String type, String content, String tool,
      String command, String filePath) {
    conversations.add(row("turn_id", session + "-" + number, "session_id", session,
        "user_id", "row-user", "repo_id", "row-repo", "turn_number", number,
        "role", type.startsWith("user") ? "user" : "assistant", "turn_type", type,
        "content", content, "timestamp", T0.plusSeconds(60 * number), "tool_name", tool,
        "command", command, "file_path", filePath,
        "word_count", content == null ? 0L : (long) content.split(" ").length,
        "char_count", content == null ? 0L : (long) content.length()));
    return this;
  }

  /** Two sessions that exercise every turn type, rows of s1 out of turn order. */
  static SweChatFixture standard() {
    SweChatFixture f = new SweChatFixture()
        .session("s1", "alice", "r1", "Claude Code")
        .session("s2", "bob", "r2", "codex")
        .repo("r1", "acme/web").repo("r2", "acme/cli");
    f.turn("s1", 2, "assistant_thinking", "Let me look.", null, null, null)
        .turn("s1", 1, "user_prompt", "Fix the failing test in src/app.py:42", null, null, null)
        .turn("s1", 3, "tool_use", "", "Bash", "pytest -q", null)
        .turn("s1", 4, "tool_result", "Error: 1 failed", "Bash", null, null)
        .turn("s1", 5, "tool_use", "", "Edit", null, "src/app.py")
        .turn("s1", 6, "file_snapshot", "{}", null, null, null)
        .turn("s1", 7, "user_prompt", "<command-name>/init</command-name>", null, null, null)
        .turn("s1", 8, "user_prompt", "[Request interrupted by user]", null, null, null)
        .turn("s1", 9, "tool_use", "", "Task", null, null)
        .turn("s1", 10, "tool_use", "", "ExitPlanMode", null, null)
        .turn("s1", 11, "summary", "This session is being continued", null, null, null)
        .turn("s1", 12, "queue_operation", "also update the docs", null, null, null)
        .turn("s1", 13, "system_event", "API Error: 529 overloaded", null, null, null)
        .turn("s1", 14, "system_injected", "<system-reminder>todo</system-reminder>", null, null, null)
        .turn("s1", 15, "assistant_response", "Done.", null, null, null);
    f.turn("s2", 1, "user_prompt", "What does this repo do?", null, null, null)
        .turn("s2", 2, "tool_use", "", "Read", null, "README.md")
        .turn("s2", 3, "assistant_response", "It is a CLI.", null, null, null);
    return f;
  }

  void writeParquet(Path dir) throws IOException {
    Files.createDirectories(dir);
    new ParquetTable("sessions", SESSION_COLUMNS).write(dir.resolve("sessions.parquet"), sessions);
    new ParquetTable("conversations", CONVERSATION_COLUMNS)
        .write(dir.resolve("conversations.parquet"), conversations);
    new ParquetTable("repositories", REPO_COLUMNS).write(dir.resolve("repositories.parquet"), repositories);
    if (!checkpoints.isEmpty()) {
      new ParquetTable("checkpoints", CHECKPOINT_COLUMNS).write(dir.resolve("checkpoints.parquet"), checkpoints);
    }
  }

  void writeJsonl(Path dir) throws IOException {
    Files.createDirectories(dir);
    jsonl(dir.resolve("sessions.jsonl"), sessions);
    jsonl(dir.resolve("conversations.jsonl"), conversations);
    jsonl(dir.resolve("repositories.jsonl"), repositories);
  }

  void writeCsv(Path dir) throws IOException {
    Files.createDirectories(dir);
    csv(dir.resolve("sessions.csv"), SESSION_COLUMNS, sessions);
    csv(dir.resolve("conversations.csv"), CONVERSATION_COLUMNS, conversations);
    csv(dir.resolve("repositories.csv"), REPO_COLUMNS, repositories);
  }

  static void jsonl(Path file, List<Map<String, Object>> rows) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Writer out = Files.newBufferedWriter(file)) {
      for (Map<String, Object> r : rows) {
        Map<String, Object> copy = new LinkedHashMap<>(r);
        copy.replaceAll((k, v) -> v instanceof Instant ? v.toString() : v);
        out.write(json.writeValueAsString(copy));
        out.write('\n');
      }
    }
  }

  static void csv(Path file, List<Column> columns, List<Map<String, Object>> rows) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(c -> schema.addColumn(c.name()));
    try (Writer out = Files.newBufferedWriter(file);
        SequenceWriter w = new CsvMapper().writerFor(Map.class).with(schema.build()).writeValues(out)) {
      for (Map<String, Object> r : rows) {
        Map<String, Object> copy = new LinkedHashMap<>();
        // pandas writes datetimes as "2025-09-01 10:00:00+00:00": read that form too.
        r.forEach((k, v) -> copy.put(k, v instanceof Instant i ? i.toString().replace('T', ' ').replace("Z", "+00:00") : v));
        w.write(copy);
      }
    }
  }

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return m;
  }
}
