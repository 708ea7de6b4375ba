package dev.personas.load.codex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.personas.load.JsonLines;
import dev.personas.load.SeenKeys;
import dev.personas.load.Timestamps;
import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines of one Codex rollout file into events.
 *
 * <p>Prompts: Codex writes each typed prompt twice, as a {@code response_item} user message and
 * as an {@code event_msg user_message}. The first of the pair counts; its twin is the next
 * prompt candidate from the other kind of line before the agent does anything.
 *
 * <p>Tokens: {@code token_count} lines carry cumulative totals; each adds the delta from the
 * previous totals (a total that drops starts a new count, as after a restart), put on the
 * latest agent event.
 *
 * <p>Forks: a forked rollout begins by replaying its parent's items. Every item's content hash
 * (its payload without the timestamp, which a replay rewrites) is remembered across the files
 * of a run, read oldest first. The leading run of items already seen in another session is the
 * replayed prefix and is dropped, provided it holds at least one item that cannot recur by
 * chance (a tool call or output with its unique call id, or an agent message); a prefix of only
 * injected context or a short prompt equal to another session's is kept.
 */
final class CodexSessionBuilder {

  /** Texts written this close after a typed one, with nothing between, are the same submission. */
  private static final Duration SAME_SUBMISSION = Duration.ofMillis(250);
  private static final Pattern EXIT_CODE =
      Pattern.compile("(?i)(?:exit code:?|exited with code)\\s*(-?\\d+)");
  /**
   * Codex's own words at the head of a call's output that failed without an exit code: a patch
   * that did not apply, a command that could not start or that the sandbox or the person refused,
   * a call aborted. An error as much as a Claude Code tool result marked {@code is_error}.
   */
  static final Pattern FAILED_WITHOUT_EXIT_CODE = Pattern.compile("^(?:apply_patch verification failed"
      + "|error: (?:Failed to find expected lines|invalid hunk|Failed to read file)|exec_command failed"
      + "|failed in sandbox|write_stdin failed|execution error|aborted by user|exec command rejected"
      + "|patch rejected by user|Wall time: [^\\n]*\\naborted by user)");
  private static final Pattern PATCH_FILE =
      Pattern.compile("\\*\\*\\* (?:Update|Add|Delete) File: ([^\\r\\n]+)");
  private static final String USER_INPUT = "## User Input";
  private static final String AGENT_ACTIVATION = "<agent-activation";
  /**
   * The prompts Codex's /review writes for the target the person picked (uncommitted changes, a
   * base branch, a commit): the command's text, not the person's. A custom review's instructions
   * are typed, and stay a prompt.
   */
  private static final List<String> REVIEW_PRESETS = List.of(
      "Review the current code changes (staged, unstaged, and untracked files)",
      "Review the code changes against the base branch '",
      "Review the code changes introduced by commit ");
  private static final String IDE_REQUEST = "## My request for Codex:";
  /** The prompt Codex's /init writes: the command that has the agent write AGENTS.md. */
  private static final String INIT_PROMPT =
      "Generate a file named AGENTS.md that serves as a contributor guide for this repository.";

  /** Item hashes of every session read in one run, with the session that first had each. */
  static final class Run {
    final SeenKeys items = new SeenKeys();
    final List<String> sessionIds = new ArrayList<>();
  }

  private record Call(String name, String command) {}

  private final Run run;
  private final int owner;
  private final String fallbackId;
  private final List<Event> events = new ArrayList<>();
  private final Map<String, Call> calls = new HashMap<>();
  /** The calls of each code-mode script, by the script's call id. */
  private final Map<String, List<CodeModeScript.Call>> scripts = new HashMap<>();
  /** The hash of every item read, in order, until a copy joins (then {@link #held} counts them). */
  private long[] hashes = new long[64];
  private int hashCount;
  /** Once a copy joins: how many times the session holds each item, and how many the copy has shown. */
  private Map<Long, Integer> held;
  private Map<Long, Integer> shownByCopy;
  /** Whether a copy added an item the session lacked: its events are then put in time order. */
  private boolean joined;
  private String id;
  private String cwd;
  private String parentId;
  private boolean subagent;
  /** For a thread the agent spawned, the thread that spawned it; such a thread is read. */
  private String spawnedBy;
  private Instant start;
  private Instant end;
  private boolean inPrefix = true;
  private boolean prefixHasEvidence;
  private String prefixParent;
  /** 'R' or 'E' when a prompt was counted and its twin from the other line kind is due. */
  private char twinDue;
  /** The event of the last typed text counted (-1: none yet), when it was written, and whether the agent acted since. */
  private int lastTyped = -1;
  private Instant lastTypedAt;
  private boolean agentSinceTyped;
  private long totalIn;
  private long totalOut;
  private long pendingIn;
  private long pendingOut;
  private int lastAgentEvent = -1;

  CodexSessionBuilder(Run run, String fallbackId) {
    this.run = run;
    this.fallbackId = fallbackId;
    this.owner = run.sessionIds.size();
    run.sessionIds.add(fallbackId);
  }

  boolean accept(CodexLine line) {
    // A sub-agent's rollout is left out whole (startedBySubagent): nothing after its session_meta
    // is built, nor taken as history a later fork could replay. A thread the agent spawned is
    // read: its work goes to the session that spawned it (CodexReader).
    if (line.type == null || !line.hasPayload || startedBySubagent()) {
      return false;
    }
    Instant at = Timestamps.parse(line.timestamp);
    switch (line.type) {
      case "session_meta":
        if (id == null) {
          id = line.id;
          cwd = line.cwd;
          parentId = line.forkedFrom;
          subagent = line.subagent;
          spawnedBy = line.spawnedBy; // only a sub-agent's source names a spawner
          if (id != null) {
            run.sessionIds.set(owner, id);
          }
        }
        return true;
      case "response_item":
      case "event_msg":
      case "compacted":
        break;
      default:
        return false; // turn_context and unknown kinds carry nothing to count
    }
    long hash = itemHash(line);
    if (shownByCopy != null) {
      // A copy's items the session holds already, as many times as it holds them, add nothing.
      int shown = shownByCopy.merge(hash, 1, Integer::sum);
      if (shown <= held.getOrDefault(hash, 0)) {
        return true;
      }
      held.merge(hash, 1, Integer::sum);
      joined = true;
    } else {
      if (hashCount == hashes.length) {
        hashes = Arrays.copyOf(hashes, hashCount * 2);
      }
      hashes[hashCount++] = hash;
    }
    int firstOwner = run.items.addIfAbsent(hash, owner);
    if (inPrefix) {
      if (firstOwner >= 0 && firstOwner != owner) {
        prefixParent = prefixParent == null ? run.sessionIds.get(firstOwner) : prefixParent;
        prefixHasEvidence |= isEvidence(line);
      } else {
        endPrefix();
      }
    }
    int before = events.size();
    if (line.type.equals("response_item")) {
      responseItem(line, at);
    } else if (line.type.equals("event_msg")) {
      eventMsg(line, at);
    } else {
      events.add(new Event(EventKind.COMPACTION, at, line.message == null ? 0 : line.message.length(),
          null, null, null, null, false, 0, 0));
    }
    if (events.size() > before) {
      seen(at);
    }
    return true;
  }

  /**
   * The hash of an item's content: its kind, role, text, call, input, output, message and token
   * totals, each ended by a NUL (the hash of those joined, computed without joining them).
   */
  private static long itemHash(CodexLine line) {
    long h = SeenKeys.FNV_START;
    CharSequence[] parts = {line.type, line.payloadType, line.role, line.text, line.name, line.arguments,
        line.callId, line.input, line.output, line.message};
    for (CharSequence part : parts) {
      h = SeenKeys.fnv(SeenKeys.fnv(h, part), '\u0000');
    }
    h = SeenKeys.fnv(h, Long.toString(line.totalInput));
    h = SeenKeys.fnv(h, '/');
    return SeenKeys.mix(SeenKeys.fnv(h, Long.toString(line.totalOutput)));
  }

  private static boolean isEvidence(CodexLine line) {
    String t = line.payloadType == null ? "" : line.payloadType;
    return line.callId != null && (t.startsWith("function_call") || t.startsWith("custom_tool_call"))
        || "message".equals(t) && "assistant".equals(line.role) && line.textLength >= 20;
  }

  /**
   * Reads on from another copy of the same session (Entire keeps the rollout at each checkpoint;
   * a backup sits beside the original): the copy's items this session holds already add nothing,
   * its others (what only that copy kept) join the session, whose events are put in time order
   * when it is built.
   */
  void joinCopy() {
    if (inPrefix) {
      endPrefix();
    }
    if (held == null) {
      held = new HashMap<>();
      for (int i = 0; i < hashCount; i++) {
        held.merge(hashes[i], 1, Integer::sum);
      }
      hashes = null;
    }
    shownByCopy = new HashMap<>();
  }

  /** The replayed prefix ends at the first item no other session had. */
  private void endPrefix() {
    inPrefix = false;
    if (prefixHasEvidence) {
      events.clear();
      calls.clear();
      scripts.clear();
      lastAgentEvent = -1;
      lastTyped = -1;
      pendingIn = 0;
      pendingOut = 0;
      twinDue = 0;
      start = null;
      end = null;
      if (parentId == null) {
        parentId = prefixParent;
      }
    }
  }

  private void seen(Instant at) {
    if (at != null) {
      start = start == null || at.isBefore(start) ? at : start;
      end = end == null || at.isAfter(end) ? at : end;
    }
  }

  private void responseItem(CodexLine line, Instant at) {
    String t = line.payloadType == null ? "" : line.payloadType;
    switch (t) {
      case "message":
        message(line, at);
        break;
      case "reasoning":
        agent(new Event(EventKind.THINKING, at, line.textLength, null, null, null, null, false, 0, 0));
        break;
      case "function_call":
        functionCall(line.name, line.callId, line.arguments, at);
        break;
      case "custom_tool_call":
        customToolCall(line, at);
        break;
      case "local_shell_call":
        agent(new Event(EventKind.TOOL_CALL, at, 0, null, "local_shell", null, null, false, 0, 0));
        break;
      case "web_search_call":
        agent(new Event(EventKind.TOOL_CALL, at, 0, null, "web_search", null, null, false, 0, 0));
        break;
      case "function_call_output":
      case "custom_tool_call_output":
        output(line, at);
        break;
      default:
    }
  }

  private void message(CodexLine line, Instant at) {
    String role = line.role == null ? "" : line.role;
    String text = line.text.toString();
    if (role.equals("assistant")) {
      agent(new Event(EventKind.ASSISTANT_TEXT, at, line.textLength, null, null, null, null, false, 0, 0));
      return;
    }
    if (!role.equals("user")) {
      events.add(new Event(EventKind.INJECTED, at, line.textLength, null, null, null, null, false, 0, 0));
      return;
    }
    EventKind kind = classify(text);
    if (kind == EventKind.PROMPT) {
      typed(text, 'R', at);
    } else if (kind == EventKind.BASH_MODE) {
      events.add(new Event(EventKind.BASH_MODE, at, text.length(), null, null, between(text,
          "<command>", "</command>"), null, false, 0, 0));
    } else {
      events.add(new Event(kind, at, text.length(), null, null, null, null, false, 0, 0));
    }
  }

  private void eventMsg(CodexLine line, Instant at) {
    String t = line.payloadType == null ? "" : line.payloadType;
    switch (t) {
      case "user_message":
        if (line.message != null) {
          EventKind kind = classify(line.message);
          if (kind == EventKind.PROMPT) {
            typed(line.message, 'E', at);
          }
        }
        break;
      case "token_count":
        if (line.hasTotals) {
          tokens(line.totalInput, line.totalOutput);
        }
        break;
      case "turn_aborted":
        events.add(Event.of(EventKind.INTERRUPT, at));
        break;
      case "error":
      case "stream_error":
        events.add(new Event(EventKind.API_ERROR, at, line.message == null ? 0 : line.message.length(),
            null, null, null, null, true, 0, 0));
        break;
      default:
        // agent_message, agent_reasoning, task_started…: echoes of response items
    }
  }

  private void typed(String text, char source, Instant at) {
    if (twinDue != 0 && twinDue != source) {
      twinDue = 0;
      return;
    }
    twinDue = source;
    if (shownByCopy != null && typedAlready(text, at)) {
      // A copy's line of a prompt the session has from its twin line (the longest copy lost this
      // one, not the prompt): the person typed it once.
      return;
    }
    if (sameSubmission(at)) {
      // One submission the client wrote as several messages a few milliseconds apart (a paste a
      // terminal split at its line breaks, a message the IDE extension sent again): the person
      // typed once. A piece not yet in the prompt joins its text.
      Event prompt = events.get(lastTyped);
      String piece = ideRequest(text);
      String joined = prompt.text() == null || prompt.text().contains(piece) ? prompt.text() : prompt.text() + "\n" + piece;
      if (prompt.kind() == EventKind.PROMPT && joined != null && !joined.equals(prompt.text())) {
        events.set(lastTyped, Event.prompt(EventKind.PROMPT, prompt.timestamp(), joined));
      }
      lastTypedAt = at;
      return;
    }
    lastTyped = events.size();
    lastTypedAt = at;
    agentSinceTyped = false;
    String arguments = expansionArguments(text);
    if (arguments != null) {
      events.add(new Event(EventKind.SLASH_COMMAND, at, arguments.length(), arguments, null, null,
          null, false, 0, 0));
    } else {
      events.add(Event.prompt(EventKind.PROMPT, at, ideRequest(text)));
    }
  }

  /**
   * Codex logs a custom prompt (a slash command such as spec-kit's /speckit.plan) as its whole
   * expanded text. The counting rules weigh only what the person typed, so an expansion is a
   * command, not a prompt: spec-kit's template (a "## User Input" heading over a fenced block
   * holding the arguments), a command file with "description:" front matter, a "# /name"
   * heading, or a BMAD agent's activation (an {@code <agent-activation>} block: the agent's
   * persona and menu, loaded by a command), or the prompt /review writes for a preset target.
   * Returns the typed arguments (empty when they are not written out), or null when
   * the text is not an expansion. The prompt /init writes is the command itself ("/init"), which
   * sets the table as Claude Code's /init does.
   */
  static String expansionArguments(String text) {
    String s = text.stripLeading();
    if (s.startsWith(INIT_PROMPT)) {
      return "/init";
    }
    int input = s.startsWith(USER_INPUT) ? 0 : s.indexOf("\n" + USER_INPUT);
    if (input >= 0) {
      int fence = s.indexOf("```", input);
      int open = fence < 0 ? -1 : s.indexOf('\n', fence);
      int close = open < 0 ? -1 : s.indexOf("\n```", open);
      if (close >= 0) {
        return s.substring(open + 1, close).strip();
      }
    }
    boolean frontMatter = s.startsWith("---\n") && s.indexOf("\n---", 3) > 0
        && s.substring(0, s.indexOf("\n---", 3)).contains("\ndescription:");
    boolean commandHeading = s.length() > 3 && s.startsWith("# /") && Character.isLetter(s.charAt(3));
    boolean agentActivation = s.contains(AGENT_ACTIVATION);
    boolean reviewPreset = REVIEW_PRESETS.stream().anyMatch(s::startsWith);
    return frontMatter || commandHeading || agentActivation || reviewPreset ? "" : null;
  }

  /** A Codex IDE extension prompt carries the editor's context; the person typed the request. */
  static String ideRequest(String text) {
    if (!text.stripLeading().startsWith("# Context from my IDE setup:")) {
      return text;
    }
    int at = text.indexOf(IDE_REQUEST);
    return at < 0 ? text : text.substring(at + IDE_REQUEST.length()).strip();
  }

  /** Text Codex puts in user messages itself: environment, instructions, AGENTS.md, skills. */
  static EventKind classify(String text) {
    String s = text.stripLeading();
    if (s.startsWith("<user_shell_command>")) {
      return EventKind.BASH_MODE;
    }
    if (s.startsWith("<environment_context>") || s.startsWith("<user_instructions>")
        || s.startsWith("# AGENTS.md instructions") || s.startsWith("<permissions instructions>")
        || s.startsWith("<turn_aborted>") || s.startsWith("<user_action>")
        || s.startsWith("<INSTRUCTIONS>") || s.startsWith("<environment")
        // A skill's instructions, loaded after the person named it ($skill-installer), and the
        // plugins Codex recommends.
        || s.startsWith("<skill>") || s.startsWith("<recommended_plugins>")
        // Codex's own note to the model that a patch came through the shell.
        || s.startsWith("Warning: apply_patch was requested via ")) {
      return EventKind.INJECTED;
    }
    return EventKind.PROMPT;
  }

  private void functionCall(String name, String callId, String arguments, Instant at) {
    String command = null;
    String filePath = null;
    String patch = null;
    if (arguments != null && arguments.startsWith("{")) {
      Args args = Args.parse(arguments);
      command = args.command;
      patch = args.input;
    }
    if (command != null && command.contains("*** Begin Patch")) {
      patch = command;
    }
    if (patch != null) {
      filePath = patchFile(patch);
    }
    if (callId != null) {
      calls.put(callId, new Call(name, command));
    }
    agent(new Event(EventKind.TOOL_CALL, at, 0, null, name, command, filePath, false, 0, 0));
  }

  private void customToolCall(CodexLine line, Instant at) {
    List<CodeModeScript.Call> inner = "exec".equals(line.name) && line.input != null
        ? CodeModeScript.calls(line.input) : List.of();
    if (!inner.isEmpty()) {
      script(line.callId, inner, at);
      return;
    }
    String filePath = line.input == null ? null : patchFile(line.input);
    if (line.callId != null) {
      calls.put(line.callId, new Call(line.name, null));
    }
    agent(new Event(EventKind.TOOL_CALL, at, 0, null, line.name, null, filePath, false, 0, 0));
  }

  /** A code-mode script: each tool call it makes is a call of the session, as without code mode. */
  private void script(String callId, List<CodeModeScript.Call> inner, Instant at) {
    if (callId != null) {
      scripts.put(callId, inner);
    }
    for (CodeModeScript.Call call : inner) {
      // A patch run through the shell names its file in the command, as outside code mode.
      String patch = call.patch() != null ? call.patch()
          : call.command() != null && call.command().contains("*** Begin Patch") ? call.command() : null;
      String filePath = patch == null ? null : patchFile(patch);
      agent(new Event(EventKind.TOOL_CALL, at, 0, null, call.name(), call.command(), filePath, false, 0, 0));
    }
  }

  /** A script's output (its head, and its whole length) answers each of its calls; the length goes with the last. */
  private void scriptOutput(List<CodeModeScript.Call> inner, String out, int length, Instant at) {
    for (int i = 0; i < inner.size(); i++) {
      CodeModeScript.Call call = inner.get(i);
      boolean last = i == inner.size() - 1;
      events.add(new Event(EventKind.TOOL_RESULT, at, last ? length : 0, null, call.name(),
          call.command(), null, CodeModeScript.failed(out, i, inner.size()), 0, 0));
    }
  }

  private void output(CodexLine line, Instant at) {
    String out = line.output == null ? "" : line.output;
    int length = line.outputLength >= 0 ? line.outputLength : out.length();
    List<CodeModeScript.Call> inner = line.callId == null ? null : scripts.get(line.callId);
    if (inner != null) {
      scriptOutput(inner, out, length, at);
      return;
    }
    Call call = line.callId == null ? null : calls.get(line.callId);
    Integer exit = null;
    if (out.startsWith("{")) {
      Args parsed = Args.parse(out);
      if (parsed.output != null) {
        length = parsed.outputLength;
      }
      exit = parsed.exitCode;
    }
    if (exit == null) {
      Matcher m = EXIT_CODE.matcher(out.length() > 400 ? out.substring(0, 400) : out);
      if (m.find()) {
        try {
          exit = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
          exit = null;
        }
      }
    }
    boolean error = exit != null ? exit != 0 : FAILED_WITHOUT_EXIT_CODE.matcher(out).lookingAt();
    events.add(new Event(EventKind.TOOL_RESULT, at, length, null, call == null ? null : call.name(),
        call == null ? null : call.command(), null, error, 0, 0));
  }

  /** Whether the session has this typed text (as a prompt or a command's arguments) from within a second of it. */
  private boolean typedAlready(String text, Instant at) {
    String prompt = ideRequest(text);
    String arguments = expansionArguments(text);
    for (Event e : events) {
      boolean same = e.kind() == EventKind.PROMPT && e.text() != null && e.text().contains(prompt)
          || e.kind() == EventKind.SLASH_COMMAND && arguments != null && arguments.equals(e.text());
      if (same && at != null && e.timestamp() != null
          && Duration.between(e.timestamp(), at).abs().compareTo(Duration.ofSeconds(1)) <= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a typed text is part of the submission read just before: written within
   * {@link #SAME_SUBMISSION} of it, the agent doing nothing between (no person sends twice that fast).
   */
  private boolean sameSubmission(Instant at) {
    return lastTyped >= 0 && !agentSinceTyped && at != null && lastTypedAt != null && !at.isBefore(lastTypedAt)
        && at.isBefore(lastTypedAt.plus(SAME_SUBMISSION));
  }

  private void agent(Event e) {
    twinDue = 0;
    agentSinceTyped = true;
    if (pendingIn > 0 || pendingOut > 0) {
      e = withTokens(e, pendingIn, pendingOut);
      pendingIn = 0;
      pendingOut = 0;
    }
    events.add(e);
    lastAgentEvent = events.size() - 1;
  }

  private void tokens(long in, long out) {
    if (shownByCopy != null && (in < totalIn || out < totalOut)) {
      return; // a copy's total from before the session's last one: counted already, not a restart
    }
    long dIn = in >= totalIn && out >= totalOut ? in - totalIn : in;
    long dOut = in >= totalIn && out >= totalOut ? out - totalOut : out;
    totalIn = in;
    totalOut = out;
    if (dIn == 0 && dOut == 0) {
      return;
    }
    if (lastAgentEvent < 0) {
      pendingIn += dIn;
      pendingOut += dOut;
      return;
    }
    events.set(lastAgentEvent, withTokens(events.get(lastAgentEvent), dIn, dOut));
  }

  private static Event withTokens(Event e, long in, long out) {
    return new Event(e.kind(), e.timestamp(), e.textLength(), e.text(), e.toolName(), e.command(),
        e.filePath(), e.isError(), e.inputTokens() + in, e.outputTokens() + out);
  }

  boolean isEmpty() {
    return events.isEmpty();
  }

  String id() {
    return id != null ? id : fallbackId;
  }

  /**
   * Whether Codex started this rollout for a sub-agent that is left out (its session_meta's source
   * names one): a guardian reviewing a request. Its prompts are the agent's, not the person's, so
   * it is not one of the person's sessions. The review the person asked for with /review is still
   * theirs, and a thread the agent spawned is its parent's ({@link #spawnedBy}).
   */
  boolean startedBySubagent() {
    return subagent && spawnedBy == null;
  }

  /** For a thread the agent spawned (spawn_agent), the id of the thread that spawned it, else null. */
  String spawnedBy() {
    return spawnedBy;
  }

  Session build(Path source) {
    if (inPrefix) {
      endPrefix();
    }
    if (pendingIn > 0 || pendingOut > 0) {
      if (events.isEmpty()) {
        events.add(new Event(EventKind.ASSISTANT_TEXT, end, 0, null, null, null, null, false, 0, 0));
      }
      int last = events.size() - 1;
      events.set(last, withTokens(events.get(last), pendingIn, pendingOut));
    }
    String repo = cwd == null ? "" : cwd.replaceAll("[^A-Za-z0-9]", "-");
    return new Session(id(), Session.OWN_LOGS, repo, Agent.CODEX, source, start, end,
        joined ? Timestamps.inTimeOrder(events) : events, List.of(),
        parentId, List.of());
  }

  /** The file a patch touches first ({@code *** Update File: path}), or null. */
  static String patchFile(String patch) {
    Matcher m = PATCH_FILE.matcher(patch);
    return m.find() ? m.group(1).strip() : null;
  }

  private static String between(String text, String open, String close) {
    int a = text.indexOf(open);
    int b = text.indexOf(close);
    return a < 0 || b < a ? null : text.substring(a + open.length(), b);
  }

  /** The fields of a JSON object nested in a string: function arguments or a tool output. */
  private static final class Args {
    String command;
    String input;
    String output;
    int outputLength;
    Integer exitCode;

    static Args parse(String json) {
      Args args = new Args();
      try (JsonParser p = JsonLines.factory().createParser(json)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return args;
        }
        args.object(p, 0);
      } catch (IOException | RuntimeException e) {
        // Malformed arguments are the agent's problem, not the log's: the call still counts.
      }
      return args;
    }

    private void object(JsonParser p, int depth) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (depth == 0 && (field.equals("command") || field.equals("cmd"))) {
          command = commandText(p, t);
        } else if (depth == 0 && (field.equals("input") || field.equals("patch"))
            && t == JsonToken.VALUE_STRING) {
          input = p.getText();
        } else if (depth == 0 && field.equals("output") && t == JsonToken.VALUE_STRING) {
          outputLength = p.getTextLength();
          output = "";
        } else if (field.equals("metadata") && t == JsonToken.START_OBJECT && depth == 0) {
          object(p, 1);
        } else if (depth == 1 && field.equals("exit_code") && t == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() == JsonParser.NumberType.INT) {
          exitCode = p.getIntValue();
        } else {
          p.skipChildren();
        }
      }
    }

    /** A shell command: a string, or an argv array where {@code bash -lc X} means X. */
    private static String commandText(JsonParser p, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      if (t != JsonToken.START_ARRAY) {
        p.skipChildren();
        return null;
      }
      List<String> argv = new ArrayList<>();
      JsonToken v;
      while ((v = p.nextToken()) != JsonToken.END_ARRAY && v != null) {
        if (v == JsonToken.VALUE_STRING) {
          argv.add(p.getText());
        } else {
          p.skipChildren();
        }
      }
      if (argv.size() == 3 && (argv.get(1).equals("-lc") || argv.get(1).equals("-c"))) {
        return argv.get(2);
      }
      return String.join(" ", argv);
    }
  }
}
