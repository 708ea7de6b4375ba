package dev.personas.load.claude;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.personas.load.JsonLines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one Claude Code log line that matter for counting, read into reusable scratch
 * state (one instance per reader, reset per line): by {@link ClaudeScanner} from the line's
 * bytes, or, for a line it leaves (a malformed one, an odd one), with Jackson's streaming parser.
 * A line of Entire's own transcript format ({@code transcript.jsonl}: {@code "v"}, {@code
 * "agent"}, {@code "ts"} and a {@code "content"} array of blocks, each tool call carrying its
 * result) is read by the parser into the same fields, its results kept for {@link #toResults}.
 * Assistant text, thinking and tool results are measured, never materialised as strings:
 * they are most of a log's bytes and no feature needs their words. Fields of a wrong JSON
 * type are ignored, as if absent.
 */
final class ClaudeLine {

  /** One content block of a message. */
  static final class Block {
    String type;
    String text;
    int textLength;
    String id;
    String name;
    String toolUseId;
    String command;
    String filePath;
    boolean isError;
    /** An Entire tool call's result: whether it has one, its output's length, its status "error". */
    boolean hasResult;
    int resultLength;
    boolean resultError;

    void reset() {
      type = null;
      text = null;
      textLength = 0;
      id = null;
      name = null;
      toolUseId = null;
      command = null;
      filePath = null;
      isError = false;
      hasResult = false;
      resultLength = 0;
      resultError = false;
    }
  }

  String type;
  String uuid;
  String sessionId;
  String timestamp;
  String agentId;
  String permissionMode;
  String requestId;
  String operation;
  String subtype;
  String level;
  String content;
  String reason;
  boolean isSidechain;
  boolean isMeta;
  boolean isCompactSummary;
  boolean isApiErrorMessage;
  /**
   * Claude Code's own notice that it shut down while the agent worked: the line reads "[Request
   * interrupted by user]" but no one interrupted (a resumed session then goes on with "Continue
   * from where you left off.").
   */
  boolean interruptedByShutdown;
  String attachmentType;
  String attachmentPrompt;

  boolean hasMessage;
  String messageId;
  String role;
  String model;
  /** The message content when it was a plain string (null when measured only). */
  String messageText;
  int messageTextLength;
  boolean messageIsString;
  boolean hasUsage;
  long inputTokens;
  long cacheCreationTokens;
  long cacheReadTokens;
  long outputTokens;

  /** A line of Entire's transcript.jsonl, of which agent ("claude-code" is the one read). */
  boolean entire;
  String entireAgent;
  /**
   * The id Claude Code gives what the person submitted ({@code promptId}); on an Entire user line,
   * its first block's id, which is that same id.
   */
  String promptId;
  private String entireTimestamp;
  private String entireId;
  private boolean entireUsage;
  private long entireInputTokens;
  private long entireOutputTokens;

  private List<Block> pool = new ArrayList<>();
  private List<Block> spare = new ArrayList<>();
  int blockCount;
  private final ClaudeScanner scanner = new ClaudeScanner();

  Block block(int i) {
    return pool.get(i);
  }

  /** The next content block, reset, from the pool. */
  Block nextBlock() {
    if (blockCount == pool.size()) {
      pool.add(new Block());
    }
    Block b = pool.get(blockCount++);
    b.reset();
    return b;
  }

  /**
   * Reads the line {@code bytes[from, to)} without Jackson when it can ({@link ClaudeScanner});
   * false when {@link #parse} must read it.
   */
  boolean scan(byte[] bytes, int from, int to) {
    return scanner.scan(bytes, from, to, this);
  }

  void reset() {
    type = uuid = sessionId = timestamp = agentId = permissionMode = requestId = null;
    operation = subtype = level = content = reason = null;
    isSidechain = isMeta = isCompactSummary = isApiErrorMessage = interruptedByShutdown = false;
    attachmentType = attachmentPrompt = null;
    hasMessage = false;
    messageId = role = model = messageText = null;
    messageTextLength = 0;
    messageIsString = false;
    hasUsage = false;
    inputTokens = cacheCreationTokens = cacheReadTokens = outputTokens = 0;
    blockCount = 0;
    entire = entireUsage = false;
    entireAgent = promptId = entireTimestamp = entireId = null;
    entireInputTokens = entireOutputTokens = 0;
  }

  /** Reads the root object the parser is positioned on (START_OBJECT) up to its END_OBJECT. */
  void parse(JsonParser p) throws IOException {
    reset();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "type": type = JsonLines.string(p, t); break;
        case "uuid": uuid = JsonLines.string(p, t); break;
        case "sessionId": sessionId = JsonLines.string(p, t); break;
        case "timestamp": timestamp = JsonLines.string(p, t); break;
        case "agentId": agentId = JsonLines.string(p, t); break;
        case "permissionMode": permissionMode = JsonLines.string(p, t); break;
        case "requestId": requestId = JsonLines.string(p, t); break;
        case "operation": operation = JsonLines.string(p, t); break;
        case "subtype": subtype = JsonLines.string(p, t); break;
        case "level": level = JsonLines.string(p, t); break;
        case "content":
          if (entire && t == JsonToken.START_ARRAY) {
            entireBlocks(p);
          } else {
            content = JsonLines.string(p, t);
          }
          break;
        case "reason": reason = JsonLines.string(p, t); break;
        case "promptId":
          String id = JsonLines.string(p, t);
          promptId = id != null ? id : promptId;
          break;
        case "v": entire = true; JsonLines.skip(p); break;
        case "agent": entireAgent = JsonLines.string(p, t); break;
        case "ts": entireTimestamp = JsonLines.string(p, t); break;
        case "id": entireId = JsonLines.string(p, t); break;
        case "input_tokens": entireUsage = true; entireInputTokens = JsonLines.count(p, t); break;
        case "output_tokens": entireUsage = true; entireOutputTokens = JsonLines.count(p, t); break;
        case "isSidechain": isSidechain = t == JsonToken.VALUE_TRUE; break;
        case "isMeta": isMeta = t == JsonToken.VALUE_TRUE; break;
        case "isCompactSummary": isCompactSummary = t == JsonToken.VALUE_TRUE; break;
        case "isApiErrorMessage": isApiErrorMessage = t == JsonToken.VALUE_TRUE; break;
        case "interruptedByShutdown": interruptedByShutdown = t == JsonToken.VALUE_TRUE; break;
        case "message":
          if (t == JsonToken.START_OBJECT) {
            message(p);
          } else {
            p.skipChildren();
          }
          break;
        case "attachment":
          if (t == JsonToken.START_OBJECT) {
            attachment(p);
          } else {
            p.skipChildren();
          }
          break;
        default:
          JsonLines.skip(p);
      }
    }
    if (entire) {
      entireLine();
    }
  }

  /**
   * An Entire line as the Claude Code line it stands for: its time, its message id and usage.
   * Entire writes {@code "v"} first, so a line is known as Entire's before its content. A line
   * of another agent's session (Codex, OpenCode) carries nothing here.
   */
  private void entireLine() {
    if (!"claude-code".equals(entireAgent) || hasMessage) {
      type = null;
      return;
    }
    timestamp = entireTimestamp;
    hasMessage = true;
    role = type;
    messageId = entireId;
    if (entireUsage) {
      hasUsage = true;
      inputTokens = entireInputTokens;
      outputTokens = entireOutputTokens;
    }
    // Entire drops the isMeta flag of the lines Claude Code writes beside the typed ones.
    boolean meta = false;
    for (int i = 0; i < blockCount; i++) {
      String text = pool.get(i).text;
      if (text != null) {
        meta = ClaudeText.isMetaText(text);
        if (!meta) {
          break;
        }
      }
    }
    isMeta = "user".equals(type) && meta;
  }

  /**
   * Entire's content blocks: text ({@code {"id","text"}} on a user line, the id its prompt's),
   * images, and tool calls with their input and, once the tool answered, their result. Read as a
   * message's blocks are, a user line's text kept and the rest measured.
   */
  private void entireBlocks(JsonParser p) throws IOException {
    boolean user = "user".equals(type);
    int first = blockCount;
    blocks(p, !user);
    for (int i = first; i < blockCount; i++) {
      Block b = pool.get(i);
      if (b.type == null && b.text != null) {
        b.type = "text"; // a user line's text block names no type
      }
      if (user && promptId == null && b.id != null) {
        promptId = b.id;
      }
    }
  }

  private static void result(JsonParser p, Block b) throws IOException {
    b.hasResult = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("output")) {
        b.resultLength = t == JsonToken.VALUE_STRING ? JsonLines.textLength(p) : 0;
        p.skipChildren();
      } else if (field.equals("status")) {
        b.resultError = "error".equals(JsonLines.string(p, t));
      } else {
        p.skipChildren();
      }
    }
  }

  /**
   * Turns an Entire assistant line, once read, into the user line of its tool calls' results, as
   * Claude Code writes them (tool_result blocks naming their call); false when it has none.
   */
  boolean toResults() {
    if (!entire || type == null || !isAssistant()) {
      return false;
    }
    int results = 0;
    for (int i = 0; i < blockCount; i++) {
      Block call = pool.get(i);
      if ("tool_use".equals(call.type) && call.hasResult) {
        if (results == spare.size()) {
          spare.add(new Block());
        }
        Block r = spare.get(results++);
        r.reset();
        r.type = "tool_result";
        r.toolUseId = call.id;
        r.isError = call.resultError;
        r.textLength = call.resultLength;
      }
    }
    if (results == 0) {
      return false;
    }
    List<Block> calls = pool;
    pool = spare;
    spare = calls;
    blockCount = results;
    type = role = "user";
    hasUsage = false;
    messageId = null;
    return true;
  }

  private void attachment(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("type")) {
        attachmentType = JsonLines.string(p, t);
      } else if (field.equals("prompt")) {
        attachmentPrompt = JsonLines.string(p, t);
      } else {
        p.skipChildren();
      }
    }
  }

  private void message(JsonParser p) throws IOException {
    hasMessage = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "id": messageId = JsonLines.string(p, t); break;
        case "role": role = JsonLines.string(p, t); break;
        case "model": model = JsonLines.string(p, t); break;
        case "content":
          if (t == JsonToken.VALUE_STRING) {
            messageIsString = true;
            if (isAssistant()) {
              messageTextLength = JsonLines.textLength(p);
            } else {
              messageText = p.getText();
              messageTextLength = messageText.length();
            }
          } else if (t == JsonToken.START_ARRAY) {
            // Assistant words are measured, not kept; "<synthetic>" messages are kept to spot API errors.
            blocks(p, isAssistant() && !"<synthetic>".equals(model));
          } else {
            p.skipChildren();
          }
          break;
        case "usage":
          if (t == JsonToken.START_OBJECT) {
            usage(p);
          } else {
            p.skipChildren();
          }
          break;
        default:
          JsonLines.skip(p);
      }
    }
  }

  boolean isAssistant() {
    return "assistant".equals(role) || "assistant".equals(type);
  }

  private void usage(JsonParser p) throws IOException {
    hasUsage = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "input_tokens": inputTokens = JsonLines.count(p, t); break;
        case "cache_creation_input_tokens": cacheCreationTokens = JsonLines.count(p, t); break;
        case "cache_read_input_tokens": cacheReadTokens = JsonLines.count(p, t); break;
        case "output_tokens": outputTokens = JsonLines.count(p, t); break;
        default: JsonLines.skip(p);
      }
    }
  }

  private void blocks(JsonParser p, boolean measureOnly) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        return;
      }
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      block(p, nextBlock(), measureOnly);
    }
  }

  private void block(JsonParser p, Block b, boolean measureOnly) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "type": b.type = JsonLines.string(p, t); break;
        case "id": b.id = JsonLines.string(p, t); break;
        case "name": b.name = JsonLines.string(p, t); break;
        case "tool_use_id": b.toolUseId = JsonLines.string(p, t); break;
        case "is_error": b.isError = t == JsonToken.VALUE_TRUE; break;
        case "text":
          if (t == JsonToken.VALUE_STRING) {
            if (measureOnly) {
              b.textLength = JsonLines.textLength(p);
            } else {
              b.text = p.getText();
              b.textLength = b.text.length();
            }
          } else {
            p.skipChildren();
          }
          break;
        case "thinking":
          b.textLength = t == JsonToken.VALUE_STRING ? JsonLines.textLength(p) : 0;
          p.skipChildren();
          break;
        case "content":
          b.textLength = resultLength(p, t);
          break;
        case "input":
          if (t == JsonToken.START_OBJECT) {
            input(p, b);
          } else {
            p.skipChildren();
          }
          break;
        case "result": // Entire's: a tool call's result, on the call
          if (t == JsonToken.START_OBJECT) {
            result(p, b);
          } else {
            p.skipChildren();
          }
          break;
        default:
          JsonLines.skip(p);
      }
    }
  }

  /** Characters of a tool result: a string, or the text blocks of an array. */
  private static int resultLength(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return JsonLines.textLength(p);
    }
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return 0;
    }
    long total = 0;
    int depth = 1;
    while (depth > 0) {
      JsonToken next = p.nextToken();
      if (next == null) {
        break;
      }
      if (next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY) {
        depth++;
      } else if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
        depth--;
      } else if (next == JsonToken.FIELD_NAME && depth == 2 && "text".equals(p.currentName())) {
        if (p.nextToken() == JsonToken.VALUE_STRING) {
          total += JsonLines.textLength(p);
        } else {
          p.skipChildren();
        }
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  private static void input(JsonParser p, Block b) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "command": b.command = JsonLines.string(p, t); break;
        case "file_path":
        case "notebook_path":
          b.filePath = JsonLines.string(p, t);
          break;
        case "path":
          if (b.filePath == null) {
            b.filePath = JsonLines.string(p, t);
          }
          break;
        default:
          JsonLines.skip(p);
      }
    }
  }
}
