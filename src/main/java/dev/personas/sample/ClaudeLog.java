package dev.personas.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.features.ToolCategory;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one session twice from the same calls: as a Claude Code transcript, line by line, in
 * the real format (RESEARCH.md §3, modelled on the claude-code-log fixtures): envelope fields in
 * Claude Code's order, typed prompts as strings, tool use and results as blocks, one API message
 * split over several lines that repeat its usage, meta and command lines, queue operations,
 * compaction, API errors and snapshots; and as the rows SWE-chat's conversations table holds for
 * it ({@link #rows()}, one per event, in the turn types of RESEARCH.md §2). Both views carry the
 * same events at the same times, so a reader of either sees the same session. Rows keep typed
 * text whole and leave out what no reader needs (the assistant's words, tool output that is not
 * an error): their lengths stay in char_count.
 *
 * <p>Ids are shaped like Claude Code's but derived from the session and a counter instead of
 * being random: random UUIDs on every line would double the bundled sample's compressed size.
 */
final class ClaudeLog {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Claude Code writes JavaScript's toISOString(): always three fraction digits. */
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  /** Counts of what was written, for the sessions table. */
  static final class Stats {
    int prompts;
    int turns;
    int toolCalls;
    int research;
    int actions;
    int firstWritePosition = -1;
    long inputTokens;
    long outputTokens;
    int agentLines;
    final java.util.TreeSet<String> tools = new java.util.TreeSet<>();
    final java.util.TreeSet<String> files = new java.util.TreeSet<>();
  }

  /** A tool call the assistant makes and the result it gets back. */
  record Call(String name, ObjectNode input, String result, boolean isError) {}

  private final String sessionId;
  private final String idStem;
  private final String cwd;
  private final String branch;
  private final String version;
  private final String model;
  private final String agentId;
  private final SplittableRandom random;
  private final List<ObjectNode> lines = new ArrayList<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final Stats stats = new Stats();
  private Instant clock;
  private String lastUuid;
  private int counter;
  private String permissionMode = "default";
  private long context = 12_000;

  ClaudeLog(String sessionId, String cwd, String branch, String version, String model,
      Instant start, SplittableRandom random, String agentId) {
    this.sessionId = sessionId;
    this.idStem = sessionId.substring(0, 8) + (agentId == null ? "" : agentId.substring(0, 4));
    this.cwd = cwd;
    this.branch = branch;
    this.version = version;
    this.model = model;
    this.clock = start;
    this.random = random;
    this.agentId = agentId;
  }

  Stats stats() {
    return stats;
  }

  Instant now() {
    return clock;
  }

  String cwd() {
    return cwd;
  }

  String sessionId() {
    return sessionId;
  }

  String version() {
    return version;
  }

  String model() {
    return model;
  }

  /** Moves the clock on; sessions have think time between lines and idle gaps between prompts. */
  void advance(long seconds) {
    clock = clock.plusMillis(seconds * 1000 + 100 * random.nextInt(10));
  }

  void permissionMode(String mode) {
    permissionMode = mode;
  }

  /**
   * A prompt the person typed: a plain string, as Claude Code writes typed text; its row carries
   * the annotations SWE-chat adds to prompts (what it asks for, and whether it pushes back).
   */
  void prompt(String text, PromptIntent intent, boolean pushback) {
    ObjectNode line = envelope("user");
    line.set("message", F.objectNode().put("role", "user").put("content", text));
    finish(line).put("permissionMode", permissionMode);
    Map<String, Object> row = row("user_prompt", "user", text, text.length());
    row.put("prompt_intent", intent.label());
    row.put("prompt_pushback", pushback);
    stats.prompts++;
    stats.turns++;
  }

  /** A user line whose content is a text block (interrupts are written this way). */
  void interrupt() {
    ObjectNode line = envelope("user");
    ArrayNode content = F.arrayNode();
    content.addObject().put("type", "text").put("text", "[Request interrupted by user]");
    line.set("message", F.objectNode().put("role", "user").set("content", content));
    finish(line);
    row("user_prompt", "user", "[Request interrupted by user]", 28);
  }

  /** Text injected by Claude Code, marked isMeta (caveats, system reminders, expansions). */
  void meta(String text) {
    ObjectNode line = envelope("user");
    line.put("isMeta", true);
    line.set("message", F.objectNode().put("role", "user").put("content", text));
    finish(line);
    row("system_injected", "user", null, text.length());
  }

  /** A slash command as Claude Code logs it, followed by its output when it has one. */
  void command(String name, String args, String stdout) {
    if (stdout != null) {
      meta("Caveat: The messages below were generated by the user while running local commands."
          + " DO NOT respond to these messages or otherwise consider them in your response"
          + " unless the user explicitly asks you to.");
    }
    ObjectNode line = envelope("user");
    String text = "<command-name>/" + name + "</command-name>\n            <command-message>" + name
        + "</command-message>\n            <command-args>" + args + "</command-args>";
    line.set("message", F.objectNode().put("role", "user").put("content", text));
    finish(line);
    row("user_prompt", "user", text, text.length());
    if (stdout != null) {
      advance(1);
      ObjectNode out = envelope("user");
      String shown = "<local-command-stdout>" + stdout + "</local-command-stdout>";
      out.set("message", F.objectNode().put("role", "user").put("content", shown));
      finish(out);
      row("system_injected", "user", null, shown.length());
    }
  }

  /** Text typed while the agent works: an enqueue line, later removed into the conversation. */
  void queue(String text) {
    ObjectNode line = F.objectNode().put("type", "queue-operation").put("operation", "enqueue")
        .put("timestamp", TS.format(clock.truncatedTo(ChronoUnit.MILLIS)))
        .put("content", text).put("sessionId", sessionId);
    lines.add(line);
    row("queue_operation", "user", text, text.length());
    advance(2);
    ObjectNode remove = F.objectNode().put("type", "queue-operation").put("operation", "remove")
        .put("timestamp", TS.format(clock.truncatedTo(ChronoUnit.MILLIS))).put("sessionId", sessionId);
    lines.add(remove);
    row("queue_operation", "user", null, 0);
    stats.prompts++;
  }

  /** A file-history-snapshot line, written before a prompt. */
  void snapshot() {
    String messageId = uuid();
    ObjectNode snap = F.objectNode().put("messageId", messageId);
    snap.set("trackedFileBackups", F.objectNode());
    snap.put("timestamp", TS.format(clock.truncatedTo(ChronoUnit.MILLIS)));
    ObjectNode line = F.objectNode().put("type", "file-history-snapshot").put("messageId", messageId);
    line.set("snapshot", snap);
    line.put("isSnapshotUpdate", false);
    lines.add(line);
    row("file_snapshot", "system", null, 0);
  }

  /** An automatic compaction: the boundary line and the summary Claude Code continues from. */
  void compact(String summary) {
    ObjectNode boundary = envelope("system");
    boundary.put("subtype", "compact_boundary").put("content", "Conversation compacted")
        .put("isMeta", false).put("level", "info");
    boundary.set("compactMetadata", F.objectNode().put("trigger", "auto")
        .put("preTokens", 150_000 + random.nextInt(20_000)));
    lastUuid = null; // the summary starts a new chain, as in real logs
    finish(boundary);
    String text = "This session is being continued from a previous conversation that ran out of context."
        + " The conversation is summarized below:\nAnalysis:\n" + summary;
    // One compaction, one row: the reader counts the boundary and its summary line as one.
    row("summary", "system", null, text.length());
    advance(1);
    ObjectNode line = envelope("user");
    line.put("isCompactSummary", true).put("isVisibleInTranscriptOnly", true);
    line.set("message", F.objectNode().put("role", "user").put("content", text));
    finish(line);
  }

  /** An API error Claude Code shows in place of an answer. */
  void apiError() {
    ObjectNode line = envelope("assistant");
    ObjectNode message = message("<synthetic>", "msg_err" + idStem + counter);
    String text = "API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    message.withArray("content").addObject().put("type", "text").put("text", text);
    message.set("usage", usage(0, 0));
    line.set("message", message);
    finish(line).put("isApiErrorMessage", true);
    row("system_event", "system", text, text.length());
  }

  /** An assistant message with optional thinking and text, then its tool calls and results. */
  void assistant(String thinking, String text, List<Call> calls) {
    String messageId = "msg_01" + idStem + String.format("%06d", counter);
    String requestId = "req_011C" + idStem + String.format("%06d", counter);
    // The cached context grows message by message, as in a real session.
    long in = 1 + random.nextInt(9);
    context += 500 * (1 + random.nextInt(4));
    long cacheRead = context;
    long out = 10 * (4 + random.nextInt(text == null ? 30 : 3 + text.length() / 10));
    ObjectNode usage = usage(in, out);
    usage.put("cache_read_input_tokens", cacheRead);
    stats.inputTokens += in + cacheRead;
    stats.outputTokens += out;
    stats.turns++;
    // One API message, one line per content block, every line repeating the same usage.
    if (thinking != null) {
      row("assistant_thinking", "assistant", null, thinking.length());
      block(messageId, requestId, usage, F.objectNode().put("type", "thinking")
          .put("thinking", thinking).put("signature", "EqoBCkYIBxgCKkB" + idStem));
    }
    if (text != null) {
      row("assistant_response", "assistant", null, text.length());
      block(messageId, requestId, usage, F.objectNode().put("type", "text").put("text", text));
    }
    List<String> ids = new ArrayList<>();
    for (Call c : calls) {
      String id = "toolu_01" + idStem + String.format("%06d", counter);
      ids.add(id);
      ObjectNode use = F.objectNode().put("type", "tool_use").put("id", id).put("name", c.name());
      use.set("input", c.input());
      toolUseRow(c);
      block(messageId, requestId, usage, use);
      count(c);
    }
    for (int i = 0; i < calls.size(); i++) {
      advance(1 + random.nextInt(calls.get(i).name().equals("Bash") ? 20 : 3));
      Call c = calls.get(i);
      ObjectNode line = envelope("user");
      ArrayNode content = F.arrayNode();
      String shown = c.isError() ? "<tool_use_error>" + c.result() + "</tool_use_error>" : c.result();
      ObjectNode result = content.addObject().put("tool_use_id", ids.get(i)).put("type", "tool_result")
          .put("content", shown);
      if (c.isError()) {
        result.put("is_error", true);
      }
      line.set("message", F.objectNode().put("role", "user").set("content", content));
      ObjectNode done = finish(line);
      row("tool_result", "tool", c.isError() ? shown : null, shown.length()).put("tool_name", c.name());
      if (c.isError()) {
        // Claude Code also mirrors results in toolUseResult; kept for errors only, to keep the
        // bundled sample small (readers take the block content either way).
        done.put("toolUseResult", "Error: " + c.result());
      }
    }
  }

  private void toolUseRow(Call c) {
    Map<String, Object> row = row("tool_use", "assistant", null, c.input().toString().length());
    row.put("tool_name", c.name());
    String command = c.input().path("command").asText(null);
    row.put("command", command);
    row.put("file_path", c.input().path("file_path").asText(null));
    if (command != null) {
      row.put("bash_category", ToolCategory.of(c.name(), command).label().replace("bash:", ""));
    }
  }

  /**
   * The conversation row of the event just written, stamped with the clock: turn_type, role,
   * content (null when left out), timestamp and lengths; the caller adds the rest.
   */
  private Map<String, Object> row(String turnType, String role, String content, int chars) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("role", role);
    row.put("turn_type", turnType);
    row.put("content", content);
    row.put("timestamp", clock.truncatedTo(ChronoUnit.MILLIS));
    row.put("word_count", content == null ? null : (long) words(content));
    row.put("char_count", (long) chars);
    rows.add(row);
    return row;
  }

  private static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** The session's conversation rows, in order (ids and turn numbers are the caller's). */
  List<Map<String, Object>> rows() {
    return rows;
  }

  private void count(Call c) {
    stats.toolCalls++;
    stats.tools.add(c.name());
    String n = c.name();
    boolean write = n.equals("Edit") || n.equals("Write") || n.equals("MultiEdit");
    if (write) {
      if (stats.firstWritePosition < 0) {
        stats.firstWritePosition = stats.toolCalls;
      }
      stats.files.add(c.input().path("file_path").asText());
      stats.agentLines += 2 + random.nextInt(30);
    }
    if (write || n.equals("Bash")) {
      stats.actions++;
    } else if (n.equals("Read") || n.equals("Grep") || n.equals("Glob") || n.startsWith("Web")
        || n.equals("Task")) {
      stats.research++;
    }
  }

  private void block(String messageId, String requestId, ObjectNode usage, ObjectNode block) {
    ObjectNode line = envelope("assistant");
    ObjectNode message = message(model, messageId);
    message.withArray("content").add(block);
    message.set("usage", usage);
    line.set("message", message);
    finish(line).put("requestId", requestId);
    advance(1 + random.nextInt(4));
  }

  private ObjectNode message(String modelName, String id) {
    ObjectNode m = F.objectNode().put("id", id).put("type", "message").put("role", "assistant")
        .put("model", modelName);
    m.putArray("content");
    m.putNull("stop_reason");
    m.putNull("stop_sequence");
    return m;
  }

  private static ObjectNode usage(long in, long out) {
    return F.objectNode().put("input_tokens", in).put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0).put("output_tokens", out).put("service_tier", "standard");
  }

  private ObjectNode envelope(String type) {
    ObjectNode line = F.objectNode();
    if (lastUuid == null) {
      line.putNull("parentUuid");
    } else {
      line.put("parentUuid", lastUuid);
    }
    line.put("isSidechain", agentId != null).put("userType", "external").put("cwd", cwd)
        .put("sessionId", sessionId).put("version", version).put("gitBranch", branch);
    if (agentId != null) {
      line.put("agentId", agentId);
    }
    line.put("type", type);
    return line;
  }

  /** Adds uuid and timestamp (Claude Code writes them after the message) and keeps the line. */
  private ObjectNode finish(ObjectNode line) {
    String uuid = uuid();
    line.put("uuid", uuid).put("timestamp", TS.format(clock.truncatedTo(ChronoUnit.MILLIS)));
    lastUuid = uuid;
    lines.add(line);
    return line;
  }

  private String uuid() {
    counter++;
    // Version-4 layout; only the last group changes from line to line (see the class comment).
    return String.format("%s-%s-4%s-8%s-%012x", idStem.substring(0, 8), sessionId.substring(9, 13),
        sessionId.substring(15, 18), agentId == null ? "000" : agentId.substring(0, 3), counter);
  }

  /** The transcript's lines as JSON text, in order. */
  List<String> render() {
    List<String> out = new ArrayList<>(lines.size());
    for (ObjectNode line : lines) {
      out.add(line.toString());
    }
    return out;
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
