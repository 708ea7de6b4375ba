package dev.personas.me;

import dev.personas.PersonasException;
import dev.personas.classify.BehaviourRate;
import dev.personas.classify.ClassifiedSession;
import dev.personas.classify.Model;
import dev.personas.classify.PersonaClassifier;
import dev.personas.classify.PersonaResult;
import dev.personas.classify.SessionType;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionLoader;
import dev.personas.privacy.Redactor;
import dev.personas.session.Event;
import dev.personas.session.Session;
import dev.personas.study.ClassifiedLog;
import dev.personas.study.LogsClassification;
import dev.personas.study.LogsClassifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a person's own logs and classifies them against the population model (never refit on
 * them): every session's type, one persona over all of them, and the rates that decided it.
 * Project names and titles are kept only when asked for, and then redacted.
 */
public final class MeAnalyzer {
  /** A person's own sessions all belong to one person, whatever user id a reader gave them. */
  static final String PERSON = "you";
  private static final int REASONS = 4;
  private static final int TITLE_CHARS = 80;

  private final SessionLoader loader;
  private final Model model;
  private final Shown shown;
  private final Consumer<ClassifiedLog> progress;
  private final Redactor redactor = new Redactor();

  /**
   * @param shown which private labels the person asked to see on their page
   * @param progress called once per session read
   */
  public MeAnalyzer(SessionLoader loader, Model model, Shown shown, Consumer<ClassifiedLog> progress) {
    this.loader = loader;
    this.model = model;
    this.shown = shown;
    this.progress = progress;
  }

  /** Which private labels go on the page; both off by default. */
  public record Shown(boolean projects, boolean titles, Optional<Path> home) {
    public static final Shown NOTHING = new Shown(false, false, Optional.empty());
  }

  /**
   * @param result the results, absent when no session was read
   * @param report what was read and skipped
   * @param projects distinct projects the sessions ran in
   */
  public record Analysis(Optional<MeResult> result, ReadReport report, int projects) {}

  public Analysis analyse(List<Path> paths) {
    Map<String, String> titles = new HashMap<>();
    LogsClassification logs = new LogsClassifier(loader, model).classify(paths, Optional.empty(),
        session -> shown.titles() ? title(session) : null, (classified, title) -> {
          if (title != null) {
            titles.put(classified.sessionId(), title);
          }
          progress.accept(classified);
        });
    List<ClassifiedLog> sessions = logs.sessions();
    int projects = (int) sessions.stream().map(ClassifiedLog::project).distinct().count();
    if (sessions.isEmpty()) {
      return new Analysis(Optional.empty(), logs.report(), 0);
    }
    long people = sessions.stream().map(ClassifiedLog::userId).distinct().count();
    if (people > 1) {
      // One's own logs are all "local": several people's sessions are a dataset, not a person.
      throw PersonasException.failure("The paths hold the sessions of " + people + " people (a SWE-chat"
          + " release?), and `personas me` writes one person's page: give it your own Claude Code or Codex logs."
          + " For each person's persona run `personas classify PATH`; for the site, `personas build --dataset PATH`.");
    }
    PersonaResult person = new PersonaClassifier(model).classify(PERSON, sessions.stream()
        .map(s -> new ClassifiedSession(s.features(), s.classification())).toList());
    List<MeResult.MeSession> rows = new ArrayList<>();
    for (ClassifiedLog s : sessions) {
      rows.add(new MeResult.MeSession(date(s), s.classification().type(), s.classification().probability(),
          s.classification().runnerUp(), s.classification().runnerUpProbability(),
          Arrays.stream(s.features().values()).boxed().toList(),
          shown.projects() ? project(s.project()) : "", titles.getOrDefault(s.sessionId(), "")));
    }
    MeResult result = new MeResult(model.datasetFingerprint(), person.persona(), person.confidence(),
        person.runnerUp(), person.decisive(), person.provisional(), reasons(person), populationMix(), rows,
        Arrays.stream(person.scores()).boxed().toList(), Optional.empty());
    return new Analysis(Optional.of(result.withDepth(new DepthAnalyzer(model).analyse(result))), logs.report(), projects);
  }

  // Undated sessions (no timestamp in the log) are shown on the epoch day rather than dropped.
  private static LocalDate date(ClassifiedLog s) {
    return s.start() == null ? MeResult.UNDATED : LocalDate.ofInstant(s.start(), ZoneOffset.UTC);
  }

  /**
   * The rates that decided the persona: those its signature leans on where the person lies on
   * the signed side of the population's median, then the rest, each by how far (relative to the
   * median) the person lies from it.
   */
  private List<MeResult.RateReason> reasons(PersonaResult person) {
    double[] yours = person.profile().rates();
    double[] medians = model.personas().rateMedians();
    double[] signs = model.personas().signatures().get(person.persona().slug());
    record Scored(MeResult.RateReason reason, boolean agrees, double distance) {}
    List<Scored> scored = new ArrayList<>();
    for (BehaviourRate rate : BehaviourRate.values()) {
      int i = rate.ordinal();
      double distance = Math.abs(yours[i] - medians[i]) / Math.max(Math.abs(medians[i]), 0.05);
      boolean agrees = signs[i] != 0 && Math.signum(yours[i] - medians[i]) == Math.signum(signs[i]);
      scored.add(new Scored(new MeResult.RateReason(rate.key(), yours[i], medians[i]), agrees, distance));
    }
    return scored.stream()
        .filter(s -> s.distance() > 0)
        .sorted(Comparator.comparing((Scored s) -> !s.agrees()).thenComparing(Scored::distance, Comparator.reverseOrder())
            .thenComparing(s -> s.reason().rate()))
        .limit(REASONS)
        .map(Scored::reason)
        .toList();
  }

  /** The population's session-type mix: the rule labels the model was fitted on. */
  private List<Double> populationMix() {
    int[] counts = model.typeCounts();
    double total = Arrays.stream(counts).sum();
    List<Double> mix = new ArrayList<>();
    for (int t = 0; t < SessionType.values().length; t++) {
      mix.add(total == 0 ? 0 : counts[t] / total);
    }
    return mix;
  }

  // Readers name a project after its working directory with every non-alphanumeric as '-';
  // the home folder's part is dropped so the label starts at the project.
  private String project(String folder) {
    String name = folder;
    String homePrefix = shown.home().map(h -> h.toString().replaceAll("[^A-Za-z0-9]", "-") + "-").orElse("");
    if (!homePrefix.equals("-") && !homePrefix.isEmpty() && name.startsWith(homePrefix)) {
      name = name.substring(homePrefix.length());
    }
    return redactor.redact(name);
  }

  /** A session's title: the first line of its first typed prompt, shortened, redacted. */
  private String title(Session session) {
    for (Event e : session.events()) {
      if (e.kind().isTypedPrompt() && e.text() != null && !e.text().isBlank()) {
        String redacted = redactor.redact(e.text().strip());
        String line = redacted.lines().findFirst().orElse("").strip();
        return line.length() > TITLE_CHARS ? line.substring(0, TITLE_CHARS - 1) + "…" : line;
      }
    }
    return "";
  }
}
