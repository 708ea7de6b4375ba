package dev.personas.classify;

import dev.personas.PersonasException;
import dev.personas.Sha256;
import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Fits the population model. Session types come from the evidence rules ({@link TypeRules}),
 * whose numbers were set on real labelled sessions, with a sharpness fitted on the calibration
 * half of the real corpus ({@link RealCorpus}): they do not depend on the dataset. The dataset
 * gives its scaler (to describe its types), its counts of each type and the persona model's
 * population medians. Deterministic: the input is sorted by session id first and nothing is
 * random.
 */
public final class ModelFitter {
  private final RuleThresholds thresholds;
  private final TypeModel types;

  // Drafts are assembled before anyone is labelled; the final model carries the real cohort.
  private static final Cohort EMPTY_COHORT = emptyCohort();

  /** A fitter with these thresholds and a sharpness fitted on {@code labelled}'s sessions. */
  public ModelFitter(RuleThresholds thresholds, List<RealCorpus.Session> labelled) {
    this.thresholds = thresholds;
    this.types = fitSharpness(thresholds, labelled);
  }

  /** The fitter of every build: authored thresholds, the real corpus's calibration half. */
  public ModelFitter() {
    this(RuleThresholds.AUTHORED, RealCorpus.shipped().half(RealCorpus.Half.CALIBRATION));
  }

  /** Fits the model on the given sessions (session ids must be unique). */
  public Model fit(List<SessionInput> input) {
    return fitClassified(input).model();
  }

  /**
   * A fitted model with the sessions it was fitted on, in session-id order, and each one's
   * classification under it ({@code classified.get(i)} is {@code sessions.get(i)}'s).
   */
  public record Fit(Model model, List<SessionInput> sessions, List<Classification> classified) {}

  /** Fits as {@link #fit} does, keeping each session's classification for labelling them. */
  public Fit fitClassified(List<SessionInput> input) {
    List<SessionInput> sessions = new ArrayList<>(input);
    sessions.sort(Comparator.comparing(SessionInput::sessionId));
    requireUniqueIds(sessions);
    // A session's type is the same under every model this fitter makes (they classify with its
    // rules and sharpness): each session is classified once, for the fit and for the labels.
    Classifier classifier = typeClassifier();
    List<Classification> classified = new ArrayList<>(sessions.size());
    for (SessionInput s : sessions) {
      classified.add(classifier.classify(s.features()));
    }
    Model model = fitSorted(sessions, fingerprint(sessions), classified, null);
    return new Fit(model.withCohort(new CohortMaker(model).make(sessions, classified)),
        List.copyOf(sessions), List.copyOf(classified));
  }

  /**
   * The model {@link #fit} gives on {@code input}, without what only pages show: its cohort is
   * left empty and its fingerprint is {@link #RESAMPLE_FINGERPRINT}'s, not the dataset's. For a
   * check that only classifies with it (the corpus check fits one per person left out).
   */
  Model fitUnshown(List<SessionInput> input) {
    TypeRules rules = new TypeRules(thresholds);
    return fitUnshown(input, s -> rules.scores(s.features()), s -> Scaler.transform(s.features()));
  }

  /**
   * The same, with each session's rule scores and transformed features worked out beforehand:
   * neither depends on the sessions fitted on, so the corpus check, which fits once per person
   * left out, works them out once.
   *
   * @param scores a session's {@link TypeRules#scores} under this fitter's thresholds
   * @param rows a session's features through the scaler's transforms ({@link Scaler#transform})
   */
  Model fitUnshown(List<SessionInput> input, Function<SessionInput, double[]> scores,
      Function<SessionInput, double[]> rows) {
    List<SessionInput> sessions = new ArrayList<>(input);
    sessions.sort(Comparator.comparing(SessionInput::sessionId));
    requireUniqueIds(sessions);
    Classifier classifier = typeClassifier();
    List<Classification> classified = new ArrayList<>(sessions.size());
    List<double[]> transformed = new ArrayList<>(sessions.size());
    for (SessionInput s : sessions) {
      classified.add(classifier.ofScores(s.sessionId(), scores.apply(s)));
      transformed.add(rows.apply(s));
    }
    return fitResample(sessions, classified, transformed);
  }

  /**
   * Fits on a bootstrap resample, where the same session may occur several times: each
   * occurrence counts as a session of its own. Gives the model that {@link #fit} gives on the
   * same resample with every copy renamed, without making those copies (on 580,000 sessions
   * they cost some 400 MB per resample). The sort is stable, so copies stay side by side.
   * Its cohort is left empty and it has no dataset fingerprint: validation compares labels, and
   * no page shows a resample.
   */
  Model fitResample(List<SessionInput> resample) {
    Classifier classifier = typeClassifier();
    return fitResample(resample, resample.stream().map(s -> classifier.classify(s.features())).toList());
  }

  /**
   * The same, with each session's classification under {@link #typeClassifier} given
   * ({@code classified.get(i)} is {@code resample.get(i)}'s): the type of a session does not
   * depend on the sessions a model is fitted on, so a bootstrap classifies each session once.
   */
  Model fitResample(List<SessionInput> resample, List<Classification> classified) {
    return fitResample(resample, classified, null);
  }

  /**
   * The same, with each session's features through the scaler's transforms given too
   * ({@code transformed.get(i)} is {@link Scaler#transform} of {@code resample.get(i)}'s), or
   * null to transform them here: a bootstrap transforms each session once for all its refits.
   */
  Model fitResample(List<SessionInput> resample, List<Classification> classified,
      List<double[]> transformed) {
    if (resample.isEmpty()) {
      throw PersonasException.failure("No sessions to fit the model on.");
    }
    Integer[] order = new Integer[resample.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Stable, as the sort of fit: copies of a session stay side by side, in draw order.
    java.util.Arrays.sort(order, Comparator.comparing(i -> resample.get(i).sessionId()));
    List<SessionInput> sessions = new ArrayList<>(order.length);
    List<Classification> sorted = new ArrayList<>(order.length);
    List<double[]> rows = transformed == null ? null : new ArrayList<>(order.length);
    for (int i : order) {
      sessions.add(resample.get(i));
      sorted.add(classified.get(i));
      if (rows != null) {
        rows.add(transformed.get(i));
      }
    }
    return fitSorted(sessions, RESAMPLE_FINGERPRINT, sorted, rows);
  }

  /**
   * The type classifier of every model this fitter fits: its rules and sharpness are the
   * fitter's, not fitted on the sessions (only the scaler and the persona rates are).
   */
  Classifier typeClassifier() {
    return new Classifier(thresholds, types);
  }

  /** True when the model classifies types with {@link #typeClassifier} (a model this fitted). */
  boolean classifiesTypesLike(Model model) {
    return model.rules() == thresholds && model.types() == types;
  }

  /** The fingerprint of a refit on a bootstrap resample, which is never shown. */
  static final String RESAMPLE_FINGERPRINT = "resample";

  /**
   * @param classified each session's classification under {@link #typeClassifier}, in list order
   * @param transformed each session's transformed features ({@link Scaler#transform}), in list
   *     order, or null to transform them here
   */
  private Model fitSorted(List<SessionInput> sessions, String fingerprint,
      List<Classification> classified, List<double[]> transformed) {
    List<FeatureVector> vectors = sessions.stream().map(SessionInput::features).toList();
    Scaler scaler = transformed == null ? Scaler.fit(vectors) : Scaler.fitTransformed(transformed);
    int[] typeCounts = new int[SessionType.values().length];
    for (Classification c : classified) {
      typeCounts[c.type().ordinal()]++;
    }
    PersonaModel personas = PersonaModel.authored(populationRateMedians(sessions));
    return assemble(scaler, typeCounts, personas, sessions, fingerprint);
  }

  private static TypeModel fitSharpness(RuleThresholds thresholds, List<RealCorpus.Session> labelled) {
    if (labelled.isEmpty()) {
      throw new IllegalArgumentException("the sharpness needs labelled sessions");
    }
    TypeRules rules = new TypeRules(thresholds);
    List<double[]> scores = labelled.stream().map(s -> rules.scores(s.features())).toList();
    return TypeModel.fit(scores, labelled.stream().map(RealCorpus.Session::type).toList());
  }

  /**
   * The median of each behaviour rate over the persons with enough sessions for a persona (all
   * persons when none has). The rates come from the features alone; the persons' order does not
   * matter to a median.
   */
  private static double[] populationRateMedians(List<SessionInput> sessions) {
    Map<String, List<FeatureVector>> byUser = new HashMap<>();
    for (SessionInput s : sessions) {
      byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s.features());
    }
    int minSessions = PersonaModel.MIN_SESSIONS;
    boolean anyEstablished = byUser.values().stream().anyMatch(l -> l.size() >= minSessions);
    List<double[]> rates = new ArrayList<>();
    for (List<FeatureVector> own : byUser.values()) {
      if (!anyEstablished || own.size() >= minSessions) {
        rates.add(BehaviourRate.ofFeatures(own));
      }
    }
    double[] medians = new double[BehaviourRate.values().length];
    for (int r = 0; r < medians.length; r++) {
      double[] column = new double[rates.size()];
      for (int i = 0; i < column.length; i++) {
        column[i] = rates.get(i)[r];
      }
      medians[r] = BehaviourRate.median(column);
    }
    return medians;
  }

  private Model assemble(Scaler scaler, int[] typeCounts, PersonaModel personas,
      List<SessionInput> sessions, String fingerprint) {
    List<String> keys = new ArrayList<>();
    for (Feature f : Feature.values()) {
      keys.add(f.key());
    }
    List<String> typeSlugs = new ArrayList<>();
    List<String> typeNames = new ArrayList<>();
    for (SessionType t : SessionType.values()) {
      typeSlugs.add(t.slug());
      typeNames.add(t.displayName());
    }
    List<String> personaSlugs = new ArrayList<>();
    List<String> personaNames = new ArrayList<>();
    for (Persona p : Persona.values()) {
      personaSlugs.add(p.slug());
      personaNames.add(p.displayName());
    }
    Set<String> users = new HashSet<>();
    sessions.forEach(s -> users.add(s.userId()));
    return new Model(Model.VERSION, Feature.CATALOGUE_VERSION, keys, scaler, typeSlugs, typeNames,
        types, thresholds, typeCounts, personaSlugs, personaNames, personas,
        fingerprint, sessions.size(), users.size(), EMPTY_COHORT);
  }

  /**
   * SHA-256 over the feature vectors sorted by session id: per session its id in UTF-8, a 0
   * byte, then each value's IEEE-754 bits big-endian (exact, and cheap enough for every refit).
   */
  static String fingerprint(List<SessionInput> sortedSessions) {
    MessageDigest sha = Sha256.digest();
    ByteBuffer values = ByteBuffer.allocate(Feature.values().length * Double.BYTES);
    for (SessionInput s : sortedSessions) {
      sha.update(s.sessionId().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      values.clear();
      for (double v : s.features().values()) {
        values.putDouble(v);
      }
      sha.update(values.array());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static Cohort emptyCohort() {
    Map<String, Cohort.Spread> rates = new TreeMap<>();
    for (BehaviourRate r : BehaviourRate.values()) {
      rates.put(r.key(), new Cohort.Spread(0, 0, 0));
    }
    return new Cohort(0, Map.of(), List.of(), rates, Map.of(), Map.of(Cohort.EVERYONE, new Outcomes(1, 0, 0, 0)));
  }

  private static void requireUniqueIds(List<SessionInput> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).sessionId().equals(sorted.get(i - 1).sessionId())) {
        throw PersonasException.failure("Session id " + sorted.get(i).sessionId()
            + " occurs twice in the fitting data; each session must be read once.");
      }
    }
    if (sorted.isEmpty()) {
      throw PersonasException.failure("No sessions to fit the model on.");
    }
  }
}
