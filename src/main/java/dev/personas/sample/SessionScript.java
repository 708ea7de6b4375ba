package dev.personas.sample;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.classify.SessionType;
import dev.personas.features.ToolCategory;
import dev.personas.sample.ClaudeLog.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Plays one session of a given type into a {@link ClaudeLog}, so that its log-visible signals
 * match RESEARCH.md §4's table (the ranges are listed in the README's sample section) at the
 * size of real sessions: the telling moves of the type (a Workshop's corrections after edits, a
 * Spiral's re-pasted error) come with the routine reading, searching and shell work real agents
 * do between them, whose categories a shared {@link ToolMix} keeps at SWE-chat's published
 * shares. Subagent transcripts started by Task calls are collected in {@link #subagents()}.
 */
final class SessionScript {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ClaudeLog log;
  private final Codebase code;
  private final Behaviour behaviour;
  private final ToolMix mix;
  private final SplittableRandom r;
  private final Map<String, List<String>> subagents = new TreeMap<>();
  private SessionType type;
  /** Where a session that writes only documents keeps them (its routine edits go there too). */
  private String docsFolder;
  private int failureIndex;
  private int tasks;

  /**
   * How a person tends to act whatever the session type.
   *
   * @param verbosity multiplies prompt lengths (Minimalists write less, Spec-First more)
   * @param interruptRate chance of interrupting the agent after a step
   * @param pasteRate chance of pasting real output back in a correction
   */
  record Behaviour(double verbosity, double interruptRate, double pasteRate) {}

  SessionScript(ClaudeLog log, Codebase code, Behaviour behaviour, ToolMix mix, SplittableRandom random) {
    this.log = log;
    this.code = code;
    this.behaviour = behaviour;
    this.mix = mix;
    this.r = random;
    this.failureIndex = random.nextInt(50);
  }

  Map<String, List<String>> subagents() {
    return subagents;
  }

  /** Writes a whole session of the type. */
  void play(SessionType played) {
    this.type = played;
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
    switch (played) {
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
    int asks = roll < 13 ? 1 : 2;
    int calls = size(16, 0.7, 3, 70);
    for (int i = 0; i < asks; i++) {
      ask(pick(ONE_SHOT_ASKS).replace("{f}", code.file(r)).replace("{s}", code.symbol(r)), false);
      log.advance(3 + r.nextInt(8));
      work(calls / asks);
      List<Call> edits = new ArrayList<>();
      for (int k = 0, n = asks == 1 ? 2 + r.nextInt(3) : 1 + r.nextInt(2); k < n; k++) {
        edits.add(edit(code.file(r)));
      }
      say(null, r.nextBoolean() ? "I'll make that change." : null, edits);
      log.advance(2 + r.nextInt(6));
      if (r.nextInt(10) < 2) {
        say(null, pick(DONE), List.of());
      }
      log.advance(20 + r.nextInt(120));
    }
  }

  private void consult() {
    int questions = 2 + r.nextInt(2) + (r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0);
    int calls = size(30, 0.7, 6, 160);
    for (int i = 0; i < questions; i++) {
      String q = pick(QUESTIONS).replace("{f}", code.file(r)).replace("{s}", code.symbol(r));
      ask(stretch(q, 1 + r.nextInt(2)), false);
      log.advance(3 + r.nextInt(6));
      work(Math.max(1, calls / questions));
      say(r.nextInt(3) == 0 ? "The user wants to understand the flow." : null,
          pick(ANSWERS).replace("{s}", code.symbol(r)).replace("{f}", code.file(r)), List.of());
      log.advance(60 + r.nextInt(300));
    }
  }

  private void blueprint() {
    ask(spec(), false);
    log.advance(5 + r.nextInt(10));
    int calls = size(95, 0.6, 25, 450);
    if (r.nextInt(10) < 4) {
      say(null, "I'll track the work in a todo list.", List.of(todo(4 + r.nextInt(4))));
    }
    List<Call> reads = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
      reads.add(read(code.file(r)));
    }
    say(null, "Let me read the relevant code first.", reads);
    int edits = 5 + r.nextInt(8);
    for (int i = 0; i < edits; i++) {
      // The agent works through the spec on its own for the better part of an hour, as real ones do.
      log.advance(120 + r.nextInt(300));
      work(calls / edits);
      say(null, null, List.of(i % 4 == 0 ? write(newFile()) : edit(code.file(r))));
      if (i % 6 == 5) {
        say(null, null, List.of(test(true)));
      }
    }
    say(null, "All acceptance criteria are met; a last test run:", List.of(test(true)));
    int later = r.nextInt(10) < 4 ? 0 : r.nextInt(10) < 7 ? 1 : 2;
    for (int i = 0; i < later; i++) {
      log.advance(120 + r.nextInt(600));
      ask(pick(BLUEPRINT_FOLLOW_UPS), false);
      log.advance(4);
      work(3 + r.nextInt(6));
      say(null, null, List.of(i == later - 1 ? bash("git add -A && git commit -m \"Implement spec\"",
          "[main 4f2a9c1] Implement spec", false) : edit("CHANGELOG.md")));
    }
  }

  private void scaffold() {
    int calls = size(60, 0.6, 15, 300);
    // Real Scaffold sessions often end at the table: a spec, a plan and a task list written, no
    // code yet (17 of the 25 in the labelled corpus's calibration half that edit anything).
    if (r.nextInt(10) < SPEC_ONLY_IN_TEN) {
      specOnly(calls);
      return;
    }
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
      say(null, "I'll look at the structure first.", reads);
      say(null, "I'll write CLAUDE.md with the build, test and style conventions.", List.of(write("CLAUDE.md")));
      log.advance(60 + r.nextInt(240));
    }
    log.permissionMode("plan");
    ask(stretch("Before you write any code, read CLAUDE.md and docs/ARCHITECTURE.md, then plan how to add "
        + pick(FEATURES) + ". Use subagents to explore " + code.file(r) + " and the tests, and keep a todo list.", 1 + r.nextInt(2)), false);
    log.advance(5);
    if (r.nextInt(10) < 3) {
      say(null, null, List.of(new Call("EnterPlanMode", F.objectNode(),
          "Entered plan mode. You should now focus on exploring the codebase and designing an implementation approach.", false)));
    }
    say(null, "Let me read the conventions first.", List.of(read("CLAUDE.md")));
    for (int i = 0, agents = 2 + r.nextInt(3); i < agents; i++) {
      say(null, null, List.of(task()));
    }
    work(calls / 3);
    // Planning talk before any edit: answers and questions, not corrections.
    for (int i = 0, talk = r.nextInt(4); i < talk; i++) {
      log.advance(30 + r.nextInt(120));
      ask(pick(PLAN_REPLIES), false);
      log.advance(4);
      work(2 + r.nextInt(5));
      say(null, pick(ANSWERS).replace("{s}", code.symbol(r)).replace("{f}", code.file(r)), List.of());
    }
    if (r.nextInt(10) < 6) {
      say(null, null, List.of(new Call("ExitPlanMode", F.objectNode().put("plan",
          "1. Add the model\n2. Wire it into " + code.symbol(r) + "\n3. Tests in " + code.testFile(r)),
          "User has approved your plan. You can now start coding.", false)));
    }
    log.permissionMode("acceptEdits");
    log.advance(30 + r.nextInt(120));
    ask(pick(List.of("yes, go ahead", "Approved. Follow the plan and update the todos as you go.", "ok, start with step 1")), false);
    log.advance(4);
    int steps = 2 + r.nextInt(3);
    say(null, null, List.of(todo(steps)));
    for (int i = 0; i < steps; i++) {
      work(calls / 2 / steps);
      say(null, null, List.of(edit(code.file(r))));
      if (r.nextInt(10) < 2) {
        say(null, null, List.of(edit(code.testFile(r))));
      }
    }
    say(null, null, List.of(todo(steps)));
    say(null, pick(DONE), List.of(test(true)));
    for (int i = 0, more = r.nextInt(10) < 6 ? 0 : 1; i < more; i++) {
      log.advance(120 + r.nextInt(600));
      ask(pick(List.of("Now have a subagent review the diff against CLAUDE.md.", "Update the todo list and continue with the next item.",
          "Run the full test suite and summarize.")), false);
      work(2 + r.nextInt(6));
      say(null, pick(DONE), List.of(i == 0 ? task() : test(true)));
    }
  }

  /**
   * A Scaffold that writes the spec, the plan and the tasks and stops there, driven by spec
   * commands (as spec-kit's are) or by one typed ask, with short answers to the agent's questions.
   */
  private void specOnly(int calls) {
    String feature = pick(FEATURES);
    String folder = "specs/" + (1 + r.nextInt(40)) + "-" + feature.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + "/";
    docsFolder = folder;
    boolean commands = r.nextBoolean();
    if (commands) {
      log.command("specify", "Add " + feature + " to " + code.file(r), null);
    } else {
      ask(stretch("Write a spec for " + feature + " in " + folder + "spec.md, then a plan and a task list next to it."
          + " No code yet.", 1 + r.nextInt(2)), false);
    }
    log.advance(5);
    say(null, "I'll read the project's conventions and the code it touches first.", List.of(read("CLAUDE.md")));
    work(calls / 2);
    String[] docs = {"spec.md", "plan.md", "tasks.md"};
    for (int i = 0; i < docs.length; i++) {
      if (i > 0) {
        log.advance(60 + r.nextInt(300));
        if (commands) {
          log.command(docs[i].equals("plan.md") ? "plan" : "tasks", "", null);
        } else {
          ask(pick(SPEC_REPLIES), false);
        }
        log.advance(4);
        work(calls / 6);
      }
      say(null, null, List.of(write(folder + docs[i])));
      for (int j = 0, answers = r.nextInt(3); j < answers; j++) {
        say(null, pick(SPEC_QUESTIONS), List.of());
        log.advance(30 + r.nextInt(120));
        ask(pick(SPEC_ANSWERS), false);
        log.advance(3);
        work(1 + r.nextInt(3));
        say(null, null, List.of(edit(folder + docs[i])));
      }
    }
    say(null, "The spec, the plan and the task list are ready for review in " + folder + ".", List.of());
  }

  private void workshop() {
    ask(stretch(pick(FEATURE_ASKS).replace("{f}", code.file(r)).replace("{feature}", pick(FEATURES)), 1), false);
    log.advance(5);
    int cycles = 5 + r.nextInt(8) + (r.nextInt(4) == 0 ? r.nextInt(8) : 0);
    int calls = size(70, 0.5, 20, 300);
    work(calls / (cycles + 1));
    say(null, "Here is a first version.", List.of(read(code.file(r)), edit(code.file(r))));
    for (int i = 0; i < cycles; i++) {
      log.advance(30 + r.nextInt(150));
      if (r.nextDouble() < behaviour.interruptRate()) {
        log.interrupt();
        log.advance(5);
      }
      boolean paste = r.nextDouble() < behaviour.pasteRate();
      String pointer = pick(CORRECTIONS).replace("{f}", code.file(r)).replace("{l}", Integer.toString(10 + r.nextInt(200)))
          .replace("{s}", code.symbol(r));
      ask(paste ? pointer + "\n```\n$ " + code.testCommand() + "\n" + code.failure(failureIndex + i) + "\n```" : pointer,
          r.nextInt(10) < 8);
      log.advance(3);
      work(calls / (cycles + 1));
      List<Call> fix = new ArrayList<>();
      fix.add(edit(code.file(r)));
      if (r.nextInt(10) < 3) {
        fix.add(test(r.nextInt(3) > 0));
      }
      say(null, r.nextInt(10) < 2 ? "Fixed." : null, fix);
    }
    say(null, "Running the tests once more.", List.of(test(true)));
  }

  private void marathon() {
    int prompts = size(68, 0.4, 32, 160);
    int calls = size(340, 0.45, 3 * prompts, 1200);
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
      boolean pushback = i > 0 && r.nextInt(100) < 36;
      String text = i == 0 ? stretch("Let's build " + pick(FEATURES) + ". Start with the data model in " + code.file(r) + ".", 2)
          : pick(r.nextInt(10) < 3 ? MARATHON_QUESTIONS : MARATHON_ASKS).replace("{f}", code.file(r))
              .replace("{s}", code.symbol(r)).replace("{feature}", pick(FEATURES));
      text = pushback ? pick(PUSHBACK) + text : text;
      ask(i > 0 && r.nextInt(4) == 0 ? stretch(text, 1) : text, pushback);
      log.advance(4 + r.nextInt(10));
      work(calls / prompts);
      List<Call> edits = new ArrayList<>();
      if (i == 0 || r.nextInt(10) < 4) {
        edits.add(edit(code.file(r)));
      }
      // Some turns are talk only: the person thinks aloud, the agent answers.
      say(null, edits.isEmpty() ? pick(DONE) : null, edits);
      if (r.nextInt(12) == 0) {
        log.queue(pick(List.of("also keep the old endpoint working", "use the existing logger", "don't touch the migrations")));
      }
      if (r.nextDouble() < behaviour.interruptRate()) {
        log.interrupt();
      }
      if (r.nextInt(6) == 0) {
        say(null, null, List.of(test(r.nextInt(4) > 0)));
      }
      log.advance(Math.max(30, perCycle - 40 + r.nextInt(80)));
    }
  }

  private void spiral() {
    int error = failureIndex;
    String first = code.failure(error);
    ask(r.nextInt(10) < 6 ? "I get this error when I run the tests:\n```\n" + first + "\n```\nfix it"
        : stretch(code.symbol(r) + " is broken after the last change, the tests fail. Please fix.", 1), false);
    int rounds = 5 + r.nextInt(5) + (r.nextInt(4) == 0 ? r.nextInt(5) : 0);
    int calls = size(45, 0.5, 3 * rounds, 250);
    boolean fixedAtEnd = r.nextInt(100) < 35;
    for (int i = 0; i < rounds; i++) {
      log.advance(4 + r.nextInt(10));
      work(calls / rounds);
      List<Call> attempt = new ArrayList<>();
      attempt.add(r.nextInt(5) == 0
          ? new Call("Edit", editInput(code.file(r)), "String to replace not found in file.", true)
          : edit(code.file(r)));
      boolean last = i == rounds - 1;
      // The person mostly runs the tests and reports back; the agent runs them now and then.
      if (last ? fixedAtEnd : r.nextInt(100) < 5) {
        attempt.add(test(last));
      }
      say(r.nextInt(4) == 0 ? "Maybe the payload is missing the key." : null,
          r.nextBoolean() ? "I think I found it. Let me run the tests." : null, attempt);
      if (r.nextInt(8) == 0) {
        log.apiError();
      }
      if (last || r.nextInt(10) < 2) {
        say(null, last && fixedAtEnd ? "The tests pass now." : "The test still fails; trying another approach.", List.of());
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
      String again = roll < 7 ? pick(VAGUE)
          : roll < 9 ? pick(VAGUE) + "\n```\n" + code.failure(r.nextInt(5) == 0 ? ++error : error) + "\n```"
          : pick(VAGUE) + " " + pick(VAGUE);
      ask(again, true);
    }
    if (!fixedAtEnd && r.nextBoolean()) {
      log.advance(30 + r.nextInt(200));
      ask(pick(List.of("forget it, I'll do it myself", "this is going nowhere", "stop. revert everything")), true);
      say(null, "Understood.", List.of());
    }
  }

  /**
   * A session of the machine-generated repository: a templated ticket handed over by a bot, the
   * agent works it through, the bot says the same thing at the end of every session.
   */
  void playMachine(int ticket) {
    this.type = SessionType.ONE_SHOT;
    String feature = pick(FEATURES);
    ask("[nimbus-bot] TICKET NIM-" + ticket + "\nTITLE: Implement " + feature + "\nFILE: " + code.file(r)
        + "\nCONTEXT: automated task generated from the backlog; do not ask questions.\nACCEPTANCE:\n- "
        + pick(CRITERIA).replace("{s}", code.symbol(r)) + "\n- " + pick(CRITERIA).replace("{s}", code.symbol(r))
        + "\n- run `" + code.testCommand() + "`\nOUTPUT: reply DONE when finished.", false);
    log.advance(3);
    int edits = 4 + r.nextInt(5);
    for (int i = 0; i < edits; i++) {
      work(4 + r.nextInt(8));
      say(null, null, List.of(edit(code.file(r))));
    }
    say(null, "DONE", List.of(test(true)));
    log.advance(5);
    ask("[nimbus-bot] NIM-" + ticket + " status check: reply DONE or BLOCKED.", false);
    say(null, "DONE", List.of());
  }

  // ---- moves ----

  /** A typed prompt, annotated with the intent its words show. */
  private void ask(String text, boolean pushback) {
    log.prompt(text, PromptIntent.of(text), pushback);
  }

  /** An assistant message on the main thread; its calls count towards the sample's tool mix. */
  private void say(String thinking, String text, List<Call> calls) {
    for (Call c : calls) {
      mix.count(c.name(), c.input().path("command").asText(null));
    }
    log.assistant(thinking, text, calls);
  }

  /** Routine work: {@code n} calls of the categories the mix asks for, one to four a message. */
  private void work(int n) {
    while (n > 0) {
      int batch = Math.min(n, 1 + r.nextInt(4));
      List<Call> calls = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        Call c = routine(mix.next(type, r));
        mix.count(c.name(), c.input().path("command").asText(null));
        calls.add(c);
      }
      log.assistant(r.nextInt(8) == 0 ? "Let me check how " + code.symbol(r) + " is used." : null,
          r.nextInt(5) == 0 ? "Looking at " + code.file(r) + " next." : null, calls);
      n -= batch;
    }
  }

  /** Draws a size around a median, spread as real sessions are (log-normal), within bounds. */
  private int size(double median, double sigma, int min, int max) {
    double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    return (int) Math.max(min, Math.min(max, Math.round(median * Math.exp(sigma * g))));
  }

  // ---- tool calls ----

  /** One routine call of the category; a Consult's shell and git calls only look. */
  private Call routine(ToolCategory c) {
    boolean look = type == SessionType.CONSULT;
    String file = code.file(r);
    return switch (c) {
      case READ -> read(r.nextInt(5) == 0 ? code.testFile(r) : file);
      case GREP -> r.nextInt(3) == 0 ? bash(pick(List.of("rg -n ", "grep -rn ")) + code.symbol(r) + " .",
          file + ":" + (10 + r.nextInt(200)) + ":  " + code.symbol(r) + "(", false) : grep(code.symbol(r));
      case GLOB -> glob("**/*" + file.substring(file.lastIndexOf('.')));
      case BASH_FILE -> look || r.nextBoolean()
          ? bash(pick(List.of("ls -la ", "cat ", "head -60 ", "wc -l ", "tail -20 ")) + file, "     1\t// " + file, false)
          : bash(pick(List.of("mkdir -p build/tmp", "rm -rf build/tmp", "cp .env.example .env", "touch " + newFile(),
              "mv " + file + " " + file + ".bak && mv " + file + ".bak " + file)), "", false);
      case BASH_BUILD -> r.nextInt(4) == 0 && type != SessionType.SPIRAL ? test(r.nextInt(4) > 0) : bash(pick(BUILDS.get(code.language())), "ok", false);
      case BASH_NET -> bash(pick(List.of("curl -s http://localhost:8080/health", "curl -s -X POST localhost:8080/api/items -d '{}'",
          "wget -q -O- https://example.org/schema.json", "ssh deploy@staging 'tail -n 50 /var/log/app.log'")),
          "{\"status\":\"ok\"}", false);
      case BASH -> look ? bash(pick(List.of("sed -n '1,80p' ", "awk 'NR<40' ", "jq . ")) + file, "// " + file, false)
          : bash(pick(List.of("docker compose up -d", "docker compose logs --tail 50 app", "sleep 5", "kill %1",
              "source .venv/bin/activate && which python", "export DEBUG=1 && ./scripts/dev.sh", "psql -c 'select count(*) from users'",
              "timeout 30 ./scripts/smoke.sh")), "done", false);
      case GIT -> look || r.nextInt(3) > 0
          ? bash(pick(List.of("git status --short", "git diff --stat", "git log --oneline -10", "git show HEAD --stat")),
              " M " + file, false)
          : bash(pick(List.of("git add -A", "git checkout -b feat/" + code.symbol(r), "gh pr view --json title", "git stash")), "", false);
      case WRITE -> docsFolder != null ? write(docsFolder + pick(List.of("research.md", "data-model.md", "quickstart.md")))
          : write(newFile());
      case EDIT -> docsFolder != null ? edit(docsFolder + pick(List.of("spec.md", "plan.md", "tasks.md")))
          : r.nextInt(8) == 0 ? new Call("MultiEdit", editInput(file), "Applied 2 edits to " + abs(file), false) : edit(file);
      case WEB -> research();
      case AGENT -> type == SessionType.SCAFFOLD ? task()
          : new Call(pick(List.of("TaskCreate", "TaskUpdate", "TaskList", "TaskOutput")),
              F.objectNode().put("subject", "Check " + code.symbol(r)), "Task updated", false);
      case MCP -> new Call(pick(List.of("mcp__github__get_pull_request", "mcp__linear__get_issue", "mcp__postgres__query",
          "mcp__sentry__get_issue_details")), F.objectNode().put("id", Integer.toString(100 + r.nextInt(900))), "{\"id\": 1}", false);
      case TODO_WRITE -> todo(2 + r.nextInt(4));
      case TOOL_SEARCH -> new Call("ToolSearch", F.objectNode().put("query", "select:" + pick(List.of("WebFetch", "NotebookEdit"))),
          "Found 1 tool", false);
      case ASK_USER_QUESTION -> new Call("AskUserQuestion", F.objectNode().put("question", "Keep the old behaviour of " + code.symbol(r) + "?"),
          "User has answered your questions: \"Keep the old behaviour?\"=\"Yes\".", false);
      case SKILL -> new Call("Skill", F.objectNode().put("skill", pick(List.of("frontend-design", "pdf", "webapp-testing"))),
          "Launching skill", false);
      case ENTER_PLAN_MODE, EXIT_PLAN_MODE, OTHER -> look ? new Call("LS", F.objectNode().put("path", abs("src")), String.join("\n", code.files()), false)
          : r.nextBoolean() ? new Call("BashOutput", F.objectNode().put("bash_id", "bash_" + (1 + r.nextInt(3))), "<status>running</status>", false)
          : new Call(pick(List.of("KillShell", "LS")), F.objectNode().put("shell_id", "bash_1"), "ok", false);
    };
  }

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

  /** A web look-up. */
  private Call research() {
    if (r.nextBoolean()) {
      return new Call("WebSearch", F.objectNode().put("query", code.language() + " " + pick(FEATURES) + " best practice"),
          "Web search results for query: 3 results", false);
    }
    return new Call("WebFetch", F.objectNode().put("url", "https://docs.example.org/" + code.language())
        .put("prompt", "How is this configured?"), "The page explains the configuration options.", false);
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
  private Call task() {
    String description = pick(List.of("Explore ", "Map tests of ", "Review ")) + code.file(r);
    String prompt = description + " and report the main types, entry points and conventions.";
    String agentId = String.format("%08x", r.nextInt() & 0x7fffffff);
    ClaudeLog sub = new ClaudeLog(log.sessionId(), log.cwd(), "main", log.version(), log.model(), log.now(), r, agentId);
    sub.prompt(prompt, PromptIntent.UNDERSTAND, false);
    sub.advance(3);
    sub.assistant(null, null, List.of(read(code.file(r))));
    sub.assistant(null, "Summary: " + code.symbol(r) + " is the entry point; tests live in " + code.testFile(r) + ".", List.of());
    subagents.put(agentId, sub.render());
    return new Call("Task", F.objectNode().put("description", description).put("prompt", prompt)
        .put("subagent_type", tasks++ % 2 == 0 ? "Explore" : "general-purpose"),
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
      "correct the typo in the README title", "bump the version to 1.4.2", "add a docstring to {s}",
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
  private static final Map<String, List<String>> BUILDS = Map.of(
      "python", List.of("python -m app.cli --help", "pip install -r requirements.txt", "python scripts/seed.py", "python -m mypy src"),
      "typescript", List.of("npm run build", "npx tsc --noEmit", "npm install", "npm run lint"),
      "go", List.of("go build ./...", "go vet ./...", "go mod tidy"),
      "rust", List.of("cargo build", "cargo clippy", "cargo fmt --check"),
      "java", List.of("mvn -q compile", "mvn -q package -DskipTests", "mvn -q spotless:apply"));
  private static final List<String> MARATHON_QUESTIONS = List.of("why is {s} called twice here?",
      "what does {f} do with the cache when the key is missing?", "how would this behave with 10k rows?",
      "explain the tradeoff you picked for {s}", "is {s} still needed after this change?",
      "what happens if the request times out in {f}?", "which of these options is safer for {feature}?");
  private static final List<String> PUSHBACK = List.of("no, ", "hmm, not like that. ", "undo that, ",
      "that's not what I meant: ", "wait, ");
  /** Tenths of Scaffold sessions that write the spec, plan and tasks and no code. */
  private static final int SPEC_ONLY_IN_TEN = 4;
  private static final List<String> SPEC_REPLIES = List.of("good, now the plan", "looks right. Next the tasks, please",
      "ok, write the plan next", "fine, break it into tasks");
  private static final List<String> SPEC_QUESTIONS = List.of("Should the limit apply per user or per API key? (A) per user (B) per key",
      "Which format should errors use: (A) the existing JSON errors or (B) plain text?",
      "Do you want this behind a feature flag?");
  private static final List<String> SPEC_ANSWERS = List.of("A", "B", "yes", "no flag", "per key, and log the rejects");
  private static final List<String> PLAN_REPLIES = List.of("keep the public API as it is; what about the tests?",
      "Good plan. What would you do about the old config format?", "Use the existing logger, and explain step 2 a bit more?",
      "also consider the migration path for existing users", "Why do you need a new module for this?");
}
