package dev.personas.classify;

import dev.personas.Futures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.FutureTask;

/**
 * Measures the method on the real labelled corpus: types on each half of the fixed split, and
 * personas person by person with that person's sessions left out of everything fitted (the
 * sharpness and the persona model's medians). Deterministic.
 */
public final class CorpusValidator {
  /** Held-out session-type agreement the project aims for (issue 13). */
  public static final double HELD_OUT_TARGET = 0.80;
  /** Leave-one-person-out persona agreement the project aims for (issue 13). */
  public static final double PERSONA_TARGET = 0.70;

  /** Per set of thresholds, the agreement on the shipped corpus: worked out once per process. */
  private static final ConcurrentMap<RuleThresholds, FutureTask<CorpusAgreement>> SHIPPED =
      new ConcurrentHashMap<>();

  private final RuleThresholds thresholds;

  public CorpusValidator(RuleThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * What {@code new CorpusValidator(thresholds).validate(RealCorpus.shipped())} gives, computed
   * once per process and thresholds: a build can work it out before it needs it (it does not
   * depend on the dataset), and a caller that asks while it is being worked out waits for it.
   */
  public static CorpusAgreement shipped(RuleThresholds thresholds) {
    FutureTask<CorpusAgreement> mine =
        new FutureTask<>(() -> new CorpusValidator(thresholds).validate(RealCorpus.shipped()));
    FutureTask<CorpusAgreement> task = SHIPPED.putIfAbsent(thresholds, mine);
    if (task == null) {
      task = mine;
      task.run();
    }
    return Futures.value(task);
  }

  /** The agreement of the method and of the readers on {@code corpus}. */
  public CorpusAgreement validate(RealCorpus corpus) {
    List<String> types = SessionType.slugs();
    List<String> personas = Persona.slugs();
    int[][] readers = new int[types.size()][types.size()];
    int[][] calibration = new int[types.size()][types.size()];
    int[][] heldOut = new int[types.size()][types.size()];
    int[][] newPeople = new int[types.size()][types.size()];
    // [certain, uncertain][readers' type][method's type], as the method marks them
    int[][][] calibrationBySureness = new int[2][types.size()][types.size()];
    int[][][] newPeopleBySureness = new int[2][types.size()][types.size()];
    // Per round: [readers' type][method's type] over its sessions, and whether all were held out.
    Map<Integer, int[][]> roundTypes = new TreeMap<>();
    Map<Integer, Boolean> roundHeldOut = new TreeMap<>();
    // The method's type is the best-scoring rule's. The fitter of the whole calibration half turns
    // the scores into the probabilities that mark a type uncertain.
    if (corpus.half(RealCorpus.Half.CALIBRATION).isEmpty()) {
      throw new IllegalArgumentException("the corpus check needs a calibration half to fit the sharpness on");
    }
    TypeRules rules = new TypeRules(thresholds);
    ModelFitter calibrationFitter =
        new ModelFitter(thresholds, corpus.half(RealCorpus.Half.CALIBRATION));
    Classifier classifier = calibrationFitter.typeClassifier();
    // Every session's scores, set-aside ones too: they are others' sessions in the persona fits.
    Map<String, double[]> scoresOf = new HashMap<>();
    for (RealCorpus.Session s : corpus.sessions()) {
      double[] scores = rules.scores(s.features());
      scoresOf.put(s.id(), scores);
      readers[s.readerA().ordinal()][s.readerB().ordinal()]++;
      if (s.half() == RealCorpus.Half.SET_ASIDE) {
        continue;
      }
      int method = Classification.of(s.id(), scores).type().ordinal();
      int[][] half = switch (s.half()) {
        case CALIBRATION -> calibration;
        case NEW_PEOPLE -> newPeople;
        default -> heldOut;
      };
      half[s.type().ordinal()][method]++;
      roundTypes.computeIfAbsent(s.round(), r -> new int[types.size()][types.size()])[s.type().ordinal()][method]++;
      roundHeldOut.merge(s.round(), s.half() == RealCorpus.Half.NEW_PEOPLE, Boolean::logicalAnd);
      int sureness = classifier.ofScores(s.id(), scores).uncertain() ? 1 : 0;
      if (s.half() == RealCorpus.Half.CALIBRATION) {
        calibrationBySureness[sureness][s.type().ordinal()][method]++;
      } else if (s.half() == RealCorpus.Half.NEW_PEOPLE) {
        newPeopleBySureness[sureness][s.type().ordinal()][method]++;
      }
    }
    Map<Integer, int[][][]> roundPeople = new TreeMap<>();
    int[][][] people = leaveOnePersonOut(corpus, personas.size(), calibrationFitter, scoresOf, roundPeople);
    List<RoundAgreement> rounds = new ArrayList<>();
    for (Map.Entry<Integer, int[][]> round : roundTypes.entrySet()) {
      int[][][] judged = roundPeople.getOrDefault(round.getKey(),
          new int[2][personas.size()][personas.size()]);
      rounds.add(new RoundAgreement(round.getKey(), roundHeldOut.get(round.getKey()),
          Agreement.of(types, round.getValue()), Agreement.of(personas, judged[0]), Agreement.of(personas, judged[1])));
    }
    int[][] readerPeople = new int[personas.size()][personas.size()];
    for (RealCorpus.Person p : corpus.persons()) {
      readerPeople[p.readerA().ordinal()][p.readerB().ordinal()]++;
    }
    return new CorpusAgreement(corpus.sessions().size(), corpus.persons().size(),
        corpus.half(RealCorpus.Half.SET_ASIDE).size(),
        Agreement.of(types, readers), kappa(readers), Agreement.of(personas, readerPeople),
        kappa(readerPeople), Agreement.of(types, calibration), Agreement.of(types, heldOut),
        Agreement.of(types, newPeople), Agreement.of(personas, people[0]), Agreement.of(personas, people[1]),
        Agreement.of(types, calibrationBySureness[0]), Agreement.of(types, calibrationBySureness[1]),
        Agreement.of(types, newPeopleBySureness[0]), Agreement.of(types, newPeopleBySureness[1]),
        Agreement.of(personas, people[2]), Agreement.of(personas, people[3]), Classification.UNCERTAIN_BELOW,
        HELD_OUT_TARGET, PERSONA_TARGET, rounds);
  }

  /**
   * [decided persona][method's persona], each person judged by a model fitted without them: first
   * from the method's session types, then from the readers' decided types (the persona step alone),
   * then that first table split between the people it judged decisively and those it called
   * borderline.
   * {@code wholeFitter} is the fitter of the whole calibration half; {@code scores} holds every
   * session's rule scores by id. {@code byRound} receives the first two tables again, per round
   * the people were judged from.
   */
  private int[][][] leaveOnePersonOut(RealCorpus corpus, int k, ModelFitter wholeFitter,
      Map<String, double[]> scores, Map<Integer, int[][][]> byRound) {
    int[][] confusion = new int[k][k];
    int[][] fromReaders = new int[k][k];
    int[][] decisive = new int[k][k];
    int[][] borderline = new int[k][k];
    // The sharpness is fitted on the calibration half without the person; a person with no
    // calibration session (one held out as a whole) leaves it whole: {@code wholeFitter}'s.
    int wholeCalibration = corpus.half(RealCorpus.Half.CALIBRATION).size();
    // What no fit changes, worked out once for every person's fit: scores, transformed features.
    Map<String, double[]> rows = new HashMap<>();
    for (RealCorpus.Session s : corpus.sessions()) {
      rows.put(s.id(), Scaler.transform(s.features()));
    }
    for (RealCorpus.Person person : corpus.persons()) {
      List<RealCorpus.Session> calibration = new ArrayList<>();
      List<SessionInput> others = new ArrayList<>();
      List<RealCorpus.Session> own = new ArrayList<>();
      for (RealCorpus.Session s : corpus.sessions()) {
        if (s.person().equals(person.id())) {
          // The readers judged each persona from one round's sessions of that person alone.
          if (s.round() == person.round()) {
            own.add(s);
          }
          continue;
        }
        others.add(input(s));
        if (s.half() == RealCorpus.Half.CALIBRATION) {
          calibration.add(s);
        }
      }
      ModelFitter fitter;
      if (calibration.size() == wholeCalibration) {
        fitter = wholeFitter;
      } else {
        fitter = new ModelFitter(thresholds, calibration);
      }
      Model model = fitter.fitUnshown(others, o -> scores.get(o.sessionId()), o -> rows.get(o.sessionId()));
      Classifier classifier = new Classifier(model);
      List<ClassifiedSession> classified = new ArrayList<>();
      List<ClassifiedSession> decided = new ArrayList<>();
      for (RealCorpus.Session s : own) {
        classified.add(new ClassifiedSession(s.features(), classifier.classify(s.features())));
        double[] certain = new double[SessionType.values().length];
        certain[s.type().ordinal()] = 1;
        decided.add(new ClassifiedSession(s.features(), Classification.of(s.id(), certain)));
      }
      PersonaClassifier personas = new PersonaClassifier(model);
      PersonaResult judged = personas.classify(person.id(), classified);
      confusion[person.persona().ordinal()][judged.persona().ordinal()]++;
      (judged.decisive() ? decisive : borderline)[person.persona().ordinal()][judged.persona().ordinal()]++;
      Persona fromTheirTypes = personas.classify(person.id(), decided).persona();
      fromReaders[person.persona().ordinal()][fromTheirTypes.ordinal()]++;
      int[][][] round = byRound.computeIfAbsent(person.round(), r -> new int[2][k][k]);
      round[0][person.persona().ordinal()][judged.persona().ordinal()]++;
      round[1][person.persona().ordinal()][fromTheirTypes.ordinal()]++;
    }
    return new int[][][] {confusion, fromReaders, decisive, borderline};
  }

  private static SessionInput input(RealCorpus.Session s) {
    return new SessionInput(s.id(), s.person(), (Instant) null, s.features());
  }

  /** Cohen's kappa of a square agreement table. */
  static double kappa(int[][] table) {
    double n = 0;
    double observed = 0;
    double[] rows = new double[table.length];
    double[] columns = new double[table.length];
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table.length; j++) {
        n += table[i][j];
        rows[i] += table[i][j];
        columns[j] += table[i][j];
        observed += i == j ? table[i][j] : 0;
      }
    }
    if (n == 0) {
      return 0;
    }
    double expected = 0;
    for (int i = 0; i < table.length; i++) {
      expected += rows[i] * columns[i] / (n * n);
    }
    return expected >= 1 ? 1 : Numbers.fixed((observed / n - expected) / (1 - expected));
  }
}
