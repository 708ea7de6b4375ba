package dev.personas.study;

import dev.personas.Futures;
import dev.personas.PersonasException;
import dev.personas.classify.Classification;
import dev.personas.classify.CorpusValidator;
import dev.personas.classify.Labels;
import dev.personas.classify.Model;
import dev.personas.classify.ModelFitter;
import dev.personas.classify.PopulationLabeler;
import dev.personas.classify.PopulationStats;
import dev.personas.classify.PopulationSummarizer;
import dev.personas.classify.RuleThresholds;
import dev.personas.classify.Scaler;
import dev.personas.classify.SessionInput;
import dev.personas.classify.SessionType;
import dev.personas.classify.Validation;
import dev.personas.classify.Validator;
import dev.personas.features.FeatureExtractor;
import dev.personas.features.Timeline;
import dev.personas.features.TimelineMaker;
import dev.personas.features.ToolCategory;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionLoader;
import dev.personas.session.Annotations;
import dev.personas.session.Session;
import dev.personas.site.figures.DatasetShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a study: load every session, featurize it, fit the population model, label everyone,
 * validate, summarize. Sessions are featurized as they stream in and then dropped, so memory
 * grows with the number of sessions, not with the size of their logs.
 */
public final class StudyRunner {
  /** Timelines kept for choosing representatives; beyond this only every 32nd session's. */
  private static final int TIMELINES_KEPT_IN_FULL = 20_000;

  private final SessionLoader loader;
  private final Consumer<String> progress;

  public StudyRunner(SessionLoader loader, Consumer<String> progress) {
    this.loader = loader;
    this.progress = progress;
  }

  /**
   * The study of a dataset. Below the {@link FitLine} its sessions are classified against the
   * shipped model instead of one fitted on them, and the figures still describe these sessions:
   * their quartiles and z-scores use a scaler of their own, not the sample's.
   */
  public Study run(DatasetSource source) {
    // What a fit and its validation take from the real labelled corpus does not depend on the
    // dataset: it is worked out on threads of its own while the first sessions are read (the
    // reader hands over no session before its window has passed, so a core is idle then).
    CompletableFuture<ModelFitter> fitterAhead =
        CompletableFuture.supplyAsync(ModelFitter::new, StudyRunner::onNewThread);
    fitterAhead.thenRunAsync(() -> CorpusValidator.shipped(RuleThresholds.AUTHORED), StudyRunner::onNewThread);
    Collected collected = read(source, true);
    List<SessionInput> inputs = inputsOf(source, collected);
    boolean fitted = FitLine.enoughToFit(inputs);
    ModelFitter fitter = fitted ? Futures.value(fitterAhead) : null;
    ModelFitter.Fit fit = fitted ? fit(fitter, inputs) : null;
    Model model = fitted ? fit.model() : PopulationModels.load(Optional.empty());
    // The fit classified every session under the model already, in the inputs' (id) order.
    Labels labels = fitted ? new PopulationLabeler(model).label(fit.sessions(), fit.classified())
        : new PopulationLabeler(model).label(inputs);
    Validation validation;
    PopulationStats stats;
    if (fitted) {
      progress.accept("Validating (bootstrap resamples, silhouettes"
          + (source.groundTruth().isPresent() ? ", planted-truth recovery" : "") + ")");
      // The summary does not depend on the validation: it is drawn up on a thread of its own.
      CompletableFuture<PopulationStats> summarized = CompletableFuture.supplyAsync(
          () -> new PopulationSummarizer(model.scaler()).summarize(inputs, labels), StudyRunner::onNewThread);
      // The inputs are in session-id order, as the validator labels them.
      validation = new Validator(fitter).validate(model, inputs, labels, source.groundTruth());
      stats = Futures.value(summarized);
    } else {
      validation = new Validator().validateUnfitted(model, inputs, source.groundTruth());
      stats = new PopulationSummarizer(Scaler.fit(inputs.stream().map(SessionInput::features).toList()))
          .summarize(inputs, labels);
    }
    DatasetSummary summary = new DatasetSummary(
        source.label(), source.sample(), inputs.size(), labels.persons().size(),
        collected.repos.size(), source.groundTruth().isPresent(), collected.report);
    return new Study(summary, model, fitted, inputs, labels, validation, stats,
        representatives(labels, collected.timelines), collected.annotations, collected.shape());
  }

  /**
   * Only the population model of a dataset, without labels or validation: what classifying
   * someone's own logs needs, fitted the same way {@link #run} fits it.
   */
  public Model fitModel(DatasetSource source) {
    return fit(new ModelFitter(), inputsOf(source, read(source, false))).model();
  }

  private ModelFitter.Fit fit(ModelFitter fitter, List<SessionInput> inputs) {
    progress.accept("Fitting the population model on " + inputs.size() + " sessions");
    return fitter.fitClassified(inputs);
  }

  private static void onNewThread(Runnable task) {
    Thread thread = new Thread(task, "personas-study");
    thread.setDaemon(true);
    thread.start();
  }

  private static List<SessionInput> inputsOf(DatasetSource source, Collected collected) {
    if (collected.inputs.isEmpty()) {
      String hint = "point --dataset at a SWE-chat folder or a folder of Claude Code or Codex logs.";
      Optional<Path> missing = source.paths().stream().filter(p -> !Files.exists(p)).findFirst();
      throw PersonasException.failure(missing.isPresent()
          ? "No dataset at " + missing.get() + ": nothing exists there; " + hint
          : "No sessions found in " + source.label() + " (" + collected.report.loneWholeSkip().map(ReadReport.Skip::toString)
              .orElseGet(() -> source.paths() + ": " + collected.report.summary()) + "); " + hint);
    }
    return collected.sortedInputs();
  }

  /**
   * Reads and featurizes every session; timelines only when representatives will be drawn.
   * Sessions are featurized on every core while the reader goes on, and collected in read order.
   */
  private Collected read(DatasetSource source, boolean withTimelines) {
    Collected collected = new Collected();
    FeatureExtractor extractor = new FeatureExtractor();
    TimelineMaker timelines = withTimelines ? new TimelineMaker() : null;
    progress.accept("Reading " + source.label());
    try (InOrder<Featured> featured = new InOrder<>(collected::add)) {
      collected.report = loader.load(source.paths(), source.format(), session -> {
        boolean timeline = timelines != null && collected.keepsTimeline(session.id());
        String person = source.person(session.userId(), session.source());
        featured.submit(() -> Featured.of(session, person, extractor, timeline ? timelines : null));
      });
      featured.finish();
    }
    return collected;
  }

  /** Per type, the timeline of the kept session the model is surest about (ties: lowest id). */
  private static Map<String, Timeline> representatives(
      Labels labels, Map<String, Timeline> timelines) {
    Map<String, Timeline> chosen = new TreeMap<>();
    Map<SessionType, List<Classification>> byType = labels.sessions().values().stream()
        .filter(c -> timelines.containsKey(c.sessionId()))
        .collect(Collectors.groupingBy(Classification::type));
    for (Map.Entry<SessionType, List<Classification>> entry : byType.entrySet()) {
      entry.getValue().stream()
          .min(Comparator.comparingDouble(Classification::probability).reversed()
              .thenComparing(Classification::sessionId))
          .ifPresent(best -> chosen.put(entry.getKey().slug(), timelines.get(best.sessionId())));
    }
    return chosen;
  }

  /**
   * What one session contributes to the study, computed from it alone (so on any thread).
   *
   * @param timeline the session's timeline, or null when it is not kept
   */
  private record Featured(SessionInput input, String repoId, Annotations annotations,
      long prompts, long[] toolCalls, Timeline timeline) {

    static Featured of(Session session, String person, FeatureExtractor extractor, TimelineMaker timelineMaker) {
      long[] toolCalls = new long[ToolCategory.values().length];
      ToolCategory.tally(session.events(), toolCalls);
      FeatureExtractor.FeaturesAndTimeline f = extractor.extract(session, timelineMaker);
      return new Featured(
          new SessionInput(session.id(), person, session.start(), f.features()),
          session.repoId(), session.annotations(), session.typedPromptCount(), toolCalls,
          f.timeline());
    }
  }

  /** What the read collects; mutated only in read order, one session at a time. */
  private static final class Collected {
    final List<SessionInput> inputs = new ArrayList<>();
    final Set<String> repos = new HashSet<>();
    final Map<String, Timeline> timelines = new HashMap<>();
    final Map<String, Annotations> annotations = new HashMap<>();
    final long[] toolCalls = new long[ToolCategory.values().length];
    long prompts;
    ReadReport report;

    /** Timeline ids as {@link #timelines} will hold them once every submitted session is in. */
    private final Set<String> timelineIds = new HashSet<>();

    /**
     * Whether the timeline of the session read next is kept; asked in read order, before the
     * session is featurized. Bounded memory on huge datasets: a stable subset still yields a
     * representative per type.
     */
    boolean keepsTimeline(String sessionId) {
      if (timelineIds.size() < TIMELINES_KEPT_IN_FULL
          || Math.floorMod(sessionId.hashCode(), 32) == 0) {
        timelineIds.add(sessionId);
        return true;
      }
      return false;
    }

    /** Adds a featurized session; called in read order. */
    void add(Featured f) {
      inputs.add(f.input());
      if (!f.repoId().isEmpty()) {
        repos.add(f.repoId());
      }
      if (!f.annotations().isEmpty()) {
        annotations.put(f.input().sessionId(), f.annotations());
      }
      prompts += f.prompts();
      for (int i = 0; i < toolCalls.length; i++) {
        toolCalls[i] += f.toolCalls()[i];
      }
      if (f.timeline() != null) {
        timelines.put(f.input().sessionId(), f.timeline());
      }
    }

    DatasetShape shape() {
      Map<ToolCategory, Long> byCategory = new java.util.EnumMap<>(ToolCategory.class);
      for (ToolCategory c : ToolCategory.values()) {
        byCategory.put(c, toolCalls[c.ordinal()]);
      }
      return new DatasetShape(inputs.size(), prompts, byCategory);
    }

    List<SessionInput> sortedInputs() {
      List<SessionInput> sorted = new ArrayList<>(inputs);
      sorted.sort(Comparator.comparing(SessionInput::sessionId));
      return sorted;
    }
  }
}
