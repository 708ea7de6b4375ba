package dev.personas.features;

import static dev.personas.features.Feature.*;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes every {@link Feature} of a session from its log alone. Stateless and thread-safe.
 *
 * <p>Which events count where: prompts, corrections, pauses, slash commands, interrupts, plan
 * mode, reads before the first write, tool calls per prompt, the diff review at the end and how
 * the session ended are about the main thread (the person's conversation). Everything the
 * agent did counts subagents in: edits, tool diversity and shares, web look-ups, test runs, tool
 * errors, todo lists, commits, compactions, API errors, active time and tokens.
 */
public final class FeatureExtractor {

  /** Near-identical and re-pasted prompts are looked for among this many earlier prompts. */
  private static final int LOOK_BACK = 50;
  private static final double NEAR_IDENTICAL = 0.8;
  private static final int CORRECTION_MAX_CHARS = 200;
  private static final Pattern INIT = Pattern.compile("^\\s*(?:<command-name>)?/?init\\b");

  /** The features of one session, in {@link Feature} order; all finite, zeros when empty. */
  public FeatureVector extract(Session session) {
    return extract(session, ToolUses.of(session.events()));
  }

  /**
   * The features of one session and its timeline (null when {@code timelines} is null): what
   * {@link #extract} and {@link TimelineMaker#make} give, with the tool calls paired once.
   */
  public FeaturesAndTimeline extract(Session session, TimelineMaker timelines) {
    List<ToolCall> mainCalls = ToolUses.of(session.events());
    return new FeaturesAndTimeline(extract(session, mainCalls),
        timelines == null ? null : timelines.make(session, mainCalls));
  }

  /**
   * A session's features and timeline.
   *
   * @param timeline null when none was asked for
   */
  public record FeaturesAndTimeline(FeatureVector features, Timeline timeline) {}

  private FeatureVector extract(Session session, List<ToolCall> mainCalls) {
    double[] v = new double[Feature.values().length];
    List<Event> main = session.events();
    List<Event> subagents = session.subagentEvents();
    List<String> prompts = typedPrompts(main);
    List<ToolCall> subCalls = ToolUses.of(subagents);

    List<PromptFacts> facts = read(prompts);

    promptShape(main, prompts, v);
    promptSignals(facts, v);
    steering(main, mainCalls, facts, v);
    toolMix(mainCalls, subCalls, prompts.size(), v);
    testsAndEnding(main, subagents, mainCalls, subCalls, v);
    workflow(main, subagents, facts, mainCalls, subCalls, v);
    time(session, prompts.size(), mainCalls.size(), v);
    tokens(main, subagents, v);
    return new FeatureVector(session.id(), v);
  }

  /**
   * What the person typed for their first {@code n} asks: prompts, and commands run with
   * something typed after them. A bare command (/clear, /init) typed nothing to point with.
   */
  private static List<String> firstAsks(List<Event> main, int n) {
    List<String> asks = new ArrayList<>(n);
    for (Event e : main) {
      if (asks.size() == n) {
        break;
      }
      boolean typed = e.kind().isTypedPrompt()
          || e.kind() == EventKind.SLASH_COMMAND && !HousekeepingCommands.is(e) && e.text() != null
          && !e.text().isBlank();
      if (typed) {
        asks.add(e.text() != null ? e.text() : "");
      }
    }
    return asks;
  }

  private static List<String> typedPrompts(List<Event> main) {
    List<String> prompts = new ArrayList<>();
    for (Event e : main) {
      if (e.kind().isTypedPrompt()) {
        prompts.add(e.text() != null ? e.text() : "");
      }
    }
    return prompts;
  }

  private static List<PromptFacts> read(List<String> prompts) {
    List<PromptFacts> facts = new ArrayList<>(prompts.size());
    for (String text : prompts) {
      facts.add(PromptSignals.read(text));
    }
    return facts;
  }

  private static void promptShape(List<Event> main, List<String> prompts, double[] v) {
    double[] lengths = new double[prompts.size()];
    int n = 0;
    for (Event e : main) {
      if (e.kind().isTypedPrompt()) {
        lengths[n++] = length(e);
      }
    }
    String first = prompts.isEmpty() ? "" : prompts.get(0);
    put(v, PROMPTS, prompts.size());
    put(v, SLASH_COMMANDS, HousekeepingCommands.count(main));
    put(v, FIRST_PROMPT_CHARS, n == 0 ? 0 : lengths[0]);
    put(v, MEDIAN_PROMPT_CHARS, Timing.median(lengths, n));
    put(v, SPEC_MARKERS, PromptSignals.specMarkers(first));
    // The plan may come after a word of set-up ("codex completion", then "build plan.md phase 3"),
    // or be named in what was typed after a command (spec-kit's /implement "do tasks T012 - T016").
    boolean pointed = firstAsks(main, 2).stream().anyMatch(PromptSignals::pointsAtPlan);
    put(v, PLAN_HANDOFF, PromptSignals.isPlanHandoff(first) || pointed ? 1 : 0);
  }

  private static void promptSignals(List<PromptFacts> prompts, double[] v) {
    int repastes = 0;
    int repeats = 0;
    int vague = 0;
    int pointers = 0;
    int questions = 0;
    int pasted = 0;
    Deque<Set<String>> errors = new ArrayDeque<>();
    Deque<long[]> shingles = new ArrayDeque<>();
    for (PromptFacts prompt : prompts) {
      Set<String> signature = prompt.errorSignature();
      if (!signature.isEmpty()) {
        if (errors.stream().anyMatch(earlier -> PromptSignals.sameError(signature, earlier))) {
          repastes++;
        }
        keepLast(errors, signature);
      }
      long[] own = prompt.shingles();
      if (shingles.stream().anyMatch(earlier -> nearIdentical(own, earlier))) {
        repeats++;
      }
      keepLast(shingles, own);
      vague += prompt.vagueFixRequest() ? 1 : 0;
      pointers += prompt.specificPointer() ? 1 : 0;
      questions += prompt.question() ? 1 : 0;
      pasted += prompt.pastedOutput() ? 1 : 0;
    }
    put(v, ERROR_REPASTES, repastes);
    put(v, REPEATED_PROMPTS, repeats);
    put(v, VAGUE_FIX_REQUESTS, vague);
    put(v, SPECIFIC_POINTERS, pointers);
    put(v, QUESTION_SHARE, share(questions, prompts.size()));
    put(v, PASTED_OUTPUT, pasted);
  }

  /**
   * Corrections, interrupts and plan-mode switches: the person steering the main thread. A
   * correction is a short prompt right after the agent edited that neither asks a question nor
   * only moves the agent along ("A", "yes", "continue", "commit it"): readers of real prompts
   * called a third of the short prompts after edits go-ons and a sixth questions.
   */
  private static void steering(
      List<Event> main, List<ToolCall> calls, List<PromptFacts> facts, double[] v) {
    // editedBefore[k]: the agent edited between typed prompt k-1 and typed prompt k.
    Set<Integer> editedBefore = new HashSet<>();
    int planMode = count(main, EventKind.PLAN_MODE);
    for (ToolCall call : calls) {
      if (call.edit()) {
        editedBefore.add(call.promptsBefore());
      }
      planMode += ToolClasses.isPlanModeTool(call) ? 1 : 0;
    }
    int corrections = 0;
    int prompt = 0;
    for (Event e : main) {
      if (e.kind().isTypedPrompt()) {
        PromptFacts typed = facts.get(prompt);
        if (editedBefore.contains(prompt) && strippedLength(e) < CORRECTION_MAX_CHARS
            && !typed.question() && !typed.goOn()) {
          corrections++;
        }
        prompt++;
      }
    }
    put(v, CORRECTIONS, corrections);
    put(v, INTERRUPTS, count(main, EventKind.INTERRUPT));
    put(v, PLAN_MODE, planMode);
  }

  private static void toolMix(
      List<ToolCall> main, List<ToolCall> subagents, int prompts, double[] v) {
    int readsBeforeWrite = 0;
    for (ToolCall call : main) {
      if (call.edit()) {
        break;
      }
      readsBeforeWrite += call.read() ? 1 : 0;
    }
    int edits = 0;
    int proseEdits = 0;
    int shell = 0;
    int reads = 0;
    int web = 0;
    Set<String> names = new HashSet<>();
    for (List<ToolCall> calls : List.of(main, subagents)) {
      for (ToolCall call : calls) {
        edits += call.edit() ? 1 : 0;
        proseEdits += call.edit() && ToolClasses.isProseFile(call.path()) ? 1 : 0;
        shell += call.shell() ? 1 : 0;
        reads += call.read() ? 1 : 0;
        web += call.web() ? 1 : 0;
        names.add(ToolClasses.name(call.event()));
      }
    }
    int calls = main.size() + subagents.size();
    put(v, EDIT_ITERATIONS, edits);
    put(v, DOC_EDITS, proseEdits);
    put(v, READS_BEFORE_FIRST_WRITE, readsBeforeWrite);
    put(v, TOOL_CALLS_PER_PROMPT, (double) main.size() / Math.max(1, prompts));
    put(v, DISTINCT_TOOLS, names.size());
    put(v, SHELL_SHARE, share(shell, calls));
    put(v, READ_SHARE, share(reads, calls));
    put(v, WEB_LOOKUPS, web);
  }

  private static void testsAndEnding(List<Event> main, List<Event> subagents,
      List<ToolCall> mainCalls, List<ToolCall> subCalls, double[] v) {
    int runs = 0;
    int failed = 0;
    ToolCall lastMainRun = null;
    ToolCall lastSubRun = null;
    for (ToolCall call : mainCalls) {
      if (call.testRun()) {
        runs++;
        failed += call.failed() ? 1 : 0;
        lastMainRun = call;
      }
    }
    for (ToolCall call : subCalls) {
      if (call.testRun()) {
        runs++;
        failed += call.failed() ? 1 : 0;
        lastSubRun = call;
      }
    }
    // The main thread sees how the session ends; subagents decide only when it ran no tests.
    ToolCall lastRun = lastMainRun != null ? lastMainRun : lastSubRun;
    Event lastResult = null;
    for (Event e : main) {
      if (e.kind() == EventKind.TOOL_RESULT) {
        lastResult = e;
      }
    }
    boolean endedOnError = lastResult != null && lastResult.isError()
        || lastRun != null && lastRun.failed();
    put(v, TEST_RUNS, runs);
    put(v, FAILED_TEST_RUNS, failed);
    put(v, TOOL_ERRORS, errors(main) + errors(subagents));
    put(v, ENDED_AFTER_ERROR, endedOnError ? 1 : 0);
    put(v, TESTS_PASS_AT_END, lastRun != null && lastRun.succeeded() ? 1 : 0);
  }

  private static void workflow(List<Event> main, List<Event> subagents, List<PromptFacts> prompts,
      List<ToolCall> mainCalls, List<ToolCall> subCalls, double[] v) {
    int subagentCalls = 0;
    int todos = 0;
    int setup = 0;
    int commits = 0;
    for (List<ToolCall> calls : List.of(mainCalls, subCalls)) {
      for (ToolCall call : calls) {
        Event e = call.event();
        subagentCalls += ToolClasses.isSubagentStart(call) ? 1 : 0;
        todos += ToolClasses.isTodo(call) ? 1 : 0;
        // Writing the conventions down sets the table; the agent reading them on its own does not.
        // A patch's text names every file it touches; a shell write's command is looked at only
        // when it names no file: "sed -i … src/app.py && cat AGENTS.md" edits app.py alone.
        setup += call.edit() && (PromptSignals.citesConventionFile(call.path())
            || (!call.shell() || call.path() == null)
                && PromptSignals.citesConventionFile(e.command())) ? 1 : 0;
        commits += call.commits();
      }
    }
    for (Event e : main) {
      setup += e.kind() == EventKind.SLASH_COMMAND && isInit(e) ? 1 : 0;
    }
    for (PromptFacts prompt : prompts) {
      setup += prompt.citesConventionFile() ? 1 : 0;
    }
    put(v, SUBAGENT_CALLS, subagentCalls);
    put(v, TODO_LISTS, todos);
    put(v, SETUP_ACTIONS, setup);
    put(v, DIFF_REVIEW_AT_END, reviewsDiffAtEnd(mainCalls) ? 1 : 0);
    put(v, AGENT_COMMITS, commits);
    put(v, COMPACTIONS, count(main, EventKind.COMPACTION) + count(subagents, EventKind.COMPACTION));
    put(v, API_ERRORS, count(main, EventKind.API_ERROR) + count(subagents, EventKind.API_ERROR));
  }

  /**
   * Active and wall time, pauses. A session none of whose events records a time (Codex's rollouts
   * of early 2025) has its active time estimated from its asks and tool calls, not read as 0:
   * zero minutes would make every such session look like a quick errand.
   */
  private static void time(Session session, int prompts, int mainCalls, double[] v) {
    long[] stamps = Timing.timestamps(session.events(), session.subagentEvents());
    double[] pauses = Timing.medianPauses(session.events(), prompts);
    // With no timestamp found, only a session without events can still be a timed one.
    put(v, ACTIVE_MINUTES, stamps.length == 0 && session.recordsNoTime()
        ? Timing.estimatedActiveMinutes(v[PROMPTS.ordinal()] + v[SLASH_COMMANDS.ordinal()], mainCalls)
        : Timing.activeMinutes(stamps));
    put(v, WALL_MINUTES, Timing.wallMinutes(stamps));
    put(v, MEDIAN_PAUSE_SECONDS, pauses[0]);
    put(v, LATE_PAUSE_SECONDS, pauses[1]);
  }

  private static void tokens(List<Event> main, List<Event> subagents, double[] v) {
    long in = 0;
    long out = 0;
    for (List<Event> stream : List.of(main, subagents)) {
      for (Event e : stream) {
        in += e.inputTokens();
        out += e.outputTokens();
      }
    }
    put(v, INPUT_TOKENS, in);
    put(v, OUTPUT_TOKENS, out);
  }

  /** git diff/status/show/log -p among the last fifth of the main thread's calls (at least one). */
  private static boolean reviewsDiffAtEnd(List<ToolCall> main) {
    int window = Math.max(1, (main.size() + 4) / 5);
    for (int i = Math.max(0, main.size() - window); i < main.size(); i++) {
      if (main.get(i).diffReview()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInit(Event e) {
    for (String s : Arrays.asList(e.text(), e.toolName(), e.command())) {
      if (s != null && INIT.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean nearIdentical(long[] a, long[] b) {
    int small = Math.min(a.length, b.length);
    int large = Math.max(a.length, b.length);
    // Jaccard is at most small/large: skip pairs that cannot reach the threshold.
    return small >= NEAR_IDENTICAL * large && PromptSignals.jaccard(a, b) >= NEAR_IDENTICAL;
  }

  private static <T> void keepLast(Deque<T> window, T item) {
    window.addLast(item);
    if (window.size() > LOOK_BACK) {
      window.removeFirst();
    }
  }

  private static int count(List<Event> events, EventKind kind) {
    int n = 0;
    for (Event e : events) {
      n += e.kind() == kind ? 1 : 0;
    }
    return n;
  }

  private static int errors(List<Event> events) {
    int n = 0;
    for (Event e : events) {
      n += e.kind() == EventKind.TOOL_RESULT && e.isError() ? 1 : 0;
    }
    return n;
  }

  private static double length(Event prompt) {
    return prompt.text() != null ? prompt.text().length() : prompt.textLength();
  }

  private static double strippedLength(Event prompt) {
    return prompt.text() != null ? prompt.text().strip().length() : prompt.textLength();
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static void put(double[] v, Feature feature, double value) {
    v[feature.ordinal()] = value;
  }
}
