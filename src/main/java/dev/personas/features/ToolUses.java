package dev.personas.features;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairs the tool calls of one event stream with their results.
 *
 * <p>Matching: a TOOL_RESULT answers the oldest unanswered call with the same tool name (when
 * the result names its tool), else the oldest unanswered call. A typed PROMPT starts a new turn
 * and drops unanswered calls, so one lost result cannot shift every later pairing. Queue
 * steering does not: it is typed while tools still run.
 */
final class ToolUses {

  /** How far into the unanswered calls a result looks for its tool name. */
  private static final int NAME_SEARCH_LIMIT = 64;

  private ToolUses() {}

  /** The tool calls of {@code events} in order, each with its result. */
  static List<ToolCall> of(List<Event> events) {
    List<Event> calls = new ArrayList<>();
    List<Event> results = new ArrayList<>();
    List<Integer> promptsBefore = new ArrayList<>();
    LinkedList<Integer> pending = new LinkedList<>();
    int prompts = 0;
    for (Event e : events) {
      if (ToolClasses.isToolCall(e)) {
        pending.addLast(calls.size());
        calls.add(e);
        results.add(null);
        promptsBefore.add(prompts);
      } else if (e.kind() == EventKind.TOOL_RESULT && !pending.isEmpty()) {
        results.set(answered(pending, calls, e), e);
      } else if (e.kind().isTypedPrompt()) {
        prompts++;
        if (e.kind() == EventKind.PROMPT) {
          pending.clear();
        }
      }
    }
    List<ToolCall> out = new ArrayList<>(calls.size());
    // Sessions repeat calls (the same command run again): each distinct one is classified once.
    Map<List<String>, ToolCall.Traits> traits = new HashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      Event call = calls.get(i);
      ToolCall.Traits t = traits.computeIfAbsent(Arrays.asList(call.toolName(), call.command()),
          key -> ToolCall.Traits.of(key.get(0), key.get(1)));
      out.add(t.call(call, results.get(i), promptsBefore.get(i)));
    }
    return out;
  }

  private static int answered(LinkedList<Integer> pending, List<Event> calls, Event result) {
    if (result.toolName() != null) {
      Iterator<Integer> it = pending.iterator();
      for (int n = 0; it.hasNext() && n < NAME_SEARCH_LIMIT; n++) {
        int index = it.next();
        if (Objects.equals(result.toolName(), calls.get(index).toolName())) {
          it.remove();
          return index;
        }
      }
    }
    return pending.removeFirst();
  }
}
