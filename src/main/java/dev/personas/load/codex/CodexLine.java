package dev.personas.load.codex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.personas.load.JsonLines;
import java.io.IOException;

/**
 * The fields of one Codex rollout line ({@code {timestamp, type, payload}}) that matter for
 * counting, read with Jackson's streaming parser into reusable scratch state. Fields of a wrong
 * JSON type are ignored, as if absent.
 */
final class CodexLine {
  String timestamp;
  String type;
  boolean hasPayload;

  String payloadType;
  String id;
  String cwd;
  String forkedFrom;
  /** A session_meta whose source names a sub-agent (a guardian's review, a spawned thread). */
  boolean subagent;
  /** For a thread the agent spawned, the thread that spawned it (source.subagent.thread_spawn). */
  String spawnedBy;
  String role;
  /** Text of a message's text blocks, joined by newlines (kept: prompts and hashes need it). */
  final StringBuilder text = new StringBuilder();
  int textLength;
  String name;
  String arguments;
  String callId;
  String input;
  String output;
  /** For an output written as content parts, the length of their whole text ({@link #output} holds its head); else -1. */
  int outputLength = -1;
  String message;
  String reason;
  boolean hasTotals;
  long totalInput;
  long totalOutput;

  private void reset() {
    timestamp = type = null;
    hasPayload = false;
    subagent = false;
    payloadType = id = cwd = forkedFrom = spawnedBy = role = null;
    text.setLength(0);
    textLength = 0;
    name = arguments = callId = input = output = message = reason = null;
    outputLength = -1;
    hasTotals = false;
    totalInput = totalOutput = 0;
  }

  void parse(JsonParser p) throws IOException {
    reset();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "timestamp": timestamp = JsonLines.string(p, t); break;
        case "type": type = JsonLines.string(p, t); break;
        case "payload":
          if (t == JsonToken.START_OBJECT) {
            hasPayload = true;
            payload(p);
          } else {
            p.skipChildren();
          }
          break;
        default:
          // Rollouts of early 2025 have no envelope: the item's fields sit at the root.
          payloadField(p, field, t);
      }
    }
    if (!hasPayload) {
      legacy();
    }
  }

  /** How much of an output written as content parts is kept (its head). */
  static final int OUTPUT_HEAD = 1000;

  private static final java.util.Set<String> ITEM_TYPES = java.util.Set.of("message",
      "function_call", "function_call_output", "custom_tool_call", "custom_tool_call_output",
      "reasoning", "local_shell_call", "web_search_call");

  /** Maps an envelope-less line of an early rollout onto the current shape. */
  private void legacy() {
    if (type != null && ITEM_TYPES.contains(type)) {
      payloadType = type;
      type = "response_item";
      hasPayload = true;
    } else if (type == null && id != null) {
      type = "session_meta"; // the first line: {id, timestamp, instructions}
      hasPayload = true;
    }
  }

  private void payload(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("type")) {
        payloadType = JsonLines.string(p, t);
      } else {
        payloadField(p, field, t);
      }
    }
  }

  /** Inside source.subagent: thread_spawn.parent_thread_id, or null; the object is read to its end. */
  private static String spawner(JsonParser p) throws IOException {
    String parent = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean spawn = p.currentName().equals("thread_spawn");
      JsonToken value = p.nextToken();
      if (spawn && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          boolean named = p.currentName().equals("parent_thread_id");
          JsonToken inner = p.nextToken();
          if (named && inner == JsonToken.VALUE_STRING) {
            parent = p.getText();
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return parent;
  }

  private void payloadField(JsonParser p, String field, JsonToken t) throws IOException {
    switch (field) {
      case "id": id = JsonLines.string(p, t); break;
      case "cwd": cwd = JsonLines.string(p, t); break;
      case "forked_from_id":
      case "forked_from":
      case "parent_id":
      case "parent_session_id":
        forkedFrom = JsonLines.string(p, t);
        break;
      case "source":
        // "cli", "vscode", … or, for a rollout Codex started itself, {"subagent": …}: a guardian's
        // review ({"other": "guardian"}) or a spawned thread ({"thread_spawn": …}). The review the
        // person asked for with /review ({"subagent": "review"}) is theirs: its preset prompt
        // counts as the /review command.
        // A spawned thread names its parent: {"subagent": {"thread_spawn": {"parent_thread_id": …}}}.
        if (t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean named = p.currentName().equals("subagent");
            JsonToken value = p.nextToken();
            subagent |= named && !(value == JsonToken.VALUE_STRING && p.getText().equals("review"));
            if (named && value == JsonToken.START_OBJECT) {
              spawnedBy = spawner(p);
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
        break;
      case "role": role = JsonLines.string(p, t); break;
      case "name": name = JsonLines.string(p, t); break;
      case "arguments": arguments = JsonLines.string(p, t); break;
      case "call_id": callId = JsonLines.string(p, t); break;
      case "input": input = JsonLines.string(p, t); break;
      case "output":
        if (t == JsonToken.START_ARRAY) {
          outputParts(p);
        } else {
          output = JsonLines.string(p, t);
        }
        break;
      case "message": message = JsonLines.string(p, t); break;
      case "reason": reason = JsonLines.string(p, t); break;
      case "content":
      case "summary":
        if (t == JsonToken.START_ARRAY) {
          texts(p);
        } else {
          p.skipChildren();
        }
        break;
      case "info":
        if (t == JsonToken.START_OBJECT) {
          info(p);
        } else {
          p.skipChildren();
        }
        break;
      default:
        p.skipChildren();
    }
  }

  /**
   * An output written as content parts (code mode's {@code exec}: "Script completed…" then what
   * the script printed): {@link #output} is the head of their joined text, enough to tell a failed
   * script and a printed exit code, and {@link #outputLength} the length of all of it. Keeping the
   * whole text would copy and hash megabytes of command output no count needs.
   */
  private void outputParts(JsonParser p) throws IOException {
    StringBuilder head = new StringBuilder();
    int[] length = {0};
    eachText(p, (chars, offset, n) -> {
      length[0] = n > Integer.MAX_VALUE - length[0] ? Integer.MAX_VALUE : length[0] + n;
      int room = OUTPUT_HEAD - head.length();
      if (room > 0) {
        head.append(chars, offset, Math.min(n, room));
      }
    });
    output = head.toString();
    outputLength = length[0];
  }

  /** Text blocks ({@code input_text}, {@code output_text}, {@code summary_text}). */
  private void texts(JsonParser p) throws IOException {
    eachText(p, (chars, offset, n) -> {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(chars, offset, n);
      textLength += n;
    });
  }

  /** What is done with the text of one content part, as the parser holds it. */
  private interface TextPart {
    void accept(char[] chars, int offset, int length);
  }

  /** The {@code text} of each object of the array the parser is in, in order; other fields skipped. */
  private static void eachText(JsonParser p, TextPart part) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean text = p.currentName().equals("text");
        JsonToken v = p.nextToken();
        if (text && v == JsonToken.VALUE_STRING) {
          part.accept(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private void info(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("total_token_usage") && t == JsonToken.START_OBJECT) {
        hasTotals = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken v = p.nextToken();
          if (key.equals("input_tokens")) {
            totalInput = JsonLines.count(p, v);
          } else if (key.equals("output_tokens")) {
            totalOutput = JsonLines.count(p, v);
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }
}
