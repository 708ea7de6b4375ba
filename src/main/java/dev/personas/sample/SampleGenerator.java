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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a synthetic dataset in SWE-chat's published shape: {@code sessions.parquet},
 * {@code repositories.parquet}, one Claude Code transcript per session under
 * {@code transcripts/} (subagents under {@code transcripts/<id>/subagents/}), and, apart from the
 * data, {@code ground-truth.json} with the session type and persona planted for each session and
 * user. Deterministic: one seeded random source, a fixed base date, sorted output.
 */
public final class SampleGenerator {
  /** Sessions start on or after this day. */
  static final Instant BASE = Instant.parse("2025-07-01T00:00:00Z");
  /** Share of sessions played as another type than planted (label noise). */
  static final double OFF_TYPE = 0.03;

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
      new Column("agent_percentage", Type.DOUBLE), new Column("session_success", Type.BOOLEAN));
  private static final List<Column> REPO_COLUMNS = List.of(new Column("repo_id", Type.STRING),
      new Column("name", Type.STRING), new Column("url", Type.STRING),
      new Column("repo_type_domain", Type.STRING));

  private static final List<String> DOMAINS = List.of("web", "cli", "data", "ml", "infra", "library", "mobile");
  private static final List<String> ORGS = List.of("acme", "northwind", "lumen", "orbit", "kestrel", "tandem", "pixelforge", "quarry");
  private static final List<String> NAMES = List.of("api", "dashboard", "ingest", "toolkit", "site", "agent", "sync", "engine", "portal", "notebook");
  private static final List<String> VERSIONS = List.of("1.0.98", "1.0.113", "2.0.14", "2.0.37", "2.0.55");
  private static final List<String> MODELS = List.of("claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-sonnet-4-20250514");

  private final SampleOptions options;

  public SampleGenerator(SampleOptions options) {
    this.options = options;
  }

  /** What was written. */
  public record Summary(int sessions, int users, int repos, Map<SessionType, Integer> typeCounts,
      Map<Persona, Integer> personaCounts) {}

  private record Repo(String id, String name, String domain, Codebase code) {}

  private record User(String id, String handle, Persona persona, double[] weights,
      SessionScript.Behaviour behaviour, List<Repo> repos, String version, String model, int startHour) {}

  /** Writes the dataset into the folder (created if needed; existing sample files are replaced). */
  public Summary generate(Path out) throws IOException {
    SplittableRandom root = new SplittableRandom(options.seed());
    Files.createDirectories(out.resolve("transcripts"));
    List<Repo> repos = repos(root.split());
    List<User> users = users(root.split(), repos);
    int[] perUser = sessionsPerUser(root.split());

    List<Map<String, Object>> sessionRows = new ArrayList<>();
    Map<String, String> sessionTruth = new TreeMap<>();
    Map<String, String> userTruth = new TreeMap<>();
    List<String> offType = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    Map<SessionType, Integer> typeCounts = new EnumMap<>(SessionType.class);
    Map<Persona, Integer> personaCounts = new EnumMap<>(Persona.class);
    int malformedEvery = Math.max(50, options.sessions() / 10);

    for (int u = 0; u < users.size(); u++) {
      User user = users.get(u);
      userTruth.put(user.id(), user.persona().slug());
      personaCounts.merge(user.persona(), 1, Integer::sum);
      SplittableRandom ur = root.split();
      for (int k = 0; k < perUser[u]; k++) {
        SplittableRandom r = ur.split();
        String sessionId = uuid(r);
        SessionType planted = PersonaMix.draw(user.weights(), r);
        SessionType played = planted;
        if (r.nextDouble() < OFF_TYPE) {
          played = SessionType.values()[(planted.ordinal() + 1 + r.nextInt(6)) % 7];
          offType.add(sessionId);
        }
        Repo repo = user.repos().get(r.nextInt(user.repos().size()));
        Instant start = BASE.plus(Duration.ofDays(r.nextInt(150)))
            .plus(Duration.ofMinutes(60L * (user.startHour() + r.nextInt(9)) + r.nextInt(60)));
        String branch = r.nextInt(3) == 0 ? "main" : "feat/" + NAMES.get(r.nextInt(NAMES.size())) + "-" + r.nextInt(100);
        ClaudeLog log = new ClaudeLog(sessionId, "/home/" + user.handle() + "/code/" + repo.name().substring(repo.name().indexOf('/') + 1),
            branch, user.version(), user.model(), start, r, null);
        SessionScript script = new SessionScript(log, repo.code(), user.behaviour(), r);
        script.play(played);

        List<String> lines = log.render();
        if (sessionRows.size() % malformedEvery == malformedEvery / 2 && lines.size() > 4) {
          // A few files carry a truncated line, as crashed writes leave them.
          int at = 2 + r.nextInt(lines.size() - 3);
          String line = lines.get(at);
          lines = new ArrayList<>(lines);
          lines.add(at, line.substring(0, line.length() / 2));
          malformed.add("transcripts/" + sessionId + ".jsonl");
        }
        writeLines(out.resolve("transcripts").resolve(sessionId + ".jsonl"), lines);
        for (Map.Entry<String, List<String>> sub : script.subagents().entrySet()) {
          Path dir = Files.createDirectories(out.resolve("transcripts").resolve(sessionId).resolve("subagents"));
          writeLines(dir.resolve("agent-" + sub.getKey() + ".jsonl"), sub.getValue());
        }
        sessionRows.add(sessionRow(sessionId, user, repo, planted, start, log, r));
        sessionTruth.put(sessionId, planted.slug());
        typeCounts.merge(planted, 1, Integer::sum);
      }
    }
    sessionRows.sort((a, b) -> ((String) a.get("session_id")).compareTo((String) b.get("session_id")));
    new ParquetTable("sessions", SESSION_COLUMNS).write(out.resolve("sessions.parquet"), sessionRows);
    List<Map<String, Object>> repoRows = new ArrayList<>();
    for (Repo repo : repos) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("repo_id", repo.id());
      row.put("name", repo.name());
      row.put("url", "https://github.com/" + repo.name());
      row.put("repo_type_domain", repo.domain());
      repoRows.add(row);
    }
    new ParquetTable("repositories", REPO_COLUMNS).write(out.resolve("repositories.parquet"), repoRows);
    offType.sort(null);
    malformed.sort(null);
    writeTruth(out.resolve("ground-truth.json"), sessionTruth, userTruth, offType, malformed);
    Files.writeString(out.resolve("README.txt"), "Synthetic sample in SWE-chat's shape, made by `personas sample --sessions "
        + options.sessions() + " --users " + options.users() + " --repos " + options.repos() + " --seed " + options.seed()
        + "`.\nNo real person's data: every session, user and repository is made up.\n"
        + "ground-truth.json holds the planted session type of each session and persona of each user.\n",
        StandardCharsets.UTF_8);
    return new Summary(sessionRows.size(), users.size(), repos.size(), typeCounts, personaCounts);
  }

  private List<Repo> repos(SplittableRandom r) {
    List<Repo> repos = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < options.repos(); i++) {
      String name;
      do {
        name = ORGS.get(r.nextInt(ORGS.size())) + "/" + NAMES.get(r.nextInt(NAMES.size()))
            + (names.size() >= ORGS.size() * NAMES.size() / 2 ? "-" + r.nextInt(10_000) : "");
      } while (!names.add(name));
      String language = Codebase.LANGUAGES.get(r.nextInt(Codebase.LANGUAGES.size()));
      repos.add(new Repo(String.format("repo-%04d", i + 1), name, DOMAINS.get(r.nextInt(DOMAINS.size())),
          Codebase.of(language, r)));
    }
    return repos;
  }

  private List<User> users(SplittableRandom r, List<Repo> repos) {
    List<Persona> personas = PersonaMix.assign(options.users(), r);
    List<User> users = new ArrayList<>();
    for (int i = 0; i < options.users(); i++) {
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

  /** Sessions per user: heavy-tailed like real usage, at least three each when there are enough. */
  private int[] sessionsPerUser(SplittableRandom r) {
    int n = options.users();
    int[] count = new int[n];
    int floor = Math.min(3, options.sessions() / n);
    double[] weight = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      count[i] = floor;
      weight[i] = Math.exp(1.1 * gaussian(r));
      total += weight[i];
    }
    for (int left = options.sessions() - floor * n; left > 0; left--) {
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

  private static Map<String, Object> sessionRow(String id, User user, Repo repo, SessionType planted,
      Instant start, ClaudeLog log, SplittableRandom r) {
    ClaudeLog.Stats s = log.stats();
    long humanAdded = r.nextInt(1 + s.agentLines / 3 + 1);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("session_id", id);
    row.put("repo_id", repo.id());
    row.put("user_id", user.id());
    row.put("agent", "claude-code");
    row.put("created_at", start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    row.put("duration_seconds", Duration.between(start, log.now()).getSeconds());
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
    row.put("agent_lines", (long) s.agentLines);
    row.put("human_added", humanAdded);
    row.put("agent_percentage", s.agentLines + humanAdded == 0 ? 0.0
        : Math.round(1000.0 * s.agentLines / (s.agentLines + humanAdded)) / 10.0);
    row.put("session_success", r.nextDouble() < (planted == SessionType.SPIRAL ? 0.3 : 0.8));
    return row;
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

  private void writeTruth(Path file, Map<String, String> sessions, Map<String, String> users,
      List<String> offType, List<String> malformed) throws IOException {
    Map<String, Object> truth = new LinkedHashMap<>();
    truth.put("generator", "personas sample");
    truth.put("seed", options.seed());
    truth.put("note", "Planted labels. Sessions listed in noise.off_type were played as another type on purpose;"
        + " their label stays the planted one.");
    truth.put("sessions", sessions);
    truth.put("users", users);
    Map<String, Object> noise = new LinkedHashMap<>();
    noise.put("off_type", offType);
    noise.put("malformed_files", malformed);
    truth.put("noise", noise);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), truth);
  }
}
