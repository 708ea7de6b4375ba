package dev.personas.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.sample.ParquetTable.Column;
import dev.personas.sample.ParquetTable.Type;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a synthetic dataset in the image of SWE-chat's v2 release (RESEARCH.md §2): the four
 * tables at the top of the folder ({@code repositories}, {@code sessions}, {@code checkpoints},
 * {@code conversations}, Snappy Parquet) with the release's annotations, a machine-generated
 * repository ({@value #NIMBUS}) as the release has one, a few sessions with no conversation rows
 * whose only record is their Claude Code transcript under {@code transcripts/} (subagents under
 * {@code transcripts/<id>/subagents/}), and, apart from the data, {@code ground-truth.json} with
 * the session type and persona planted for each session and user. Conversation rows are
 * streamed to the file session by session. Deterministic: one seeded random source, a fixed base
 * date, sorted output.
 */
public final class SampleGenerator {
  /** Sessions start on or after this day. */
  static final Instant BASE = Instant.parse("2025-07-01T00:00:00Z");
  /** Share of sessions played as another type than planted (label noise). */
  static final double OFF_TYPE = 0.03;
  /** The machine-generated repository, a stand-in for the one the SWE-chat paper leaves out. */
  public static final String NIMBUS = "dayhaysoos/nimbus";
  /** Share of sessions from {@link #NIMBUS}, and of sessions with a transcript and no rows. */
  static final double NIMBUS_SHARE = 0.015;
  static final double NO_ROWS_SHARE = 0.015;
  /** The user id of the account behind {@link #NIMBUS}. */
  static final String MACHINE_USER = "u0b0770a5";
  /** Changes whenever the same options would give other files: part of the bundled cache's name. */
  public static final String VERSION = "3";

  private static final List<Column> SESSION_COLUMNS = List.of(
      new Column("session_id", Type.STRING), new Column("repo_id", Type.STRING),
      new Column("user_id", Type.STRING), new Column("agent", Type.STRING),
      new Column("created_at", Type.TIMESTAMP), new Column("duration_seconds", Type.LONG),
      new Column("turn_count", Type.LONG), new Column("prompt_count", Type.LONG),
      new Column("tool_call_count", Type.LONG), new Column("unique_tools_count", Type.LONG),
      new Column("research_count", Type.LONG), new Column("action_count", Type.LONG),
      new Column("first_write_position", Type.LONG), new Column("files_touched_count", Type.LONG),
      new Column("input_tokens", Type.LONG), new Column("output_tokens", Type.LONG),
      new Column("agent_lines", Type.LONG), new Column("human_added", Type.LONG),
      new Column("agent_percentage", Type.DOUBLE), new Column("session_success", Type.LONG),
      new Column("user_persona", Type.STRING));
  private static final List<Column> CONVERSATION_COLUMNS = List.of(
      new Column("turn_id", Type.STRING), new Column("session_id", Type.STRING),
      new Column("user_id", Type.STRING), new Column("repo_id", Type.STRING),
      new Column("turn_number", Type.LONG), new Column("role", Type.STRING),
      new Column("turn_type", Type.STRING), new Column("content", Type.STRING),
      new Column("timestamp", Type.TIMESTAMP), new Column("tool_name", Type.STRING),
      new Column("command", Type.STRING), new Column("file_path", Type.STRING),
      new Column("bash_category", Type.STRING), new Column("word_count", Type.LONG),
      new Column("char_count", Type.LONG), new Column("prompt_intent", Type.STRING),
      new Column("prompt_pushback", Type.BOOLEAN));
  private static final List<Column> CHECKPOINT_COLUMNS = List.of(
      new Column("checkpoint_pk", Type.STRING), new Column("session_id", Type.STRING),
      new Column("repo_id", Type.STRING), new Column("commit_sha", Type.STRING),
      new Column("created_at", Type.TIMESTAMP), new Column("agent_lines", Type.LONG),
      new Column("human_lines", Type.LONG));
  private static final List<Column> REPO_COLUMNS = List.of(new Column("repo_id", Type.STRING),
      new Column("name", Type.STRING), new Column("url", Type.STRING),
      new Column("repo_type_domain", Type.STRING));

  private static final List<String> DOMAINS = List.of("web", "cli", "data", "ml", "infra", "library", "mobile");
  private static final List<String> ORGS = List.of("acme", "northwind", "lumen", "orbit", "kestrel", "tandem", "pixelforge", "quarry");
  private static final List<String> NAMES = List.of("api", "dashboard", "ingest", "toolkit", "site", "agent", "sync", "engine", "portal", "notebook");
  private static final List<String> VERSIONS = List.of("1.0.98", "1.0.113", "2.0.14", "2.0.37", "2.0.55");
  private static final List<String> MODELS = List.of("claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-sonnet-4-20250514");

  private final SampleOptions options;
  private final boolean everyTranscript;

  /** A generator that writes transcripts only for the sessions without conversation rows. */
  public SampleGenerator(SampleOptions options) {
    this(options, false);
  }

  /**
   * @param everyTranscript also write every other session's transcript (beside its rows), for
   *     tests and tools that need a person's own Claude Code logs
   */
  public SampleGenerator(SampleOptions options, boolean everyTranscript) {
    this.options = options;
    this.everyTranscript = everyTranscript;
  }

  /** What was written. */
  public record Summary(int sessions, int users, int repos, Map<SessionType, Integer> typeCounts,
      Map<Persona, Integer> personaCounts) {}

  private record Repo(String id, String domain, Codebase code) {}

  private record User(String id, String handle, Persona persona, double[] weights,
      SessionScript.Behaviour behaviour, List<Repo> repos, String version, String model, int startHour) {}

  /** Everything ground-truth.json lists. */
  private static final class Truth {
    final Map<String, String> sessions = new TreeMap<>();
    final Map<String, String> users = new TreeMap<>();
    final List<String> offType = new ArrayList<>();
    final List<String> malformed = new ArrayList<>();
    final List<String> noRows = new ArrayList<>();
    final List<String> machine = new ArrayList<>();
    final Map<SessionType, Integer> typeCounts = new EnumMap<>(SessionType.class);
    final Map<Persona, Integer> personaCounts = new EnumMap<>(Persona.class);
  }

  /** Writes the dataset into the folder (created if needed; existing sample files are replaced). */
  public Summary generate(Path out) throws IOException {
    SplittableRandom root = new SplittableRandom(options.seed());
    Files.createDirectories(out.resolve("transcripts"));
    boolean nimbus = options.users() >= 8 && options.repos() >= 2 && options.sessions() >= 100;
    int machineSessions = nimbus ? (int) Math.round(options.sessions() * NIMBUS_SHARE) : 0;
    List<Repo> repos = repos(root.split(), nimbus);
    List<User> users = users(root.split(), nimbus ? repos.subList(1, repos.size()) : repos,
        options.users() - (nimbus ? 1 : 0));
    int[] perUser = sessionsPerUser(root.split(), users.size(), options.sessions() - machineSessions);
    SplittableRandom machineRandom = root.split();

    Truth truth = new Truth();
    List<Map<String, Object>> sessionRows = new ArrayList<>();
    List<Map<String, Object>> checkpointRows = new ArrayList<>();
    try (ParquetTable.Rows conversations = new ParquetTable("conversations", CONVERSATION_COLUMNS)
        .open(out.resolve("conversations.parquet"))) {
      SessionWriter writer = new SessionWriter(out, conversations, sessionRows, checkpointRows, truth);
      ToolMix mix = new ToolMix();
      for (int u = 0; u < users.size(); u++) {
        playUser(users.get(u), perUser[u], root.split(), mix, writer);
      }
      if (nimbus) {
        playMachine(machineUser(repos.get(0)), machineSessions, machineRandom, mix, writer);
      }
    }
    sessionRows.sort(Comparator.comparing(row -> (String) row.get("session_id")));
    new ParquetTable("sessions", SESSION_COLUMNS).write(out.resolve("sessions.parquet"), sessionRows);
    checkpointRows.sort(Comparator.comparing(row -> (String) row.get("checkpoint_pk")));
    new ParquetTable("checkpoints", CHECKPOINT_COLUMNS).write(out.resolve("checkpoints.parquet"), checkpointRows);
    new ParquetTable("repositories", REPO_COLUMNS).write(out.resolve("repositories.parquet"), repoRows(repos));
    writeTruth(out.resolve(GroundTruthFile.NAME), truth, nimbus);
    Files.writeString(out.resolve("README.txt"), readme(nimbus), StandardCharsets.UTF_8);
    return new Summary(sessionRows.size(), truth.users.size(), repos.size(), truth.typeCounts, truth.personaCounts);
  }

  /** Plays one person's sessions, each drawn from their persona's mix of types. */
  private static void playUser(User user, int sessions, SplittableRandom ur, ToolMix mix,
      SessionWriter writer) throws IOException {
    writer.user(user);
    for (int k = 0; k < sessions; k++) {
      SplittableRandom r = ur.split();
      String sessionId = uuid(r);
      SessionType planted = PersonaMix.draw(user.weights(), r);
      SessionType played = planted;
      boolean offType = r.nextDouble() < OFF_TYPE;
      if (offType) {
        played = SessionType.values()[(planted.ordinal() + 1 + r.nextInt(6)) % 7];
      }
      boolean noRows = r.nextDouble() < NO_ROWS_SHARE;
      Repo repo = user.repos().get(r.nextInt(user.repos().size()));
      Instant start = BASE.plus(Duration.ofDays(r.nextInt(150)))
          .plus(Duration.ofMinutes(60L * (user.startHour() + r.nextInt(9)) + r.nextInt(60)));
      ClaudeLog log = log(sessionId, user, repo, start, r);
      SessionScript script = new SessionScript(log, repo.code(), user.behaviour(), mix, r);
      script.play(played);
      writer.session(new Played(sessionId, user, repo, planted, offType, false, start, log, script, noRows), r);
    }
  }

  /** Plays the bot's tickets in {@link #NIMBUS}. */
  private static void playMachine(User bot, int sessions, SplittableRandom random, ToolMix mix,
      SessionWriter writer) throws IOException {
    writer.user(bot);
    Repo repo = bot.repos().get(0);
    for (int k = 0; k < sessions; k++) {
      SplittableRandom r = random.split();
      String sessionId = uuid(r);
      // A bot works around the clock, a ticket every few hours.
      Instant start = BASE.plus(Duration.ofHours(7L + 9L * k)).plus(Duration.ofMinutes(r.nextInt(30)));
      ClaudeLog log = log(sessionId, bot, repo, start, r);
      SessionScript script = new SessionScript(log, repo.code(), bot.behaviour(), mix, r);
      script.playMachine(1000 + k);
      writer.session(new Played(sessionId, bot, repo, SessionType.ONE_SHOT, false, true, start, log, script, false), r);
    }
  }

  private static List<Map<String, Object>> repoRows(List<Repo> repos) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Repo repo : repos) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("repo_id", repo.id());
      row.put("name", repo.id());
      row.put("url", "https://github.com/" + repo.id());
      row.put("repo_type_domain", repo.domain());
      rows.add(row);
    }
    return rows;
  }

  /** One session as played, ready to be written. */
  private record Played(String id, User user, Repo repo, SessionType planted, boolean offType,
      boolean machine, Instant start, ClaudeLog log, SessionScript script, boolean noRows) {}

  /** Writes each played session's rows, transcript and table rows as it comes. */
  private final class SessionWriter {
    private final Path out;
    private final ParquetTable.Rows conversations;
    private final List<Map<String, Object>> sessionRows;
    private final List<Map<String, Object>> checkpointRows;
    private final Truth truth;

    SessionWriter(Path out, ParquetTable.Rows conversations, List<Map<String, Object>> sessionRows,
        List<Map<String, Object>> checkpointRows, Truth truth) {
      this.out = out;
      this.conversations = conversations;
      this.sessionRows = sessionRows;
      this.checkpointRows = checkpointRows;
      this.truth = truth;
    }

    void user(User user) {
      truth.users.put(user.id(), user.persona().slug());
      truth.personaCounts.merge(user.persona(), 1, Integer::sum);
    }

    void session(Played s, SplittableRandom r) throws IOException {
      if (s.offType()) {
        truth.offType.add(s.id());
      }
      if (s.machine()) {
        truth.machine.add(s.id());
      }
      if (s.noRows()) {
        truth.noRows.add(s.id());
      } else {
        int n = 0;
        for (Map<String, Object> row : s.log().rows()) {
          Map<String, Object> full = new LinkedHashMap<>();
          full.put("turn_id", s.id() + "-" + String.format("%05d", n));
          full.put("session_id", s.id());
          full.put("user_id", s.user().id());
          full.put("repo_id", s.repo().id());
          full.put("turn_number", (long) n++);
          full.putAll(row);
          conversations.write(full);
        }
      }
      if (s.noRows() || everyTranscript) {
        transcript(s, r);
      }
      Annotations a = Annotations.of(s.planted(), s.log().stats(), r);
      sessionRows.add(sessionRow(s, a));
      checkpointRows.addAll(checkpoints(s, a, r));
      truth.sessions.put(s.id(), s.planted().slug());
      truth.typeCounts.merge(s.planted(), 1, Integer::sum);
    }

    private void transcript(Played s, SplittableRandom r) throws IOException {
      List<String> lines = s.log().render();
      // A few of the transcript-only files carry a truncated line, as crashed writes leave them.
      if (s.noRows() && truth.noRows.size() % 8 == 1 && lines.size() > 4) {
        int at = 2 + r.nextInt(lines.size() - 3);
        String line = lines.get(at);
        lines = new ArrayList<>(lines);
        lines.add(at, line.substring(0, line.length() / 2));
        truth.malformed.add("transcripts/" + s.id() + ".jsonl");
      }
      writeLines(out.resolve("transcripts").resolve(s.id() + ".jsonl"), lines);
      for (Map.Entry<String, List<String>> sub : s.script().subagents().entrySet()) {
        Path dir = Files.createDirectories(out.resolve("transcripts").resolve(s.id()).resolve("subagents"));
        writeLines(dir.resolve("agent-" + sub.getKey() + ".jsonl"), sub.getValue());
      }
    }
  }

  private static ClaudeLog log(String sessionId, User user, Repo repo, Instant start, SplittableRandom r) {
    String branch = r.nextInt(3) == 0 ? "main" : "feat/" + NAMES.get(r.nextInt(NAMES.size())) + "-" + r.nextInt(100);
    return new ClaudeLog(sessionId, "/home/" + user.handle() + "/code/" + repo.id().substring(repo.id().indexOf('/') + 1),
        branch, user.version(), user.model(), start, r, null);
  }

  private List<Repo> repos(SplittableRandom r, boolean nimbus) {
    List<Repo> repos = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    if (nimbus) {
      names.add(NIMBUS);
      repos.add(new Repo(NIMBUS, "web", Codebase.of("typescript", r)));
    }
    while (repos.size() < options.repos()) {
      String name;
      do {
        name = ORGS.get(r.nextInt(ORGS.size())) + "/" + NAMES.get(r.nextInt(NAMES.size()))
            + (names.size() >= ORGS.size() * NAMES.size() / 2 ? "-" + r.nextInt(10_000) : "");
      } while (!names.add(name));
      String language = Codebase.LANGUAGES.get(r.nextInt(Codebase.LANGUAGES.size()));
      // The release keys repositories by owner/name, as its loader's exclusion of nimbus shows.
      repos.add(new Repo(name, DOMAINS.get(r.nextInt(DOMAINS.size())), Codebase.of(language, r)));
    }
    return repos;
  }

  private static List<User> users(SplittableRandom r, List<Repo> repos, int count) {
    List<Persona> personas = PersonaMix.assign(count, r);
    List<User> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Persona p = personas.get(i);
      double verbosity = switch (p) {
        case SPEC_FIRST_ARCHITECT -> 1.3 + r.nextDouble() * 0.4;
        case PROMPT_MINIMALIST -> 0.3 + r.nextDouble() * 0.3;
        case SHOWRUNNER -> 1.0 + r.nextDouble() * 0.4;
        default -> 0.7 + r.nextDouble() * 0.5;
      };
      double interrupt = p == Persona.QUICK_TURN_SPRINTER || p == Persona.PAIR_PROGRAMMER
          ? 0.08 + r.nextDouble() * 0.1 : r.nextDouble() * 0.06;
      double paste = p == Persona.RUNTIME_MECHANIC ? 0.45 + r.nextDouble() * 0.2 : 0.15 + r.nextDouble() * 0.2;
      List<Repo> own = new ArrayList<>();
      own.add(repos.get(i % repos.size()));
      for (int k = 0, extra = r.nextInt(3); k < extra; k++) {
        own.add(repos.get(r.nextInt(repos.size())));
      }
      String id = String.format("u%08x", r.nextInt() & 0x7fffffff);
      users.add(new User(id, "dev" + (i + 1), p, PersonaMix.typeWeights(p, r),
          new SessionScript.Behaviour(verbosity, interrupt, paste), own,
          VERSIONS.get(r.nextInt(VERSIONS.size())), MODELS.get(r.nextInt(MODELS.size())), 7 + r.nextInt(5)));
    }
    return users;
  }

  /**
   * The one account behind the machine-generated repository. A bot hands over a ticket and takes
   * what comes back: its sessions are planted as One-shots, the account as a Prompt Minimalist.
   */
  private static User machineUser(Repo nimbus) {
    return new User(MACHINE_USER, "nimbus-bot", Persona.PROMPT_MINIMALIST, new double[0],
        new SessionScript.Behaviour(1.0, 0, 0), List.of(nimbus), VERSIONS.get(VERSIONS.size() - 1),
        MODELS.get(0), 0);
  }

  /** Sessions per user: heavy-tailed like real usage, at least three each when there are enough. */
  private static int[] sessionsPerUser(SplittableRandom r, int n, int sessions) {
    int[] count = new int[n];
    int floor = Math.min(3, sessions / n);
    double[] weight = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      count[i] = floor;
      weight[i] = Math.exp(1.1 * gaussian(r));
      total += weight[i];
    }
    for (int left = sessions - floor * n; left > 0; left--) {
      double x = r.nextDouble() * total;
      int i = 0;
      while (i < n - 1 && (x -= weight[i]) >= 0) {
        i++;
      }
      count[i]++;
    }
    return count;
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static Map<String, Object> sessionRow(Played p, Annotations a) {
    ClaudeLog.Stats s = p.log().stats();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("session_id", p.id());
    row.put("repo_id", p.repo().id());
    row.put("user_id", p.user().id());
    row.put("agent", "claude-code");
    row.put("created_at", p.start().truncatedTo(ChronoUnit.MILLIS));
    row.put("duration_seconds", Duration.between(p.start(), p.log().now()).getSeconds());
    row.put("turn_count", (long) s.turns);
    row.put("prompt_count", (long) s.prompts);
    row.put("tool_call_count", (long) s.toolCalls);
    row.put("unique_tools_count", (long) s.tools.size());
    row.put("research_count", (long) s.research);
    row.put("action_count", (long) s.actions);
    row.put("first_write_position", s.firstWritePosition < 0 ? null : (long) s.firstWritePosition);
    row.put("files_touched_count", (long) s.files.size());
    row.put("input_tokens", s.inputTokens);
    row.put("output_tokens", s.outputTokens);
    row.put("agent_lines", a.agentLines());
    row.put("human_added", a.humanLines());
    row.put("agent_percentage", a.agentPercentage());
    row.put("session_success", a.success());
    row.put("user_persona", a.persona());
    return row;
  }

  /** A few checkpoints of a session that changed code, splitting its lines between them. */
  private static List<Map<String, Object>> checkpoints(Played p, Annotations a, SplittableRandom r) {
    long lines = a.agentLines() + a.humanLines();
    if (lines == 0) {
      return List.of();
    }
    int n = 1 + r.nextInt(4);
    long span = Math.max(1, Duration.between(p.start(), p.log().now()).getSeconds());
    List<Map<String, Object>> rows = new ArrayList<>();
    long agentLeft = a.agentLines();
    long humanLeft = a.humanLines();
    for (int i = 0; i < n; i++) {
      long agent = i == n - 1 ? agentLeft : agentLeft * (1 + r.nextInt(3)) / (n - i + 2);
      long human = i == n - 1 ? humanLeft : humanLeft * (1 + r.nextInt(3)) / (n - i + 2);
      agentLeft -= agent;
      humanLeft -= human;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("checkpoint_pk", p.id() + "-c" + (i + 1));
      row.put("session_id", p.id());
      row.put("repo_id", p.repo().id());
      row.put("commit_sha", String.format("%016x%016x%08x", r.nextLong(), r.nextLong(), r.nextInt()));
      row.put("created_at", p.start().plusSeconds(span * (i + 1) / n).truncatedTo(ChronoUnit.MILLIS));
      row.put("agent_lines", agent);
      row.put("human_lines", human);
      rows.add(row);
    }
    return rows;
  }

  private static String uuid(SplittableRandom r) {
    long hi = r.nextLong();
    long lo = r.nextLong();
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  private void writeTruth(Path file, Truth t, boolean nimbus) throws IOException {
    t.offType.sort(null);
    t.malformed.sort(null);
    t.noRows.sort(null);
    t.machine.sort(null);
    Map<String, Object> truth = new LinkedHashMap<>();
    truth.put("generator", "personas sample");
    truth.put("seed", options.seed());
    truth.put("note", "Planted labels. Sessions listed in noise.off_type were played as another type on purpose;"
        + " their label stays the planted one. machine_generated lists the sessions and user of " + NIMBUS
        + " (templated prompts; SWE-chat's analyses leave that repository out).");
    truth.put("sessions", t.sessions);
    truth.put("users", t.users);
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("repository", nimbus ? NIMBUS : null);
    machine.put("users", nimbus ? List.of(MACHINE_USER) : List.of());
    machine.put("sessions", t.machine);
    truth.put("machine_generated", machine);
    Map<String, Object> noise = new LinkedHashMap<>();
    noise.put("off_type", t.offType);
    noise.put("malformed_files", t.malformed);
    noise.put("no_conversation_rows", t.noRows);
    truth.put("noise", noise);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), truth);
  }

  private String readme(boolean nimbus) {
    return "Synthetic sample in the shape of SWE-chat's v2 release, made by `personas sample --sessions "
        + options.sessions() + " --users " + options.users() + " --repos " + options.repos() + " --seed " + options.seed()
        + "` (generator version " + VERSION + ").\n"
        + "No real person's data: every session, user and repository is made up.\n"
        + "Tables: repositories, sessions, checkpoints, conversations (Parquet). Sessions listed in"
        + " ground-truth.json under noise.no_conversation_rows have no conversation rows; their only record is"
        + " transcripts/<session id>.jsonl, as some sessions of the real release.\n"
        + (nimbus ? "The repository " + NIMBUS + " stands in for the machine-generated repository of the same name that"
            + " the SWE-chat paper leaves out of its analyses: its sessions come from one account with templated,"
            + " machine-like prompts. None of its content is taken from the real repository.\n" : "")
        + "ground-truth.json holds the planted session type of each session and persona of each user.\n";
  }
}
