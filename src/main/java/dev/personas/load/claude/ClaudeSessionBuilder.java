package dev.personas.load.claude;

import dev.personas.load.CommandTags;
import dev.personas.load.MessageUsage;
import dev.personas.load.SeenKeys;
import dev.personas.load.Timestamps;
import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the lines of one Claude Code session (its main file, then its subagent files) into
 * events, applying the counting rules of RESEARCH.md §3. The per-project state (uuids seen,
 * tokens counted per message) is shared by every session of a project folder, so a resumed session that
 * replays earlier messages adds nothing twice. A file can also hold part of its own conversation
 * written out again under new line uuids (after a resume in the VS Code extension): a tool call
 * or a tool result whose tool_use id the session already has is that replay, and is dropped.
 *
 * <p>Queued steering: Claude Code logs text typed while the agent works as a queue-operation
 * {@code enqueue} line. The text later reaches the model either as an ordinary user line
 * ({@code dequeue} at the end of a turn) or as a {@code queued_command} attachment after a
 * {@code remove} ("absorbed mid-turn"). We count it once, at the enqueue, as QUEUE_STEERING,
 * and drop the delivery that repeats the same text. A {@code popAll} pulls queued text back
 * into the input box to be edited and sent as a normal prompt, so its pending steering events
 * are withdrawn. A {@code remove} of text never delivered (the person cancelled it) still
 * counts: the person did type it. A queued slash command counts where it runs, as the command;
 * the same text queued again within two seconds is the client repeating it, not the person. A
 * file that holds only Claude Code's request for a conversation's title is no session.
 *
 * <p>Tool results keep no text: a result carries its length, {@code is_error}, and the tool
 * name and shell command of the call it answers (matched by tool_use_id), which is enough to
 * tell a failed test run (Claude Code marks a non-zero exit as an error) without holding
 * output in memory. Summary lines are titles for the /resume list, not compactions: they
 * appear in files that were never compacted, so only compact_boundary / isCompactSummary
 * (one compaction, written as both) count as COMPACTION.
 */
final class ClaudeSessionBuilder {

  /** State shared by all sessions of one project folder. */
  static final class Project {
    final SeenKeys uuids = new SeenKeys();
    final MessageUsage usage = new MessageUsage();
    final List<String> sessionIds = new ArrayList<>();

    int register(String sessionId) {
      sessionIds.add(sessionId);
      return sessionIds.size() - 1;
    }
  }

  private record ToolUse(String name, String command) {}

  private record Queued(String text, int index) {}

  private static final Duration REQUEUED = Duration.ofSeconds(2);

  private final Project project;
  private final int owner;
  private final String sessionId;
  private final List<Event> events = new ArrayList<>();
  private final List<Event> subagentEvents = new ArrayList<>();
  private final TreeSet<String> subagentIds = new TreeSet<>();
  private final Map<String, ToolUse> toolUses = new HashMap<>();
  /** The tool_use ids whose result was read: a second result for one is a replay. */
  private final Set<String> answered = new HashSet<>();
  /** The typed prompts read so far: one written again inside a replay counts once. */
  private final Set<String> promptTexts = new HashSet<>();
  /** The timestamps of this line and of the two lines of the main file before it, as written. */
  private String lineTimestamp;
  private String previousTimestamp;
  private String earlierTimestamp;
  /** The latest instant of the main file's lines before this one. */
  private Instant latest;
  private final Deque<Queued> queued = new ArrayDeque<>();
  private final Deque<Queued> removed = new ArrayDeque<>();
  /** The text last queued and when: the same text queued again at once is the client, not typing. */
  private String lastQueuedText;
  private Instant lastQueuedAt;
  private String parentId;

  /** True when the file replayed lines of a session read before it (a resumed session, a copy). */
  boolean replaysAnother() {
    return parentId != null;
  }

  /** Whether a copy's own lines added to the session: its events are then put in time order. */
  private boolean joined;
  /** Once a copy is read on from: the uuid of every line the files read before it hold. */
  private Set<String> heldUuids;

  /**
   * Reads on from another copy of the same session: its lines whose uuid the files read before
   * hold add nothing, nor do its lines that carry no uuid (queued text, a mode change: which of
   * them the session has cannot be told); its others (a line damaged in the longest copy, a line
   * only this checkpoint kept) join the session, in time order when it is built.
   */
  void joinCopy(Set<String> held) {
    heldUuids = held;
  }
  private boolean inPlanMode;
  /** Claude Code asked for a title here: with nothing asked by the person, the file is no session. */
  private boolean titleRequest;
  private boolean compactionPending;

  ClaudeSessionBuilder(Project project, String sessionId) {
    this.project = project;
    this.sessionId = sessionId;
    this.owner = project.register(sessionId);
  }

  /**
   * Maps one valid line. Returns false for a line of a kind that carries nothing to count
   * (titles, snapshots, progress, unknown types); true for a mapped line.
   */
  boolean accept(ClaudeLine line, boolean fromSubagentFile) {
    String type = line.type;
    if (type == null) {
      return false;
    }
    switch (type) {
      case "user":
      case "assistant":
      case "system":
      case "attachment":
      case "queue-operation":
      case "permission-mode":
        break;
      default:
        return false;
    }
    earlierTimestamp = previousTimestamp;
    previousTimestamp = lineTimestamp;
    lineTimestamp = fromSubagentFile ? null : line.timestamp;
    if (heldUuids != null && (line.uuid == null || heldUuids.contains(line.uuid))) {
      return true;
    }
    if (line.uuid != null && project.uuids.contains(line.uuid)) {
      // A resumed session replays earlier lines under their old uuids: count them once.
      int first = project.uuids.addIfAbsent(line.uuid, owner);
      if (first != owner && parentId == null && first >= 0 && first < project.sessionIds.size()) {
        parentId = project.sessionIds.get(first);
      }
      return true;
    }
    boolean side = fromSubagentFile || line.isSidechain;
    if (side && line.agentId != null) {
      subagentIds.add(line.agentId);
    }
    List<Event> out = side ? subagentEvents : events;
    int before = out.size();
    Instant at = Timestamps.parse(line.timestamp);
    switch (type) {
      case "user": user(line, at, out, side); break;
      case "assistant": assistant(line, at, out); break;
      case "system": system(line, at, out); break;
      case "attachment": attachment(line, at, out, side); break;
      case "queue-operation": if (!side) queue(line, at); break;
      default: if (!side) permissionMode(line.permissionMode, at);
    }
    if (!fromSubagentFile && at != null && (latest == null || at.isAfter(latest))) {
      latest = at;
    }
    if (line.uuid != null && out.size() > before) {
      project.uuids.addIfAbsent(line.uuid, owner);
    }
    joined |= heldUuids != null && out.size() > before;
    return true;
  }

  /** Notes a subagent transcript attached to this session (its id from the file name). */
  void subagent(String agentId) {
    subagentIds.add(agentId);
  }

  boolean isEmpty() {
    return events.isEmpty() && subagentEvents.isEmpty() || titleRequest && !asked();
  }

  /** Whether the person asked anything: a typed prompt or a command. */
  private boolean asked() {
    for (Event e : events) {
      if (e != null && (e.kind().isTypedPrompt() || e.kind() == EventKind.SLASH_COMMAND)) {
        return true;
      }
    }
    return false;
  }

  Session build(String repoId, Path source) {
    List<Event> main = new ArrayList<>(events.size());
    for (Event e : events) {
      if (e != null) {
        main.add(e);
      }
    }
    if (joined) {
      main = Timestamps.inTimeOrder(main);
    }
    Instant start = null;
    Instant end = null;
    for (List<Event> list : List.of(main, subagentEvents)) {
      for (Event e : list) {
        Instant t = e.timestamp();
        if (t != null) {
          start = start == null || t.isBefore(start) ? t : start;
          end = end == null || t.isAfter(end) ? t : end;
        }
      }
    }
    return new Session(sessionId, Session.OWN_LOGS, repoId, Agent.CLAUDE_CODE, source, start, end, main,
        subagentEvents, parentId, new ArrayList<>(subagentIds));
  }

  private void user(ClaudeLine line, Instant at, List<Event> out, boolean side) {
    if (!side && line.permissionMode != null) {
      permissionMode(line.permissionMode, at);
    }
    if (line.isCompactSummary) {
      compaction(at, line.messageTextLength, out);
      return;
    }
    if (!line.hasMessage) {
      return;
    }
    if (line.messageIsString) {
      if (line.messageText != null) {
        StringBuilder typed = new StringBuilder();
        text(line.messageText, written(line), at, out, typed);
        prompt(typed, at, out, side);
      }
      return;
    }
    StringBuilder typed = new StringBuilder();
    for (int i = 0; i < line.blockCount; i++) {
      ClaudeLine.Block b = line.block(i);
      if ("tool_result".equals(b.type)) {
        if (b.toolUseId != null && !answered.add(b.toolUseId)) {
          continue;
        }
        ToolUse use = b.toolUseId == null ? null : toolUses.get(b.toolUseId);
        out.add(new Event(EventKind.TOOL_RESULT, at, b.textLength, null,
            use == null ? null : use.name(), use == null ? null : use.command(), null, b.isError,
            0, 0));
      } else if ("text".equals(b.type) && b.text != null) {
        text(b.text, written(line), at, out, typed);
      }
    }
    prompt(typed, at, out, side);
  }

  /**
   * Whether Claude Code wrote a user line's text itself: a meta line, or its notice that it shut
   * down mid-turn, which reads as an interrupt but is none.
   */
  private static boolean written(ClaudeLine line) {
    return line.isMeta || line.interruptedByShutdown;
  }

  /** One piece of user-side text: typed text is gathered into {@code typed}, the rest emitted. */
  private void text(String text, boolean meta, Instant at, List<Event> out, StringBuilder typed) {
    if (meta) {
      // isMeta lines are written by Claude Code (caveats, a command's expanded template).
      out.add(new Event(EventKind.INJECTED, at, text.length(), null, null, null, null, false, 0, 0));
      return;
    }
    EventKind kind = ClaudeText.classify(text);
    titleRequest |= kind == EventKind.INJECTED && ClaudeText.isTitleRequest(text);
    switch (kind) {
      case PROMPT:
        String own = ClaudeText.withoutReminders(text);
        if (own.isBlank()) {
          out.add(new Event(EventKind.INJECTED, at, text.length(), null, null, null, null, false, 0, 0));
          break;
        }
        if (typed.length() > 0) {
          typed.append('\n');
        }
        typed.append(own);
        break;
      case SLASH_COMMAND:
        out.add(command(text, at));
        break;
      case BASH_MODE:
        String command = ClaudeText.bashInput(text);
        out.add(new Event(EventKind.BASH_MODE, at, command == null ? 0 : command.length(), null,
            null, command, null, false, 0, 0));
        break;
      case COMPACTION:
        compaction(at, text.length(), out);
        break;
      case INTERRUPT:
        out.add(Event.of(EventKind.INTERRUPT, at));
        break;
      default:
        out.add(new Event(kind, at, text.length(), null, null, null, null, false, 0, 0));
    }
  }

  /** A slash command, with the arguments the person typed after it as its text. */
  private static Event command(String text, Instant at) {
    String arguments = CommandTags.arguments(text);
    return new Event(EventKind.SLASH_COMMAND, at, arguments.length(), arguments,
        ClaudeText.commandName(text), null, null, false, 0, 0);
  }

  private void prompt(StringBuilder typed, Instant at, List<Event> out, boolean side) {
    if (typed.length() == 0) {
      return;
    }
    String text = typed.toString();
    if (!side && !promptTexts.add(text) && replayed(at)) {
      return;
    }
    if (!side && deliverQueued(text)) {
      return;
    }
    out.add(Event.prompt(EventKind.PROMPT, at, text));
  }

  /**
   * Whether this line is part of the conversation written out again under new uuids (the VS Code
   * extension after a resume): such a replay writes its lines at one instant, either a run of them
   * at the same moment or lines dated before what the file already holds. A prompt already typed,
   * written so, is that replay, not the person asking again; one written at the same moment as a
   * single line before it (an interrupt or a caveat the client writes with a prompt) is the person.
   */
  private boolean replayed(Instant at) {
    if (lineTimestamp == null || !lineTimestamp.equals(previousTimestamp)) {
      return false;
    }
    return lineTimestamp.equals(earlierTimestamp) || (at != null && latest != null && at.isBefore(latest));
  }

  private void compaction(Instant at, int length, List<Event> out) {
    // A compaction writes a compact_boundary system line and then the summary as a user line.
    if (compactionPending) {
      compactionPending = false;
      return;
    }
    out.add(new Event(EventKind.COMPACTION, at, length, null, null, null, null, false, 0, 0));
  }

  private void assistant(ClaudeLine line, Instant at, List<Event> out) {
    compactionPending = false;
    int first = out.size();
    if (line.isApiErrorMessage) {
      out.add(new Event(EventKind.API_ERROR, at, line.messageTextLength, null, null, null, null,
          true, 0, 0));
    } else if (line.messageIsString) {
      out.add(new Event(EventKind.ASSISTANT_TEXT, at, line.messageTextLength, null, null, null,
          null, false, 0, 0));
    }
    for (int i = 0; i < line.blockCount && !line.isApiErrorMessage; i++) {
      ClaudeLine.Block b = line.block(i);
      String type = b.type == null ? "" : b.type;
      switch (type) {
        case "text":
          // Claude Code writes failed API calls as "<synthetic>" assistant text "API Error: …".
          boolean apiError = b.text != null && b.text.startsWith("API Error");
          out.add(new Event(apiError ? EventKind.API_ERROR : EventKind.ASSISTANT_TEXT, at,
              b.textLength, null, null, null, null, apiError, 0, 0));
          break;
        case "thinking":
        case "redacted_thinking":
          out.add(new Event(EventKind.THINKING, at, b.textLength, null, null, null, null, false,
              0, 0));
          break;
        case "tool_use":
        case "server_tool_use":
          // A tool call's id is unique: the same id again is the conversation written out a second
          // time under new line uuids (seen after a resume in the VS Code extension), not a new call.
          if (b.id == null || !toolUses.containsKey(b.id)) {
            out.add(toolUse(b, at));
          }
          break;
        default:
          // images, documents, unknown blocks: nothing to count
      }
    }
    usage(line, at, out, first);
  }

  private Event toolUse(ClaudeLine.Block b, Instant at) {
    String name = b.name;
    String command = "Bash".equals(name) ? b.command : null;
    if (b.id != null) {
      toolUses.put(b.id, new ToolUse(name, command));
    }
    EventKind kind = EventKind.TOOL_CALL;
    if ("Task".equals(name) || "Agent".equals(name)) {
      kind = EventKind.SUBAGENT_CALL;
    } else if ("EnterPlanMode".equals(name) || "ExitPlanMode".equals(name)) {
      kind = EventKind.PLAN_MODE;
    }
    return new Event(kind, at, 0, null, name, command, b.filePath, false, 0, 0);
  }

  /**
   * Puts the line's usage on its first event, once per message.id + requestId: a message written
   * over several lines counts at its largest, each line adding its rise over the lines before.
   */
  private void usage(ClaudeLine line, Instant at, List<Event> out, int first) {
    if (!line.hasUsage) {
      return;
    }
    long in = saturatedSum(line.inputTokens, line.cacheCreationTokens, line.cacheReadTokens);
    long outTokens = line.outputTokens;
    if (line.messageId != null || line.requestId != null) {
      MessageUsage.Rise rise = project.usage.add(line.messageId + "\u0000" + line.requestId, in, outTokens);
      in = rise.input();
      outTokens = rise.output();
    }
    if (in == 0 && outTokens == 0) {
      return;
    }
    if (out.size() == first) {
      out.add(new Event(EventKind.ASSISTANT_TEXT, at, 0, null, null, null, null, false, in,
          outTokens));
      return;
    }
    Event e = out.get(first);
    out.set(first, new Event(e.kind(), e.timestamp(), e.textLength(), e.text(), e.toolName(),
        e.command(), e.filePath(), e.isError(), e.inputTokens() + in,
        e.outputTokens() + outTokens));
  }

  private static long saturatedSum(long a, long b, long c) {
    long sum = a + b + c;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private void system(ClaudeLine line, Instant at, List<Event> out) {
    String subtype = line.subtype == null ? "" : line.subtype;
    String content = line.content == null ? "" : line.content;
    if (subtype.equals("compact_boundary")) {
      if (!compactionPending) {
        out.add(new Event(EventKind.COMPACTION, at, 0, null, null, null, null, false, 0, 0));
      }
      compactionPending = true;
    } else if ("error".equals(line.level) || subtype.equals("api_error")
        || content.startsWith("API Error")) {
      out.add(new Event(EventKind.API_ERROR, at, content.length(), null, null, null, null, true,
          0, 0));
    } else if (subtype.equals("local_command") && !content.isEmpty()) {
      EventKind kind = ClaudeText.classify(content);
      if (kind == EventKind.SLASH_COMMAND) {
        out.add(command(content, at));
      } else {
        out.add(new Event(EventKind.INJECTED, at, content.length(), null, null, null, null,
            false, 0, 0));
      }
    }
  }

  private void attachment(ClaudeLine line, Instant at, List<Event> out, boolean side) {
    if (!"queued_command".equals(line.attachmentType) || line.attachmentPrompt == null) {
      return;
    }
    String prompt = line.attachmentPrompt;
    if (!side && (deliverQueued(prompt) || take(removed, prompt.strip()) != null)
        || ClaudeText.isCommand(prompt)) {
      return;
    }
    EventKind kind = ClaudeText.classify(prompt);
    if (kind == EventKind.PROMPT) {
      out.add(Event.prompt(EventKind.QUEUE_STEERING, at, prompt));
    } else {
      out.add(new Event(EventKind.INJECTED, at, prompt.length(), null, null, null, null, false,
          0, 0));
    }
  }

  private void queue(ClaudeLine line, Instant at) {
    String op = line.operation == null ? "" : line.operation;
    switch (op) {
      case "enqueue":
        if (line.content != null && !line.content.isBlank()
            && ClaudeText.classify(line.content) == EventKind.PROMPT
            && !ClaudeText.isCommand(line.content) && !queuedAgain(line.content.strip(), at)) {
          events.add(Event.prompt(EventKind.QUEUE_STEERING, at, line.content));
          queued.addLast(new Queued(line.content.strip(), events.size() - 1));
        }
        break;
      case "remove":
        // Taken off the queue: either absorbed mid-turn (a queued_command attachment follows)
        // or cancelled. Only an attachment may still claim it.
        Queued item = line.content != null ? take(queued, line.content.strip()) : queued.pollFirst();
        if (item != null) {
          removed.addLast(item);
        }
        break;
      case "popAll":
        for (Queued q : queued) {
          events.set(q.index(), null);
        }
        queued.clear();
        break;
      default:
        // dequeue: the delivery that follows is matched by its text
    }
  }

  /**
   * Whether queued text repeats the text queued just before, within {@link #REQUEUED} of it: a
   * client caught in a loop writes one queued message out again and again, a fraction of a second
   * apart (143 times in 22 seconds in one real log); a person cannot type it again that fast.
   */
  private boolean queuedAgain(String text, Instant at) {
    boolean again = at != null && lastQueuedAt != null && text.equals(lastQueuedText)
        && !at.isBefore(lastQueuedAt) && at.isBefore(lastQueuedAt.plus(REQUEUED));
    lastQueuedText = text;
    lastQueuedAt = at;
    return again;
  }

  /** True when the text is the delivery of queued steering already counted at its enqueue. */
  private boolean deliverQueued(String text) {
    return !queued.isEmpty() && take(queued, text.strip()) != null;
  }

  private static Queued take(Deque<Queued> items, String text) {
    for (Iterator<Queued> it = items.iterator(); it.hasNext(); ) {
      Queued q = it.next();
      if (q.text().equals(text)) {
        it.remove();
        return q;
      }
    }
    return null;
  }

  private void permissionMode(String mode, Instant at) {
    if (mode == null) {
      return;
    }
    boolean plan = mode.equals("plan");
    if (plan != inPlanMode) {
      events.add(Event.of(EventKind.PLAN_MODE, at));
      inPlanMode = plan;
    }
  }
}
