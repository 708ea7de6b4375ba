package dev.personas.classify;

import dev.personas.PersonasException;
import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import smile.classification.LogisticRegression;

/**
 * Fits the population model: standardize with the dataset's statistics, label the sessions
 * where the authored rules are decisive, train a multinomial L2 logistic regression (Smile) on
 * those weak labels, then fix the persona model's population medians. Deterministic: the input
 * is sorted by session id first and nothing is random.
 */
public final class ModelFitter {
  /** L2 penalty: Smile adds {@code λ/2·‖w‖²} to the summed (not averaged) log-loss. */
  static final double LAMBDA = 10.0;

  /**
   * Most weak-labelled sessions per type the regression trains on. Capping keeps fitting fast
   * (41 weights per type need hundreds of examples, not thousands) and balances the types, so
   * a type does not win ambiguous sessions merely by being common in the weak labels.
   */
  static final int MAX_PER_TYPE = 400;

  /** Intercept given to a type without any weak label, so it is never predicted. */
  static final double ABSENT_TYPE_INTERCEPT = -30;

  private final RuleThresholds thresholds;

  // Drafts are assembled before anyone is labelled; the final model carries the real cohort.
  private static final Cohort EMPTY_COHORT = emptyCohort();

  public ModelFitter(RuleThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** A fitter with the authored thresholds. */
  public ModelFitter() {
    this(RuleThresholds.AUTHORED);
  }

  /** Fits the model on the given sessions (session ids must be unique). */
  public Model fit(List<SessionInput> input) {
    List<SessionInput> sessions = new ArrayList<>(input);
    sessions.sort(Comparator.comparing(SessionInput::sessionId));
    requireUniqueIds(sessions);
    Model model = fitSorted(sessions);
    return model.withCohort(new CohortMaker(model).make(sessions));
  }

  /**
   * Fits on a bootstrap resample, where the same session may occur several times: each
   * occurrence counts as a session of its own. Gives the model that {@link #fit} gives on the
   * same resample with every copy renamed, without making those copies (on 580,000 sessions
   * they cost some 400 MB per resample). The sort is stable, so copies stay side by side.
   * Its cohort is left empty: validation compares labels, and no page shows a resample.
   */
  Model fitResample(List<SessionInput> resample) {
    if (resample.isEmpty()) {
      throw PersonasException.failure("No sessions to fit the model on.");
    }
    List<SessionInput> sessions = new ArrayList<>(resample);
    sessions.sort(Comparator.comparing(SessionInput::sessionId));
    return fitSorted(sessions);
  }

  private Model fitSorted(List<SessionInput> sessions) {
    List<FeatureVector> vectors = sessions.stream().map(SessionInput::features).toList();
    Scaler scaler = Scaler.fit(vectors);

    int[] weak = weakLabels(vectors);
    int[] weakCounts = new int[SessionType.values().length];
    for (int label : weak) {
      if (label >= 0) {
        weakCounts[label]++;
      }
    }
    TypeModel types = fitTypes(scaler, vectors, weak, weakCounts);

    Model draft = assemble(scaler, types, weakCounts, PersonaModel.authored(
        new double[BehaviourRate.values().length]), sessions);
    PersonaModel personas = PersonaModel.authored(populationRateMedians(draft, sessions));
    return assemble(scaler, types, weakCounts, personas, sessions);
  }

  private int[] weakLabels(List<FeatureVector> vectors) {
    TypeRules rules = new TypeRules(thresholds);
    int[] labels = new int[vectors.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = rules.decisiveType(vectors.get(i));
    }
    return labels;
  }

  private static TypeModel fitTypes(
      Scaler scaler, List<FeatureVector> vectors, int[] weak, int[] weakCounts) {
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    int[] seen = new int[weakCounts.length];
    for (int i = 0; i < weak.length; i++) {
      int type = weak[i];
      if (type < 0) {
        continue;
      }
      // Evenly spaced picks in session-id order: deterministic, and spread over the dataset.
      long before = (long) seen[type] * MAX_PER_TYPE / weakCounts[type];
      long after = (long) (seen[type] + 1) * MAX_PER_TYPE / weakCounts[type];
      seen[type]++;
      if (after > before || weakCounts[type] <= MAX_PER_TYPE) {
        x.add(scaler.standardize(vectors.get(i)));
        y.add(type);
      }
    }
    // Smile numbers the classes it saw in ascending order; absent types are added back below.
    int[] present = java.util.stream.IntStream.range(0, weakCounts.length)
        .filter(t -> weakCounts[t] > 0).toArray();
    // Smile's multinomial fit refuses two classes ("binary class data"): three are the minimum.
    if (present.length < 3) {
      throw PersonasException.failure("Only " + present.length + " session type(s) have sessions"
          + " where the rules are decisive (" + weak.length + " sessions): too few to fit the"
          + " type classifier. Fit on more sessions.");
    }
    double[][] xs = x.toArray(new double[0][]);
    int[] ys = y.stream().mapToInt(Integer::intValue).toArray();
    LogisticRegression.Multinomial fitted =
        LogisticRegression.multinomial(xs, ys, LAMBDA, 1e-4, 500);
    double[][] coefficients = fitted.coefficients(); // (k-1) x (p+1), bias last, last class 0
    int p = Feature.values().length;
    double[][] weights = new double[weakCounts.length][p];
    double[] intercepts = new double[weakCounts.length];
    java.util.Arrays.fill(intercepts, ABSENT_TYPE_INTERCEPT);
    for (int c = 0; c < present.length; c++) {
      int type = present[c];
      if (c < coefficients.length) {
        weights[type] = Numbers.fixed(java.util.Arrays.copyOf(coefficients[c], p));
        intercepts[type] = Numbers.fixed(coefficients[c][p]);
      } else {
        intercepts[type] = 0;
      }
    }
    TypeModel model = new TypeModel(weights, intercepts, LAMBDA);
    checkSameAnswerAsSmile(fitted, model, xs[0], present);
    return model;
  }

  /** Guards the reading of Smile's coefficient layout: our softmax must pick Smile's class. */
  private static void checkSameAnswerAsSmile(
      LogisticRegression.Multinomial fitted, TypeModel model, double[] x, int[] present) {
    double[] posteriori = new double[present.length];
    int smileClass = fitted.predict(x, posteriori);
    double[] ours = model.probabilities(x);
    if (Math.abs(ours[smileClass] - posteriori[indexOf(present, smileClass)]) > 1e-3) {
      throw new IllegalStateException("exported weights disagree with Smile's own prediction");
    }
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException("not present: " + value);
  }

  private static double[] populationRateMedians(Model draft, List<SessionInput> sessions) {
    Classifier classifier = new Classifier(draft);
    Map<String, List<ClassifiedSession>> byUser = new TreeMap<>();
    for (SessionInput s : sessions) {
      byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>())
          .add(new ClassifiedSession(s.features(), classifier.classify(s.features())));
    }
    int minSessions = draft.personas().minSessions();
    boolean anyEstablished = byUser.values().stream().anyMatch(l -> l.size() >= minSessions);
    List<double[]> rates = new ArrayList<>();
    for (Map.Entry<String, List<ClassifiedSession>> e : byUser.entrySet()) {
      if (!anyEstablished || e.getValue().size() >= minSessions) {
        rates.add(PersonProfile.of(e.getKey(), e.getValue()).rates());
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

  private Model assemble(Scaler scaler, TypeModel types, int[] weakCounts, PersonaModel personas,
      List<SessionInput> sessions) {
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
        types, thresholds, weakCounts, personaSlugs, personaNames, personas,
        fingerprint(sessions), sessions.size(), users.size(), EMPTY_COHORT);
  }

  /**
   * SHA-256 over the feature vectors sorted by session id: per session its id in UTF-8, a 0
   * byte, then each value's IEEE-754 bits big-endian (exact, and cheap enough for every refit).
   */
  static String fingerprint(List<SessionInput> sortedSessions) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
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
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
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
