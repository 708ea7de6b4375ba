package dev.personas.site.figures;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-made figures for page tests: every number distinct enough that a test can find it on a
 * page, plus the edge cases a real dataset can produce (a persona nobody has, a type nobody
 * followed with another session, a dataset without ground truth).
 */
public final class FixtureFigures {
  private FixtureFigures() {}

  /** Sessions per type, in SessionType order; they add up to 500. */
  public static final int[] TYPE_SESSIONS = {120, 85, 40, 55, 95, 30, 75};
  /** People per persona, in Persona order; the Prompt Minimalist has nobody. They add up to 48. */
  public static final int[] PERSONA_PERSONS = {9, 5, 8, 12, 6, 0, 8};

  public static SiteFigures sample() {
    return figures(true, true);
  }

  /** A real dataset without known truth: recovery and confusion are not available. */
  public static SiteFigures withoutGroundTruth() {
    return figures(false, false);
  }

  static SiteFigures figures(boolean sample, boolean groundTruth) {
    Dataset dataset = new Dataset(sample ? "bundled synthetic sample" : "swe-chat-v1", sample, 500, 60, 33, 7, 48, 3, groundTruth,
        List.of("40 sessions of dayhaysoos/nimbus (machine-generated prompts)"), List.of());
    TypeMix population = mix(i -> TYPE_SESSIONS[i] / 500.0);
    List<TypeFigures> types = new ArrayList<>();
    for (SessionType type : SessionType.values()) {
      int i = type.ordinal();
      List<DistinctiveFeature> distinctive = List.of(
          new DistinctiveFeature(Feature.values()[i], 12.5 + i, 4.0 + i, 2.25 - i * 0.5),
          new DistinctiveFeature(Feature.values()[i + 10], 0.35 + i / 100.0, 0.2, 1.4),
          new DistinctiveFeature(Feature.ACTIVE_MINUTES, 42.0 + i * 3, 18.5, -0.75 - i / 10.0));
      List<Quartiles> quartiles = List.of(
          new Quartiles(Feature.PROMPTS, 1 + i, 3 + i, 8 + i),
          new Quartiles(Feature.ACTIVE_MINUTES, 4.5, 11.25 + i, 37.0));
      Endings endings = new Endings(0.1 + i * 0.05, 0.62 - i * 0.03, 0.04 + i * 0.06);
      Map<SessionType, Double> next = new EnumMap<>(SessionType.class);
      if (type != SessionType.MARATHON) {
        next.put(SessionType.ONE_SHOT, 0.5);
        next.put(SessionType.CONSULT, 0.3);
        next.put(SessionType.SPIRAL, 0.2);
      }
      types.add(new TypeFigures(type, TYPE_SESSIONS[i], TYPE_SESSIONS[i] / 500.0, distinctive, quartiles,
          Optional.of(endings), next, Optional.of(timeline(i))));
    }
    List<PersonaFigures> personas = new ArrayList<>();
    for (Persona persona : Persona.values()) {
      int n = PERSONA_PERSONS[persona.ordinal()];
      int p = persona.ordinal();
      personas.add(new PersonaFigures(persona, n, n / 48.0,
          n == 0 ? Optional.empty() : Optional.of(mix(i -> weight(p, i))),
          n == 0 ? Optional.empty() : Optional.of((n - 1.0) / n)));
    }
    List<FeatureRow> rows = new ArrayList<>();
    for (Feature f : Feature.values()) {
      rows.add(new FeatureRow(f, f.ordinal() + 0.5, f.ordinal(), f.ordinal() + 2.25));
    }
    Map<SessionType, Double> silhouette = new EnumMap<>(SessionType.class);
    for (SessionType type : SessionType.values()) {
      silhouette.put(type, 0.61 - type.ordinal() * 0.07);
    }
    Validation validation = new Validation(
        groundTruth ? Optional.of(0.934) : Optional.empty(),
        groundTruth ? Optional.of(0.875) : Optional.empty(),
        groundTruth ? Optional.of(confusion(SessionType.values().length, 60, "type")) : Optional.empty(),
        groundTruth ? Optional.of(confusion(Persona.values().length, 7, "persona")) : Optional.empty(),
        Optional.of(new Bootstrap(50, 0.87, 0.74)), silhouette, 0.8125, real());
    return new SiteFigures(dataset, types, personas, population, rows, validation, annotations(), shape(),
        new ModelInfo("1.0.0-test", "sha256:5f2c9e01", Feature.values().length, Optional.empty()));
  }

  /**
   * Annotations in round fixture numbers: every type and persona row has 10 coded sessions
   * (2 human-only, 3 collaborative, 5 vibe coding), success 70 on average with 8 of 10 at 50 or
   * more; user personas and intents likewise.
   */
  public static AnnotationFigures annotations() {
    List<String> typeRows = new ArrayList<>();
    for (SessionType t : SessionType.values()) {
      typeRows.add(t.displayName());
    }
    typeRows.add("All sessions");
    List<String> personaRows = new ArrayList<>();
    for (Persona p : Persona.values()) {
      personaRows.add(p.displayName());
    }
    personaRows.add("All sessions");
    List<String> modes = List.of("Human-only", "Collaborative", "Vibe coding");
    List<String> users = List.of("Expert Nitpicker", "Vague Requester", "Mind Changer", "Other");
    List<String> intents = List.of("create new code", "debug", "refactor", "understand", "connect",
        "test", "git", "other");
    return new AnnotationFigures(
        crosstab(typeRows, modes, List.of(2, 3, 5)), crosstab(personaRows, modes, List.of(2, 3, 5)),
        success(typeRows), success(personaRows),
        crosstab(personaRows, users, List.of(4, 3, 2, 1)), crosstab(typeRows, users, List.of(4, 3, 2, 1)),
        crosstab(typeRows, intents, List.of(6, 4, 2, 10, 1, 3, 2, 2)));
  }

  /** 500 sessions, 6,000 prompts and 50,000 tool calls: 2,500 in each of the 20 categories. */
  public static DatasetShape shape() {
    java.util.Map<dev.personas.features.ToolCategory, Long> calls = new java.util.EnumMap<>(dev.personas.features.ToolCategory.class);
    for (dev.personas.features.ToolCategory c : dev.personas.features.ToolCategory.values()) {
      calls.put(c, 2_500L);
    }
    return new DatasetShape(500, 6_000, calls);
  }

  /** The sample's figures from a dataset that carries none of the authors' annotations. */
  public static SiteFigures withoutAnnotations() {
    SiteFigures f = sample();
    AnnotationFigures a = annotations();
    AnnotationFigures none = new AnnotationFigures(zero(a.codingModeByType()), zero(a.codingModeByPersona()),
        a.successByType().stream().map(s -> new Success(s.label(), 0, 0, 0)).toList(),
        a.successByPersona().stream().map(s -> new Success(s.label(), 0, 0, 0)).toList(),
        zero(a.userPersonaByPersona()), zero(a.userPersonaByType()), zero(a.intentsByType()));
    return new SiteFigures(f.dataset(), f.types(), f.personas(), f.populationTypeMix(), f.features(),
        f.validation(), none, f.shape(), f.model());
  }

  private static Crosstab zero(Crosstab t) {
    return new Crosstab(t.rows(), t.columns(),
        t.counts().stream().map(r -> r.stream().map(c -> 0).toList()).toList());
  }

  private static Crosstab crosstab(List<String> rows, List<String> columns, List<Integer> row) {
    List<List<Integer>> counts = new ArrayList<>();
    for (int i = 0; i < rows.size() - 1; i++) {
      counts.add(row);
    }
    counts.add(row.stream().map(c -> c * (rows.size() - 1)).toList());
    return new Crosstab(rows, columns, counts);
  }

  private static List<Success> success(List<String> rows) {
    return rows.stream().map(r -> new Success(r, r.equals("All sessions") ? 10 * (rows.size() - 1) : 10, 70, 0.8)).toList();
  }

  /** Agreement on a real corpus of 200 sessions and 20 people, in round fixture numbers. */
  public static RealAgreement real() {
    return new RealAgreement(200, 20, 0, measured(200, 180, 7, "type"), 0.88, measured(20, 17, 7, "persona"), 0.82,
        measured(100, 70, 7, "type"), measured(100, 66, 7, "type"), measured(50, 26, 7, "type"),
        measured(20, 11, 7, "persona"), measured(10, 5, 7, "persona"),
        measured(20, 15, 7, "persona"), measured(60, 51, 7, "type"), measured(40, 19, 7, "type"),
        measured(30, 20, 7, "type"), measured(20, 6, 7, "type"), measured(12, 9, 7, "persona"),
        measured(8, 2, 7, "persona"), 0.8, 0.8, 0.7, List.of(
            new RealAgreement.Round(1, false, measured(200, 136, 7, "type"), measured(10, 6, 7, "persona"),
                measured(10, 7, 7, "persona")),
            new RealAgreement.Round(2, true, measured(25, 12, 7, "type"), measured(5, 2, 7, "persona"),
                measured(5, 4, 7, "persona")),
            new RealAgreement.Round(3, true, measured(25, 14, 7, "type"), measured(5, 3, 7, "persona"),
                measured(5, 4, 7, "persona"))));
  }

  private static RealAgreement.Measured measured(int items, int hits, int k, String label) {
    List<List<Integer>> counts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      labels.add(label + "-" + i);
      List<Integer> row = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        row.add(i == j ? (i == 0 ? hits - (k - 1) * (hits / k) : hits / k) : j == (i + 1) % k ? (items - hits) / k : 0);
      }
      counts.add(row);
    }
    double p = (double) hits / items;
    return new RealAgreement.Measured(items, hits, p, Math.max(0, p - 0.09), Math.min(1, p + 0.08),
        new ConfusionMatrix(labels, counts));
  }

  public static PersonalFigures personal() {
    List<PersonalFigures.SessionRow> sessions = new ArrayList<>();
    SessionType[] order = {SessionType.SCAFFOLD, SessionType.BLUEPRINT, SessionType.SCAFFOLD, SessionType.ONE_SHOT,
        SessionType.SCAFFOLD, SessionType.SPIRAL};
    for (int i = 0; i < order.length; i++) {
      sessions.add(new PersonalFigures.SessionRow(LocalDate.of(2026, 10, 1).plusDays(i * 4L), order[i], 0.7 + i * 0.03,
          12.5 + i * 7, 3 + i, List.of("plan mode", i + 1 + " subagents")));
    }
    return new PersonalFigures(Persona.SHOWRUNNER, 0.78, false, false, Optional.of(Persona.SPEC_FIRST_ARCHITECT),
        List.of(new PersonalFigures.Reason(Feature.PLAN_MODE, 2.5, 0.0, PersonalFigures.Direction.HIGHER),
            new PersonalFigures.Reason(Feature.SUBAGENT_CALLS, 3.0, 0.25, PersonalFigures.Direction.HIGHER),
            new PersonalFigures.Reason(Feature.CORRECTIONS, 0.5, 2.0, PersonalFigures.Direction.LOWER)),
        new TypeMix(Map.of(SessionType.ONE_SHOT, 1 / 6.0, SessionType.CONSULT, 0.0, SessionType.BLUEPRINT, 1 / 6.0,
            SessionType.SCAFFOLD, 0.5, SessionType.WORKSHOP, 0.0, SessionType.MARATHON, 0.0, SessionType.SPIRAL, 1 / 6.0)),
        mix(i -> TYPE_SESSIONS[i] / 500.0), sessions, Optional.of(depth()));
  }

  /** The deeper figures of the fixture person: a decisive Showrunner whose shadow is the Spec-First Architect. */
  public static PersonalDepth depth() {
    List<double[]> population = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      population.add(new double[] {Math.round(Math.cos(i) * 800) / 1000.0, Math.round(Math.sin(i * 1.7) * 800) / 1000.0});
    }
    population.sort(java.util.Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
    List<PersonalDepth.Measure> measures = List.of(
        new PersonalDepth.Measure("corrections_per_prompt", 0.3, 0.4, 0.44, 0.38, 0.5, 0.12, -1.17),
        new PersonalDepth.Measure("test_runs_per_session", 1.2, 1.35, 1.47, 1.25, 1.89, 0.64, -0.42),
        new PersonalDepth.Measure("delegation", 0.83, 0.4, 0.13, 0.06, 0.36, 0.3, 2.33),
        new PersonalDepth.Measure("spec_first", 0.5, 0.27, 0.2, 0.09, 0.29, 0.2, 1.5),
        new PersonalDepth.Measure("pasted_output_per_prompt", 0.0, 0.03, 0.04, 0.01, 0.11, 0.1, -0.4),
        new PersonalDepth.Measure("pointers_per_prompt", 0.6, 0.58, 0.6, 0.56, 0.65, 0.09, 0.0),
        new PersonalDepth.Measure("question_share", 0.3, 0.05, 0.08, 0.0, 0.17, 0.17, 1.29),
        new PersonalDepth.Measure("prompt_chars", 140, 127.5, 92.5, 58.6, 130, 71.4, 0.67),
        new PersonalDepth.Measure("prompts_per_session", 3, 2.0, 3, 2, 3.5, 1.5, 0.0));
    return new PersonalDepth(
        new PersonalDepth.MapPlot(new double[] {0.12, -0.74}, List.of(0.01, 0.12, 0.01, 0.78, 0.02, 0.01, 0.05), population),
        new PersonalDepth.Fit("decisive", "showrunner", 0.78, "spec-first-architect", 0.12),
        new PersonalDepth.Shadow("spec-first-architect", 0.12, 0.78,
            new PersonalDepth.Axis("type", "scaffold", 0.5, 0.35, 0.058, 0.144, 5.4)),
        measures,
        List.of(new PersonalDepth.Trait("delegation", "strength", true), new PersonalDepth.Trait("spec_first", "strength", true),
            new PersonalDepth.Trait("question_share", "contrast", true)),
        new PersonalDepth.OutcomeRow(new PersonalDepth.Ending(6, 0.17, 0.5, 0.17), new PersonalDepth.Ending(1700, 0.13, 0.8, 0.06),
            new PersonalDepth.Ending(5800, 0.1, 0.66, 0.1)),
        List.of(new PersonalDepth.Move("pair-programmer", "test_runs_per_session", 1.8),
            new PersonalDepth.Move("runtime-mechanic", "pasted_output_per_prompt", 1.4)),
        List.of(new PersonalDepth.Month("2026-10", 6, new int[] {1, 0, 1, 3, 0, 0, 1})));
  }

  // A persona leans on its types: weight 6 on each of them, 1 elsewhere, normalised.
  private static double weight(int persona, int type) {
    List<SessionType> leans = Persona.values()[persona].leansOn();
    double total = 0;
    for (SessionType t : SessionType.values()) {
      total += leans.contains(t) ? 6 : 1;
    }
    return (leans.contains(SessionType.values()[type]) ? 6 : 1) / total;
  }

  private static TypeMix mix(java.util.function.IntToDoubleFunction share) {
    Map<SessionType, Double> shares = new EnumMap<>(SessionType.class);
    for (SessionType type : SessionType.values()) {
      shares.put(type, share.applyAsDouble(type.ordinal()));
    }
    return new TypeMix(shares);
  }

  private static Timeline timeline(int seed) {
    TimelineKind[] script = {TimelineKind.PROMPT, TimelineKind.READ, TimelineKind.READ, TimelineKind.EDIT,
        TimelineKind.SHELL, TimelineKind.TEST_FAILED, TimelineKind.ERROR, TimelineKind.PROMPT, TimelineKind.EDIT,
        TimelineKind.TEST, TimelineKind.SUBAGENT, TimelineKind.INTERRUPT, TimelineKind.COMMAND, TimelineKind.COMPACTION};
    List<TimelineEvent> events = new ArrayList<>();
    int n = 8 + seed;
    for (int j = 0; j < n; j++) {
      events.add(new TimelineEvent(j * (1.25 + seed * 0.5), script[(j + seed) % script.length]));
    }
    return new Timeline((n - 1) * (1.25 + seed * 0.5) + 0.5, events);
  }

  private static ConfusionMatrix confusion(int size, int diagonal, String prefix) {
    List<String> labels = new ArrayList<>();
    List<List<Integer>> counts = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      labels.add(prefix.equals("type") ? SessionType.values()[r].displayName() : Persona.values()[r].displayName());
      List<Integer> row = new ArrayList<>();
      for (int c = 0; c < size; c++) {
        row.add(r == c ? diagonal + r : (r + c) % 3);
      }
      counts.add(row);
    }
    return new ConfusionMatrix(labels, counts);
  }
}
