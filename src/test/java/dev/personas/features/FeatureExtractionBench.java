package dev.personas.features;

import dev.personas.session.Agent;
import dev.personas.session.Event;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throwaway microbenchmark (not a test, no JMH): extracts features from N synthetic sessions
 * generated in batches, timing extraction only, then two pathological sessions.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes dev.personas.features.FeatureExtractionBench 100000
 * </pre>
 */
public final class FeatureExtractionBench {

  private static final String[] PROMPTS = {
      "fix it", "still broken", "why does getUser return null?", "add a csv export to src/export.py",
      "Implement the following plan:\n## Plan\n- parse rows\n- must stream\n```\nexport()\n```",
      "I get\nTraceback (most recent call last):\n  File \"/app/x.py\", line 3\nKeyError: 'id'",
      "looks good, now write tests for the parser and run them",
      "no, use tabs", "please make the login page responsive on mobile devices",
  };
  private static final String[] COMMANDS = {
      "pytest -q", "npm test", "git status && git diff --stat", "rg -n foo src | head -50",
      "cd app && ./gradlew test", "git commit -am 'wip'", "ls -la", "make build",
      "bash -lc 'cargo test --all'", "cat <<'EOF' > a.txt\nnpm test\nEOF",
  };
  private static final String[] TOOLS = {"Read", "Grep", "Edit", "Glob", "TodoWrite", "WebFetch"};

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    FeatureExtractor extractor = new FeatureExtractor();
    SplittableRandom random = new SplittableRandom(42);
    run(extractor, random, Math.min(n, 5_000)); // warm-up
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long events = 0;
    long nanos = 0;
    long cpuNanos = 0;
    double checksum = 0;
    for (int done = 0; done < n; done += 1_000) {
      List<Session> batch = new ArrayList<>();
      for (int i = 0; i < Math.min(1_000, n - done); i++) {
        Session s = session(random, "s" + (done + i));
        events += s.events().size() + s.subagentEvents().size();
        batch.add(s);
      }
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (Session s : batch) {
        checksum += extractor.extract(s).get(Feature.PROMPTS);
      }
      nanos += System.nanoTime() - t0;
      cpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
    }
    double seconds = nanos / 1e9;
    double cpu = cpuNanos / 1e9;
    System.out.printf(Locale.ROOT,
        "%d sessions, %d events: extraction %.2f s wall, %.2f s CPU; on CPU time %.0f sessions/s,"
            + " %.2f M events/s, %.1f us/session (checksum %.0f)%n",
        n, events, seconds, cpu, n / cpu, events / cpu / 1e6, cpu * 1e6 / n, checksum);
    pathological(extractor, random);
  }

  private static void run(FeatureExtractor extractor, SplittableRandom random, int n) {
    for (int i = 0; i < n; i++) {
      extractor.extract(session(random, "w" + i));
    }
  }

  private static void pathological(FeatureExtractor extractor, SplittableRandom random) {
    List<Event> many = new ArrayList<>();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int p = 0; p < 5_000; p++) {
      t = t.plusSeconds(30);
      many.add(Event.prompt(EventKind.PROMPT, t, PROMPTS[random.nextInt(PROMPTS.length)] + " " + p));
      for (int c = 0; c < 4; c++) {
        t = t.plusSeconds(2);
        many.add(Event.toolCall(EventKind.TOOL_CALL, t, "Bash",
            COMMANDS[random.nextInt(COMMANDS.length)], null));
        many.add(new Event(EventKind.TOOL_RESULT, t, 10, null, null, null, null, false, 0, 0));
      }
    }
    time(extractor, "5,000 prompts / 20,000 shell calls", many);
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 5_000_000) {
      huge.append("at com.example.Foo.bar(Foo.java:").append(huge.length()).append(")\n");
      huge.append("a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z".repeat(20));
    }
    List<Event> pasted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pasted.add(Event.prompt(EventKind.PROMPT, t.plusSeconds(i), huge.toString()));
    }
    time(extractor, "3 prompts of 5 MB each", pasted);
  }

  private static void time(FeatureExtractor extractor, String what, List<Event> events) {
    Session s = new Session("big", "u", "r", Agent.CLAUDE_CODE, Path.of("big.jsonl"), null, null,
        events, List.of(), null, List.of());
    long t0 = System.nanoTime();
    extractor.extract(s);
    System.out.printf(Locale.ROOT, "%s: %.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
  }

  /** A session of 1-30 prompts, each followed by up to 12 tool calls and results. */
  private static Session session(SplittableRandom random, String id) {
    List<Event> main = new ArrayList<>();
    List<Event> sub = new ArrayList<>();
    Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000));
    int prompts = 1 + random.nextInt(30);
    for (int p = 0; p < prompts; p++) {
      t = t.plusSeconds(5 + random.nextInt(600));
      main.add(Event.prompt(EventKind.PROMPT, t, PROMPTS[random.nextInt(PROMPTS.length)]));
      main.add(new Event(EventKind.ASSISTANT_TEXT, t.plusSeconds(1), 200, null, null, null, null,
          false, 2_000 + random.nextInt(50_000), random.nextInt(2_000)));
      int calls = random.nextInt(13);
      for (int c = 0; c < calls; c++) {
        t = t.plusSeconds(1 + random.nextInt(20));
        List<Event> target = random.nextInt(10) == 0 ? sub : main;
        boolean shell = random.nextBoolean();
        target.add(Event.toolCall(EventKind.TOOL_CALL, t, shell ? "Bash" : TOOLS[random.nextInt(
            TOOLS.length)], shell ? COMMANDS[random.nextInt(COMMANDS.length)] : null, "src/a.py"));
        target.add(new Event(EventKind.TOOL_RESULT, t.plusSeconds(1), 100, null, null, null, null,
            random.nextInt(8) == 0, 0, 0));
      }
    }
    return new Session(id, "u", "r", Agent.CLAUDE_CODE, Path.of(id + ".jsonl"), null, null, main,
        sub, null, List.of());
  }
}
