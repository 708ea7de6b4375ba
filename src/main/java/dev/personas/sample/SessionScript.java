package dev.personas.sample;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.classify.SessionType;
import dev.personas.sample.ClaudeLog.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Plays one session of a given type into a {@link ClaudeLog}, so that its log-visible signals
 * match RESEARCH.md §4's table (the ranges are listed in the README's sample section). Subagent
 * transcripts started by Task calls are collected in {@link #subagents()}.
 */
final class SessionScript {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ClaudeLog log;
  private final Codebase code;
  private final Behaviour behaviour;
  private final SplittableRandom r;
  private final Map<String, List<String>> subagents = new TreeMap<>();
  private int failureIndex;

  /**
   * How a person tends to act whatever the session type.
   *
   * @param verbosity multiplies prompt lengths (Minimalists write less, Spec-First more)
   * @param interruptRate chance of interrupting the agent after a step
   * @param pasteRate chance of pasting real output back in a correction
   */
  record Behaviour(double verbosity, double interruptRate, double pasteRate) {}

  SessionScript(ClaudeLog log, Codebase code, Behaviour behaviour, SplittableRandom random) {
    this.log = log;
    this.code = code;
    this.behaviour = behaviour;
    this.r = random;
    this.failureIndex = random.nextInt(50);
  }

  Map<String, List<String>> subagents() {
    return subagents;
  }

  /** Writes a whole session of the type. */
  void play(SessionType type) {
    if (r.nextInt(4) == 0) {
      log.snapshot();
    }
    if (r.nextInt(25) == 0) {
      // A local command before the work starts: caveat, command, its output (none are prompts).
      log.command("model", "", "Set model to " + log.model());
      log.advance(5 + r.nextInt(30));
    }
    if (r.nextInt(10) == 0) {
      log.meta("<system-reminder>\nThe user opened the file " + log.cwd() + "/" + code.file(r)
          + " in the IDE. This may or may not be related to the current task.\n</system-reminder>");
    }
    switch (type) {
      case ONE_SHOT -> oneShot();
      case CONSULT -> consult();
      case BLUEPRINT -> blueprint();
      case SCAFFOLD -> scaffold();
      case WORKSHOP -> workshop();
      case MARATHON -> marathon();
      case SPIRAL -> spiral();
    }
  }

  // ---- session types ----

  private void oneShot() {
    int roll = r.nextInt(20);
    int asks = roll < 13 ? 1 : roll < 18 ? 2 : 3 + r.nextInt(2);
    for (int i = 0; i < asks; i++) {
      log.prompt(pick(ONE_SHOT_ASKS).replace("{f}", code.file(r)).replace("{s}", code.symbol(r)));
      log.advance(3 + r.nextInt(8));
      List<Call> calls = new ArrayList<>();
      if (r.nextInt(10) < 2) {
        calls.add(read(code.file(r)));
      }
      calls.add(r.nextInt(4) == 0 ? bash("git status --short", " M " + code.file(r), false) : edit(code.file(r)));
      log.assistant(null, r.nextBoolean() ? "I'll make that change." : null, calls);
      log.advance(2 + r.nextInt(6));
      if (r.nextInt(10) < 2) {
        log.assistant(null, pick(DONE), List.of());
      }
      log.advance(20 + r.nextInt(120));
    }
  }

  private void consult() {
    int questions = 2 + r.nextInt(2);
    for (int i = 0; i < questions; i++) {
      String q = pick(QUESTIONS).replace("{f}", code.file(r)).replace("{s}", code.symbol(r));
      log.prompt(stretch(q, 1 + r.nextInt(2)));
      log.advance(3 + r.nextInt(6));
      int rounds = r.nextInt(10) < 9 ? 1 : 2;
      for (int k = 0; k < rounds; k++) {
        List<Call> calls = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int c = 0; c < n; c++) {
          calls.add(research());
        }
        log.assistant(r.nextInt(3) == 0 ? "The user wants to understand the flow." : null, null, calls);
        log.advance(2 + r.nextInt(5));
      }
      log.assistant(null, pick(ANSWERS).replace("{s}", code.symbol(r)).replace("{f}", code.file(r)), List.of());
      log.advance(60 + r.nextInt(300));
    }
  }

  private void blueprint() {
    log.prompt(spec());
    log.advance(5 + r.nextInt(10));
    if (r.nextInt(10) < 4) {
      log.assistant(null, "I'll track the work in a todo list.", List.of(todo(4 + r.nextInt(4))));
    }
    List<Call> reads = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
      reads.add(read(code.file(r)));
    }
    log.assistant(null, "Let me read the relevant code first.", reads);
    int edits = 3 + r.nextInt(3);
    for (int i = 0; i < edits; i++) {
      log.assistant(null, null, List.of(i % 4 == 0 ? write(newFile()) : edit(code.file(r))));
      if (i % 6 == 5) {
        log.assistant(null, null, List.of(test(true)));
      }
    }
    log.assistant(null, "All acceptance criteria are met; a last test run:", List.of(test(true)));
    int later = r.nextInt(10) < 5 ? 0 : 1;
    for (int i = 0; i < later; i++) {
      log.advance(120 + r.nextInt(600));
      log.prompt(pick(BLUEPRINT_FOLLOW_UPS));
      log.advance(4);
      log.assistant(null, null, List.of(i == later - 1 ? bash("git add -A && git commit -m \"Implement spec\"",
          "[main 4f2a9c1] Implement spec", false) : edit("CHANGELOG.md")));
    }
  }

  private void scaffold() {
    boolean init = r.nextInt(10) < 4;
    if (init) {
      log.command("init", "", null);
      log.meta("Please analyze this codebase and create a CLAUDE.md file, which will be given to"
          + " future instances of Claude Code to operate in this repository.");
      log.advance(4);
      List<Call> reads = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
        reads.add(i == 0 ? glob("**/*") : read(code.file(r)));
      }
      log.assistant(null, "I'll look at the structure first.", reads);
      log.assistant(null, "I'll write CLAUDE.md with the build, test and style conventions.", List.of(write("CLAUDE.md")));
      log.advance(60 + r.nextInt(240));
    }
    log.permissionMode("plan");
    log.prompt(stretch("Before you write any code, read CLAUDE.md and docs/ARCHITECTURE.md, then plan how to add "
        + pick(FEATURES) + ". Use subagents to explore " + code.file(r) + " and the tests, and keep a todo list.", 1 + r.nextInt(2)));
    log.advance(5);
    if (r.nextInt(10) < 4) {
      log.assistant(null, null, List.of(new Call("EnterPlanMode", F.objectNode(),
          "Entered plan mode. You should now focus on exploring the codebase and designing an implementation approach.", false)));
    }
    log.assistant(null, "Let me read the conventions first.", List.of(read("CLAUDE.md")));
    int agents = r.nextInt(10) < 7 ? 1 : 2;
    for (int i = 0; i < agents; i++) {
      log.assistant(null, null, List.of(task(i)));
    }
    List<Call> reads = new ArrayList<>();
    for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
      reads.add(r.nextInt(3) == 0 ? grep(code.symbol(r)) : read(code.file(r)));
    }
    log.assistant(null, null, reads);
    log.assistant(null, null, List.of(new Call("ExitPlanMode", F.objectNode().put("plan",
        "1. Add the model\n2. Wire it into " + code.symbol(r) + "\n3. Tests in " + code.testFile(r)),
        "User has approved your plan. You can now start coding.", false)));
    log.permissionMode("acceptEdits");
    log.advance(30 + r.nextInt(120));
    log.prompt(pick(List.of("yes, go ahead", "Approved. Follow the plan and update the todos as you go.", "ok, start with step 1")));
    log.advance(4);
    int steps = 2 + r.nextInt(2);
    log.assistant(null, null, List.of(todo(steps)));
    for (int i = 0; i < steps; i++) {
      log.assistant(null, null, List.of(edit(code.file(r))));
      if (r.nextInt(10) < 2) {
        log.assistant(null, null, List.of(edit(code.testFile(r))));
      }
    }
    log.assistant(null, null, List.of(todo(steps)));
    log.assistant(null, pick(DONE), List.of(test(true)));
    for (int i = 0, more = r.nextInt(10) < 6 ? 0 : 1; i < more; i++) {
      log.advance(120 + r.nextInt(600));
      log.prompt(pick(List.of("Now have a subagent review the diff against CLAUDE.md.", "Update the todo list and continue with the next item.",
          "Run the full test suite and summarize.")));
      log.assistant(null, pick(DONE), List.of(i == 0 ? task(agents + i) : test(true)));
    }
  }

  private void workshop() {
    log.prompt(stretch(pick(FEATURE_ASKS).replace("{f}", code.file(r)).replace("{feature}", pick(FEATURES)), 1));
    log.advance(5);
    log.assistant(null, "Here is a first version.", List.of(read(code.file(r)), edit(code.file(r))));
    int cycles = 3 + r.nextInt(3);
    for (int i = 0; i < cycles; i++) {
      log.advance(30 + r.nextInt(150));
      if (r.nextDouble() < behaviour.interruptRate()) {
        log.interrupt();
        log.advance(5);
      }
      boolean paste = r.nextDouble() < behaviour.pasteRate();
      String pointer = pick(CORRECTIONS).replace("{f}", code.file(r)).replace("{l}", Integer.toString(10 + r.nextInt(200)))
          .replace("{s}", code.symbol(r));
      log.prompt(paste ? pointer + "\n```\n$ " + code.testCommand() + "\n" + code.failure(failureIndex + i) + "\n```" : pointer);
      log.advance(3);
      List<Call> calls = new ArrayList<>();
      calls.add(edit(code.file(r)));
      if (r.nextInt(10) < 3) {
        calls.add(test(r.nextInt(3) > 0));
      }
      if (r.nextInt(10) == 0) {
        calls.add(bash("git diff --stat", " " + code.file(r) + " | 6 +++---", false));
      }
      log.assistant(null, r.nextInt(10) < 2 ? "Fixed." : null, calls);
    }
    log.assistant(null, "Running the tests once more.", List.of(test(true)));
  }

  private void marathon() {
    int prompts = 20 + r.nextInt(5);
    long activeSeconds = 60L * (65 + r.nextInt(120));
    long perCycle = activeSeconds / prompts;
    int night = r.nextInt(10) < 3 ? 3 + r.nextInt(prompts - 6) : -1;
    boolean compacted = false;
    for (int i = 0; i < prompts; i++) {
      if (i == night) {
        log.advance(3600L * (8 + r.nextInt(6))); // slept on it: wall clock, not active time
      }
      if (!compacted && i >= 12 && r.nextInt(8) == 0) {
        log.compact("The user is building " + pick(FEATURES) + " in " + code.file(r) + "; tests pass so far.");
        compacted = true;
      }
      String ask = i == 0 ? stretch("Let's build " + pick(FEATURES) + ". Start with the data model in " + code.file(r) + ".", 2)
          : pick(MARATHON_ASKS).replace("{f}", code.file(r)).replace("{s}", code.symbol(r)).replace("{feature}", pick(FEATURES));
      log.prompt(i > 0 && r.nextInt(4) == 0 ? stretch(ask, 1) : ask);
      log.advance(4 + r.nextInt(10));
      List<Call> calls = new ArrayList<>();
      if (r.nextInt(10) == 0) {
        calls.add(read(code.file(r)));
      }
      if (i == 0 || r.nextInt(10) < 5) {
        calls.add(edit(code.file(r)));
      }
      if (r.nextInt(10) == 0) {
        calls.add(edit(r.nextBoolean() ? code.file(r) : code.testFile(r)));
      }
      // Some turns are talk only: the person thinks aloud, the agent answers.
      log.assistant(null, calls.isEmpty() ? pick(DONE) : null, calls);
      if (r.nextInt(12) == 0) {
        log.queue(pick(List.of("also keep the old endpoint working", "use the existing logger", "don't touch the migrations")));
      }
      if (r.nextDouble() < behaviour.interruptRate()) {
        log.interrupt();
      }
      if (r.nextInt(6) == 0) {
        log.assistant(null, null, List.of(test(r.nextInt(4) > 0)));
      }
      log.advance(Math.max(30, perCycle - 40 + r.nextInt(80)));
    }
  }

  private void spiral() {
    int error = failureIndex;
    String first = code.failure(error);
    log.prompt(r.nextInt(10) < 6 ? "I get this error when I run the tests:\n```\n" + first + "\n```\nfix it"
        : stretch(code.symbol(r) + " is broken after the last change, the tests fail. Please fix.", 1));
    int rounds = 3 + r.nextInt(3);
    boolean fixedAtEnd = r.nextInt(100) < 35;
    for (int i = 0; i < rounds; i++) {
      log.advance(4 + r.nextInt(10));
      List<Call> calls = new ArrayList<>();
      if (r.nextInt(10) < 2) {
        calls.add(read(code.file(r)));
      }
      calls.add(r.nextInt(5) == 0
          ? new Call("Edit", editInput(code.file(r)), "String to replace not found in file.", true)
          : edit(code.file(r)));
      boolean last = i == rounds - 1;
      calls.add(test(last && fixedAtEnd));
      log.assistant(r.nextInt(4) == 0 ? "Maybe the payload is missing the key." : null,
          r.nextBoolean() ? "I think I found it. Let me run the tests." : null, calls);
      if (r.nextInt(8) == 0) {
        log.apiError();
      }
      if (last || r.nextInt(10) < 2) {
        log.assistant(null, last && fixedAtEnd ? "The tests pass now." : "The test still fails; trying another approach.", List.of());
      }
      if (last) {
        break;
      }
      log.advance(20 + r.nextInt(100));
      if (r.nextDouble() < behaviour.interruptRate() * 2) {
        log.interrupt();
      }
      // Mostly the same error again, pasted again, or a vague re-ask.
      int roll = r.nextInt(10);
      String again = roll < 4 ? pick(VAGUE)
          : roll < 8 ? pick(VAGUE) + "\n```\n" + code.failure(r.nextInt(5) == 0 ? ++error : error) + "\n```"
          : pick(VAGUE) + " " + pick(VAGUE);
      log.prompt(again);
    }
    if (!fixedAtEnd && r.nextBoolean()) {
      log.advance(30 + r.nextInt(200));
      log.prompt(pick(List.of("forget it, I'll do it myself", "this is going nowhere", "stop. revert everything")));
      log.assistant(null, "Understood.", List.of());
    }
  }

  // ---- tool calls ----

  private Call read(String file) {
    return new Call("Read", F.objectNode().put("file_path", abs(file)),
        "     1\t// " + file + "\n     2\t" + code.symbol(r) + "(...)\n", false);
  }

  private Call grep(String pattern) {
    return new Call("Grep", F.objectNode().put("pattern", pattern).put("output_mode", "files_with_matches"),
        "Found 2 files\n" + code.file(r) + "\n" + code.testFile(r), false);
  }

  private Call glob(String pattern) {
    return new Call("Glob", F.objectNode().put("pattern", pattern), String.join("\n", code.files()), false);
  }

  private Call research() {
    int k = r.nextInt(10);
    if (k < 4) {
      return read(code.file(r));
    }
    if (k < 6) {
      return grep(code.symbol(r));
    }
    if (k < 7) {
      String file = code.file(r);
      return glob("**/*." + file.substring(file.lastIndexOf('.') + 1));
    }
    if (k < 8) {
      return new Call("WebSearch", F.objectNode().put("query", code.language() + " " + pick(FEATURES) + " best practice"),
          "Web search results for query: 3 results", false);
    }
    if (k < 9) {
      return new Call("WebFetch", F.objectNode().put("url", "https://docs.example.org/" + code.language())
          .put("prompt", "How is this configured?"), "The page explains the configuration options.", false);
    }
    return bash("git log --oneline -5 -- " + code.file(r), "4f2a9c1 Refactor " + code.symbol(r), false);
  }

  private ObjectNode editInput(String file) {
    String sym = code.symbol(r);
    return F.objectNode().put("file_path", abs(file)).put("old_string", sym + "(a)").put("new_string", sym + "(a, b)");
  }

  private Call edit(String file) {
    return new Call("Edit", editInput(file), "The file " + abs(file) + " has been updated.", false);
  }

  private Call write(String file) {
    return new Call("Write", F.objectNode().put("file_path", abs(file)).put("content", "// " + file + "\n"),
        "File created successfully at: " + abs(file), false);
  }

  private Call bash(String command, String output, boolean error) {
    return new Call("Bash", F.objectNode().put("command", command).put("description", "Run " + command.split(" ")[0]),
        output, error);
  }

  private Call test(boolean pass) {
    return pass ? bash(code.testCommand(), code.pass(r), false)
        : bash(code.testCommand(), code.failure(failureIndex), true);
  }

  private Call todo(int items) {
    ObjectNode input = F.objectNode();
    var todos = input.putArray("todos");
    for (int i = 0; i < items; i++) {
      String what = "Step " + (i + 1) + ": " + pick(TODO_ITEMS);
      todos.addObject().put("content", what).put("status", i == 0 ? "in_progress" : "pending").put("activeForm", what);
    }
    return new Call("TodoWrite", input, "Todos have been modified successfully. Ensure that you continue to use the todo list to track your progress.", false);
  }

  /** A Task call and the subagent transcript it produces. */
  private Call task(int index) {
    String description = pick(List.of("Explore ", "Map tests of ", "Review ")) + code.file(r);
    String prompt = description + " and report the main types, entry points and conventions.";
    String agentId = String.format("%08x", r.nextInt() & 0x7fffffff);
    ClaudeLog sub = new ClaudeLog(log.sessionId(), log.cwd(), "main", log.version(), log.model(), log.now(), r, agentId);
    sub.prompt(prompt);
    sub.advance(3);
    sub.assistant(null, null, List.of(read(code.file(r))));
    sub.assistant(null, "Summary: " + code.symbol(r) + " is the entry point; tests live in " + code.testFile(r) + ".", List.of());
    subagents.put(agentId, sub.render());
    return new Call("Task", F.objectNode().put("description", description).put("prompt", prompt)
        .put("subagent_type", index % 2 == 0 ? "Explore" : "general-purpose"),
        "Summary: " + code.symbol(r) + " is the entry point.", false);
  }

  // ---- text ----

  private String abs(String file) {
    return log.cwd() + "/" + file;
  }

  private String newFile() {
    String f = code.file(r);
    int dot = f.lastIndexOf('.');
    return f.substring(0, dot) + "_" + pick(List.of("model", "store", "view", "util")) + f.substring(dot);
  }

  private String pick(List<String> options) {
    return options.get(r.nextInt(options.size()));
  }

  /** Lengthens a prompt by sentences of context, scaled by the person's verbosity. */
  private String stretch(String text, int sentences) {
    StringBuilder b = new StringBuilder(text);
    int n = (int) Math.round(sentences * behaviour.verbosity());
    for (int i = 0; i < n; i++) {
      b.append(' ').append(pick(CONTEXT));
    }
    return b.toString();
  }

  private String spec() {
    int form = r.nextInt(10);
    StringBuilder b = new StringBuilder();
    String feature = pick(FEATURES);
    if (form < 3) {
      b.append("Implement the following plan:\n\n# Plan: ").append(feature).append("\n\n");
    } else {
      b.append("## Goal\nAdd ").append(feature).append(" to ").append(code.file(r)).append(".\n\n");
      b.append(stretch("Context:", 2)).append("\n\n");
    }
    b.append("## Requirements\n");
    for (int i = 0, n = 4 + r.nextInt(6); i < n; i++) {
      b.append(i + 1).append(". ").append(pick(REQUIREMENTS).replace("{s}", code.symbol(r)).replace("{f}", code.file(r))).append('\n');
    }
    b.append("\n## Acceptance criteria\n");
    for (int i = 0, n = 3 + r.nextInt(4); i < n; i++) {
      b.append("- [ ] ").append(pick(CRITERIA).replace("{s}", code.symbol(r))).append('\n');
    }
    b.append("\n## Tests\n");
    for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
      b.append("- `").append(code.testFile(r)).append("`: test_").append(code.symbol(r).toLowerCase(java.util.Locale.ROOT))
          .append('_').append(pick(List.of("happy_path", "empty_input", "rejects_invalid", "is_idempotent"))).append('\n');
    }
    if (behaviour.verbosity() > 1.1) {
      b.append("\n## Out of scope\n- UI changes\n- Migrations of old data\n");
    }
    b.append("\nRun `").append(code.testCommand()).append("` when done.");
    return b.toString();
  }

  private static final List<String> ONE_SHOT_ASKS = List.of("rename {s} to {s}V2 in {f}", "add a .env entry to .gitignore",
      "fix the typo in the README title", "bump the version to 1.4.2", "add a docstring to {s}",
      "remove the unused import in {f}", "make {s} return early when the list is empty", "format {f}",
      "update the copyright year in LICENSE", "add a --verbose flag to the CLI");
  private static final List<String> QUESTIONS = List.of("How does {s} get its configuration?",
      "Why does {f} catch every exception here?", "What is the difference between {s} and the old handler?",
      "Where is the retry logic for uploads?", "Can you explain how the cache is invalidated?",
      "Is there a reason {s} is not thread-safe?", "What would break if I removed {f}?",
      "Which tests cover {s}?", "How do other projects usually structure this?");
  private static final List<String> ANSWERS = List.of("{s} reads its settings once at startup from config/default.yaml; {f} only caches them.",
      "The broad catch in {f} hides a timeout; narrowing it to IOError would surface real failures.",
      "It is not thread-safe because {s} keeps a mutable map; wrapping it in a lock would fix that.",
      "Only one test touches {s}, and it mocks the network call.");
  private static final List<String> FEATURES = List.of("rate limiting", "CSV export", "a health check endpoint",
      "pagination for the list API", "an audit log", "retry with backoff", "dark mode settings", "OAuth login",
      "a background job queue", "full-text search");
  private static final List<String> FEATURE_ASKS = List.of("Add {feature} in {f}.",
      "Let's add {feature}; start in {f}.", "I want {feature}. Write a first version in {f} and I'll review.");
  private static final List<String> CORRECTIONS = List.of("no, in {f}:{l} keep the early return",
      "rename `tmp` to `{s}Buffer`", "{f}:{l} should use the existing helper, not a new one",
      "that breaks the API, keep the old signature of {s}", "move this into {f}",
      "use a constant instead of the magic number at line {l}", "the test output says otherwise:",
      "almost, but {s} must not be null here", "undo the change to {f}, only touch the handler");
  private static final List<String> MARATHON_ASKS = List.of("now add validation to {s}", "next, wire {s} into the router",
      "add tests for the edge cases in {f}", "let's do {feature} next", "refactor {f} so the handler is smaller",
      "good. now the error messages", "make the migration for the new table", "add logging around {s}",
      "update the docs for this", "now handle the empty state in {f}", "looks good, continue with the next part",
      "clean up {f} before we move on");
  private static final List<String> VAGUE = List.of("still broken", "same error", "fix it", "it still doesn't work",
      "still failing, please fix", "nope, same thing", "that didn't work", "still broken!!");
  private static final List<String> DONE = List.of("Done.", "Done. The change is in place and the tests pass.",
      "I made the change.", "Finished; let me know if you want anything else.");
  private static final List<String> BLUEPRINT_FOLLOW_UPS = List.of("Looks good. Please also add a CHANGELOG entry.",
      "Great, commit this.", "Thanks. Add the new option to the README too.");
  private static final List<String> REQUIREMENTS = List.of("{s} accepts an optional limit (default 50, max 500)",
      "errors are returned as JSON with a code and a message", "the existing behaviour of {f} is unchanged",
      "no new dependencies", "all new functions have type annotations", "log at debug level only",
      "configuration comes from environment variables", "requests over the limit get HTTP 429");
  private static final List<String> CRITERIA = List.of("existing tests still pass", "{s} has unit tests for each branch",
      "the README documents the new option", "invalid input returns a 400 with a clear message",
      "p95 latency stays under 50 ms");
  private static final List<String> TODO_ITEMS = List.of("Read the existing module", "Add the data model",
      "Implement the handler", "Write unit tests", "Update docs", "Run the full test suite", "Wire up config");
  private static final List<String> CONTEXT = List.of("We deploy this on Fridays so keep it small.",
      "The team prefers small functions.", "Please keep backwards compatibility.",
      "This is used by the mobile app too.", "Follow the style of the existing modules.",
      "Don't change the public API unless you have to.");
}
