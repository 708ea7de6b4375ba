package dev.personas.classify;

import dev.personas.Futures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import smile.validation.metric.AdjustedRandIndex;

/**
 * Computes the build's validation of a fitted model: agreement with blind readers on the real
 * labelled corpus, and on the dataset it was fitted on planted-truth recovery (when there is
 * truth), bootstrap stability, silhouette per type and the share of persons classified
 * decisively. Seeded: the same input gives the same
 * numbers.
 */
public final class Validator {
  /** Accuracy targets the method page promises. */
  static final double TYPE_TARGET = 0.90;
  static final double PERSONA_TARGET = 0.85;
  static final double STABILITY_TARGET = 0.80;

  /** Sessions up to which the bootstrap keeps every session's transformed features (10 MB). */
  private static final int TRANSFORMED_KEPT_UP_TO = 30_000;

  private final ModelFitter fitter;
  private final int resamples;
  private final long seed;
  private final int silhouetteSample;
  private final int threads;

  /**
   * @param fitter refits the pipeline on each resample (same settings as the model's)
   * @param resamples bootstrap resamples (at least 1; the method page promises 50 or more)
   * @param seed seed of the resamples and of the silhouette subsample
   * @param silhouetteSample most sessions the quadratic silhouette is computed on
   */
  public Validator(ModelFitter fitter, int resamples, long seed, int silhouetteSample) {
    this(fitter, resamples, seed, silhouetteSample, Runtime.getRuntime().availableProcessors());
  }

  /** As above, with the bootstrap refits on {@code threads} threads (the numbers are the same). */
  Validator(ModelFitter fitter, int resamples, long seed, int silhouetteSample, int threads) {
    if (resamples < 1 || silhouetteSample < 2 || threads < 1) {
      throw new IllegalArgumentException("need at least 1 resample and a sample of 2");
    }
    this.fitter = fitter;
    this.resamples = resamples;
    this.seed = seed;
    this.silhouetteSample = silhouetteSample;
    this.threads = threads;
  }

  /** The build's settings: 50 resamples, seed 20261126, silhouette on at most 2,000 sessions. */
  public Validator() {
    this(new ModelFitter());
  }

  /** The build's settings, refitting with {@code fitter} (the one the model was fitted with). */
  public Validator(ModelFitter fitter) {
    this(fitter, 50, 20261126L, 2000);
  }

  /** Validates {@code model}, fitted on {@code input}, against optional planted truth. */
  public Validation validate(Model model, List<SessionInput> input, Optional<GroundTruth> truth) {
    return validate(model, input, null, truth, true);
  }

  /**
   * The same, given the model's labels of {@code input} as {@link PopulationLabeler} gives them
   * for it in session-id order (the build has them already): they are not worked out again.
   */
  public Validation validate(
      Model model, List<SessionInput> input, Labels labels, Optional<GroundTruth> truth) {
    return validate(model, input, labels, truth, true);
  }

  /**
   * Validates a model that was not fitted on {@code input} (the shipped one, for sessions too
   * few to fit their own): bootstrap refits and silhouettes describe a fitted population, so
   * they are left out rather than computed from a handful of sessions.
   */
  public Validation validateUnfitted(Model model, List<SessionInput> input, Optional<GroundTruth> truth) {
    return validate(model, input, null, truth, false);
  }

  /** @param given the model's labels of the sessions in id order, or null to label them here */
  private Validation validate(Model model, List<SessionInput> input, Labels given,
      Optional<GroundTruth> truth, boolean fitted) {
    List<SessionInput> sessions = new ArrayList<>(input);
    sessions.sort(Comparator.comparing(SessionInput::sessionId));
    // The real corpus's check and the silhouettes do not depend on the bootstrap: they run on a
    // thread of their own while it refits, so one core is not left idle by the serial parts.
    ExecutorService side = Executors.newSingleThreadExecutor(task -> {
      Thread t = new Thread(task, "personas-validation");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<CorpusAgreement> corpus = side.submit(() -> CorpusValidator.shipped(model.rules()));
      Labels labels = given != null ? given : new PopulationLabeler(model).label(sessions);
      Future<Map<String, Double>> silhouettes = fitted
          ? side.submit(() -> silhouette(model, sessions, labels)) : null;
      Stability stability = fitted ? stability(model, sessions, labels) : null;
      int minSessions = model.personas().minSessions();

      int decisive = 0;
      int established = 0;
      for (PersonaResult r : labels.persons().values()) {
        if (!r.provisional()) {
          established++;
          decisive += r.decisive() ? 1 : 0;
        }
      }
      return new Validation(
          model.modelVersion(),
          model.datasetFingerprint(),
          sessions.size(),
          labels.persons().size(),
          typeRecovery(labels, truth),
          personaRecovery(labels, truth, minSessions),
          Futures.value(corpus),
          stability,
          fitted ? Futures.value(silhouettes) : Map.of(),
          fitted ? Math.min(silhouetteSample, sessions.size()) : 0,
          established == 0 ? 0 : Numbers.fixed((double) decisive / established),
          labels.persons().size() - established);
    } finally {
      side.shutdownNow();
    }
  }

  private static Recovery typeRecovery(Labels labels, Optional<GroundTruth> truth) {
    List<String> slugs = SessionType.slugs();
    if (truth.isEmpty() || truth.get().sessionTypes().isEmpty()) {
      return Recovery.notAvailable(TYPE_TARGET, slugs);
    }
    int k = slugs.size();
    int[][] confusion = new int[k][k];
    int hits = 0;
    int items = 0;
    for (Map.Entry<String, SessionType> e : truth.get().sessionTypes().entrySet()) {
      Classification c = labels.sessions().get(e.getKey());
      if (c != null) {
        confusion[e.getValue().ordinal()][c.type().ordinal()]++;
        hits += c.type() == e.getValue() ? 1 : 0;
        items++;
      }
    }
    return recovery(TYPE_TARGET, slugs, confusion, hits, items);
  }

  private static Recovery personaRecovery(
      Labels labels, Optional<GroundTruth> truth, int minSessions) {
    List<String> slugs = Persona.slugs();
    if (truth.isEmpty() || truth.get().personas().isEmpty()) {
      return Recovery.notAvailable(PERSONA_TARGET, slugs);
    }
    int k = slugs.size();
    int[][] confusion = new int[k][k];
    int hits = 0;
    int items = 0;
    for (Map.Entry<String, Persona> e : truth.get().personas().entrySet()) {
      PersonaResult r = labels.persons().get(e.getKey());
      // A provisional persona rests on one or two sessions: it is shown, not scored.
      if (r != null && r.profile().sessions() >= minSessions) {
        confusion[e.getValue().ordinal()][r.persona().ordinal()]++;
        hits += r.persona() == e.getValue() ? 1 : 0;
        items++;
      }
    }
    return recovery(PERSONA_TARGET, slugs, confusion, hits, items);
  }

  private static Recovery recovery(
      double target, List<String> slugs, int[][] confusion, int hits, int items) {
    if (items == 0) {
      return Recovery.notAvailable(target, slugs);
    }
    return new Recovery(true, Numbers.fixed((double) hits / items), target, items, slugs,
        confusion);
  }

  private Stability stability(Model model, List<SessionInput> sessions, Labels full) {
    int n = sessions.size();
    int[] fullTypes = new int[n];
    for (int i = 0; i < n; i++) {
      fullTypes[i] = full.sessions().get(sessions.get(i).sessionId()).type().ordinal();
    }
    List<String> established = new ArrayList<>();
    full.persons().forEach((user, r) -> {
      if (!r.provisional()) {
        established.add(user);
      }
    });
    int[] fullPersonas = personaLabels(full, established);
    Map<String, int[]> byUser = indicesByUser(sessions);
    double[] typeAri = new double[resamples];
    double[] personaAri = new double[resamples];
    Draws draws = new Draws(new SplittableRandom(seed), n);
    // A session's type does not depend on the resample (only scaler and persona rates are
    // refitted), so each session is classified once for every refit: the full labels have it
    // when the model classifies as the refits do.
    Classifier typeClassifier = fitter.typeClassifier();
    List<Classification> known = sessions.stream()
        .map(s -> fitter.classifiesTypesLike(model)
            ? full.sessions().get(s.sessionId()) : typeClassifier.classify(s.features()))
        .toList();
    // Every refit classifies types with the fitter's rules and sharpness, so the types and each
    // person's profile (type mix and behaviour rates over their own sessions) are the same under
    // every refit, which changes only the persona model's medians: both are worked out once.
    int[] knownTypes = known.stream().mapToInt(c -> c.type().ordinal()).toArray();
    double knownTypeAri = ari(fullTypes, knownTypes);
    Map<String, PersonProfile> profiles = profiles(known, sessions, byUser);
    // Each session's features through the scaler's transforms, once for all refits; on huge
    // datasets (tens of megabytes of them) they are transformed in each refit instead.
    List<double[]> transformed = n > TRANSFORMED_KEPT_UP_TO ? null
        : sessions.stream().map(s -> Scaler.transform(s.features())).toList();
    // Each thread refits resamples in turn; the draws are made in resample order whichever
    // thread asks, so every resample and its scores are the ones a single thread would compute.
    IntStream.range(0, Math.min(resamples, threads))
        .parallel()
        .forEach(worker -> {
          for (int[] drawn = draws.next(); drawn != null; drawn = draws.next()) {
            int r = drawn[n];
            // In list order, which is id order: the fitter's sort by id then has nothing to do.
            java.util.Arrays.sort(drawn, 0, n);
            // A session drawn twice is two sessions of the resample; the fitter counts each draw.
            List<SessionInput> resample = new ArrayList<>(n);
            List<Classification> classified = new ArrayList<>(n);
            List<double[]> rows = transformed == null ? null : new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              resample.add(sessions.get(drawn[i]));
              classified.add(known.get(drawn[i]));
              if (rows != null) {
                rows.add(transformed.get(drawn[i]));
              }
            }
            Model refit = fitter.fitResample(resample, classified, rows);
            resample = null; // drawn sessions are shared with the input: only the lists go
            classified = null;
            rows = null;
            Map<String, Persona> personas = personasUnder(refit, profiles);
            typeAri[r] = knownTypeAri;
            int[] refitPersonas = new int[established.size()];
            for (int i = 0; i < refitPersonas.length; i++) {
              refitPersonas[i] = personas.get(established.get(i)).ordinal();
            }
            personaAri[r] = established.isEmpty() ? 1 : ari(fullPersonas, refitPersonas);
          }
        });
    return new Stability(resamples, seed, STABILITY_TARGET, Numbers.fixed(mean(typeAri)),
        Numbers.fixed(min(typeAri)), Numbers.fixed(mean(personaAri)),
        Numbers.fixed(min(personaAri)), Numbers.fixed(typeAri));
  }

  /** The bootstrap draws, one resample after another from one seeded stream, for any thread. */
  private final class Draws {
    private final SplittableRandom random;
    private final int n;
    private int next;

    Draws(SplittableRandom random, int n) {
      this.random = random;
      this.n = n;
    }

    /** The next resample's n positions, then its number; null when all are drawn. */
    synchronized int[] next() {
      if (next == resamples) {
        return null;
      }
      int[] drawn = new int[n + 1];
      for (int i = 0; i < n; i++) {
        drawn[i] = random.nextInt(n);
      }
      drawn[n] = next++;
      return drawn;
    }
  }

  /** Per person, the positions of their sessions in the (id-sorted) list, ascending. */
  private static Map<String, int[]> indicesByUser(List<SessionInput> sessions) {
    Map<String, List<Integer>> lists = new TreeMap<>();
    for (int i = 0; i < sessions.size(); i++) {
      lists.computeIfAbsent(sessions.get(i).userId(), u -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> out = new TreeMap<>();
    lists.forEach((user, list) -> out.put(user, list.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  /** Each person's profile under the known types (their sessions in list order), by user in id order. */
  private static Map<String, PersonProfile> profiles(List<Classification> known,
      List<SessionInput> sessions, Map<String, int[]> byUser) {
    Map<String, PersonProfile> profiles = new TreeMap<>();
    byUser.forEach((user, indices) -> {
      List<ClassifiedSession> own = new ArrayList<>(indices.length);
      for (int i : indices) {
        own.add(new ClassifiedSession(sessions.get(i).features(), known.get(i)));
      }
      profiles.put(user, PersonProfile.of(user, own));
    });
    return profiles;
  }

  /**
   * Every person's persona under a refit, judged from the profiles made once (as {@link
   * PopulationLabeler} would judge them): no full {@link Labels} per resample.
   */
  private static Map<String, Persona> personasUnder(Model refit, Map<String, PersonProfile> profiles) {
    PersonaClassifier persons = new PersonaClassifier(refit);
    Map<String, Persona> personas = new TreeMap<>();
    profiles.forEach((user, profile) -> personas.put(user, persons.classify(profile).persona()));
    return personas;
  }

  private static int[] personaLabels(Labels labels, List<String> users) {
    int[] out = new int[users.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels.persons().get(users.get(i)).persona().ordinal();
    }
    return out;
  }

  /** ARI, with the convention that two identical single-cluster labelings agree fully. */
  private static double ari(int[] a, int[] b) {
    if (java.util.Arrays.equals(a, b)) {
      return 1;
    }
    return AdjustedRandIndex.of(a, b);
  }

  private Map<String, Double> silhouette(Model model, List<SessionInput> sessions, Labels labels) {
    List<SessionInput> sample = new ArrayList<>(sessions);
    if (sample.size() > silhouetteSample) {
      // Seeded Fisher-Yates over the id-sorted list, then the first silhouetteSample.
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = sample.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        SessionInput tmp = sample.get(i);
        sample.set(i, sample.get(j));
        sample.set(j, tmp);
      }
      sample = sample.subList(0, silhouetteSample);
    }
    double[][] points = new double[sample.size()][];
    int[] assigned = new int[sample.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = model.scaler().standardize(sample.get(i).features());
      assigned[i] = labels.sessions().get(sample.get(i).sessionId()).type().ordinal();
    }
    double[] means = Silhouette.perLabel(points, assigned, SessionType.values().length);
    Map<String, Double> out = new TreeMap<>();
    for (SessionType t : SessionType.values()) {
      double m = means[t.ordinal()];
      out.put(t.slug(), Double.isNaN(m) ? null : Numbers.fixed(m));
    }
    return out;
  }

  private static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }
}
