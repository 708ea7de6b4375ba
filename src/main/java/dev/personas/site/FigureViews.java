package dev.personas.site;

import dev.personas.classify.CorpusValidator;
import dev.personas.classify.Persona;
import dev.personas.classify.RealCorpus;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.features.ToolCategory;
import dev.personas.load.swechat.PublishedTotals;
import dev.personas.site.figures.AnnotationFigures;
import dev.personas.site.figures.ConfusionMatrix;
import dev.personas.site.figures.Crosstab;
import dev.personas.site.figures.Dataset;
import dev.personas.site.figures.DatasetShape;
import dev.personas.site.figures.DistinctiveFeature;
import dev.personas.site.figures.PersonaFigures;
import dev.personas.site.figures.Quartiles;
import dev.personas.site.figures.RealAgreement;
import dev.personas.site.figures.SiteFigures;
import dev.personas.site.figures.Success;
import dev.personas.site.figures.Timeline;
import dev.personas.site.figures.TimelineEvent;
import dev.personas.site.figures.TimelineKind;
import dev.personas.site.figures.TypeFigures;
import dev.personas.site.figures.TypeMix;
import dev.personas.site.figures.Validation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link SiteFigures} into what templates print: formatted text and {@link Chart}s. The
 * site never computes a statistic; it only rounds and formats the figures it is given.
 */
public final class FigureViews {
  private FigureViews() {}

  // Chart palette slots (CSS --chart-1 … --chart-6): one colour per role, the same on every page.
  static final int THIS = 1;
  static final int POPULATION = 2;
  static final int TARGET = 3;

  /** The dataset line every figure page opens with. */
  public record DatasetView(String label, boolean sample, String sessions, String persons, String repos,
      String classifiedPersons, String minSessions, String skippedLines, boolean groundTruth,
      List<String> leftOut) {}

  /** Home: the two headline charts. */
  public record HomeView(DatasetView dataset, Chart types, Chart personas) {}

  /** One line of a numeric table: a feature with its unit and formatted values. */
  public record FeatureLine(String key, String definition, String unit, List<String> values) {}

  /** A session-type page's figures. */
  public record TypeView(DatasetView dataset, String sessions, String share, boolean empty, Chart timeline,
      String timelineMinutes, Chart distinctive, List<FeatureLine> distinctiveRows, List<FeatureLine> quartiles,
      Chart endings, Chart transitions, AnnotatedView annotated) {}

  /** A persona page's figures. */
  public record PersonaView(DatasetView dataset, String persons, String share, String meanConfidence, boolean empty,
      Chart mix, AnnotatedView annotated) {}

  /**
   * The SWE-chat authors' annotations of one group of sessions (a type or a persona) beside all
   * sessions: a chart per annotation the dataset carries (null when it carries none) and, for
   * each one it lacks, a sentence saying what a release with it would show.
   */
  public record AnnotatedView(Chart codingMode, Chart success, Chart userPersonas, Chart intents,
      String sessions, List<String> absent) {}

  /** The data page: the annotations by every type and persona, and what the read left out. */
  public record DataView(DatasetView dataset, Chart codingModeByType, Chart codingModeByPersona,
      Chart successByType, Chart successByPersona, Chart userPersonaByPersona, Chart userPersonaByType,
      List<String> intentHeaders, List<List<String>> intentRows, List<String> absent,
      List<String> leftOut, List<String> notes, List<List<String>> shapeRows, Chart categories) {}

  /** One cell of a confusion heat map: its count, its shade (0–5) and whether it is on the diagonal. */
  public record Cell(String count, int level, boolean diagonal) {}

  /** A confusion matrix as a heat-map table. */
  public record HeatMap(String id, String title, List<String> labels, List<List<Cell>> rows, List<String> totals) {}

  /** One agreement figure on real sessions: share, 95 % interval, counts. */
  public record Measure(String share, String low, String high, String hits, String items, boolean met) {}

  /** The method against blind readers on the real corpus. */
  public record RealView(String sessions, String people, String setAside, Measure readers, String readerKappa,
      Measure readerPeople, String readerPeopleKappa, Measure calibration, Measure heldOut,
      Measure newPeople, Measure personas, Measure newPeoplePersonas, Measure personasFromReadersTypes,
      Measure calibrationCertain,
      Measure calibrationUncertain, Measure newPeopleCertain, Measure newPeopleUncertain, Measure personasDecisive,
      Measure personasBorderline, String uncertainBelow,
      String heldOutTarget, String personaTarget, Chart chart, HeatMap heldOutConfusion, HeatMap personaConfusion,
      List<RoundView> rounds) {}

  /** One round of people held out as a whole: its sessions and its people, as the method read them. */
  public record RoundView(String round, Measure sessions, Measure personas, Measure personasFromReadersTypes) {}

  /** The bootstrap's figures. */
  public record StabilityView(String resamples, String meanAri, String minAri, String ariTarget, boolean ariMet) {}

  /**
   * The method page's validation figures. {@code stability} is null and {@code notFitted} says why
   * when the sessions were too few for a model of their own.
   */
  public record MethodView(DatasetView dataset, RealView real, String typeRecovery, String personaRecovery, Chart recovery,
      HeatMap typeConfusion, HeatMap personaConfusion, StabilityView stability, Chart silhouette,
      String decisivePersonShare, String modelVersion, String modelFingerprint, String featureCount,
      String notFitted) {}

  static DatasetView dataset(Dataset d) {
    return new DatasetView(d.label(), d.sample(), Format.count(d.sessions()), Format.count(d.persons()),
        Format.count(d.repos()), Format.count(d.classifiedPersons()), Format.count(d.minSessionsPerPerson()),
        Format.count(d.skippedLines()), d.groundTruth(), d.leftOut());
  }

  static HomeView home(SiteFigures f) {
    List<Double> typeShares = f.types().stream().map(TypeFigures::share).toList();
    List<Double> personaShares = f.personas().stream().map(PersonaFigures::share).toList();
    Chart types = shareBars("chart-type-shares", "Share of sessions per session type",
        "Horizontal bar chart: the share of the " + Format.count(f.dataset().sessions())
            + (f.dataset().sessions() == 1 ? " session in" : " sessions in") + " each session type.",
        "Session type", typeNames(), List.of(new Named("Share of sessions", THIS, typeShares)));
    Chart personas = shareBars("chart-persona-shares", "Share of people per persona",
        "Horizontal bar chart: the share of the " + Format.count(f.dataset().classifiedPersons())
            + (f.dataset().classifiedPersons() == 1 ? " person given a persona who has" : " people given a persona who have")
            + " each persona.",
        "Persona", personaNames(), List.of(new Named("Share of people", THIS, personaShares)));
    return new HomeView(dataset(f.dataset()), types, personas);
  }

  static TypeView type(SiteFigures f, SessionType type) {
    TypeFigures t = f.of(type);
    Chart timeline = t.representative().map(r -> timeline(type, r)).orElse(null);
    String minutes = t.representative().map(r -> Format.minutes(r.activeMinutes())).orElse("");
    Chart distinctive = null;
    List<FeatureLine> rows = new ArrayList<>();
    if (!t.distinctive().isEmpty()) {
      List<String> keys = t.distinctive().stream().map(d -> d.feature().key()).toList();
      List<Double> z = t.distinctive().stream().map(d -> Format.signedValue(d.zDistance())).toList();
      List<String> zText = t.distinctive().stream().map(d -> Format.signed(d.zDistance())).toList();
      distinctive = Chart.bars("chart-distinctive", "Defining features against the population",
          "Horizontal bar chart: how far " + type.displayName()
              + " sessions sit from all sessions on each defining feature: their mean z-score, in standard deviations.",
          "signed", "Feature", keys, List.of(new Chart.Series("Distance from the population (SD)", THIS, z, List.of())),
          List.of(zText), null);
      for (DistinctiveFeature d : t.distinctive()) {
        rows.add(new FeatureLine(d.feature().key(), d.feature().definition(), d.feature().unit(),
            List.of(Format.number(d.typeMedian()), Format.number(d.populationMedian()), Format.signed(d.zDistance()))));
      }
    }
    List<FeatureLine> quartiles = new ArrayList<>();
    for (Quartiles q : t.quartiles()) {
      quartiles.add(new FeatureLine(q.feature().key(), q.feature().definition(), q.feature().unit(),
          List.of(Format.number(q.q1()), Format.number(q.median()), Format.number(q.q3()))));
    }
    Chart endings = t.endings().map(e -> shareBars("chart-endings", "How " + type.displayName() + " sessions end",
        "Horizontal bar chart: the share of " + type.displayName() + " sessions that end in each of three ways; a session can end in more than one.",
        "Ending", List.of("Agent committed or opened a pull request", "Last test run passed", "Ended after an unfixed error"),
        List.of(new Named("Share of sessions", THIS, List.of(e.agentCommit(), e.testsPassing(), e.afterError())))))
        .orElse(null);
    Chart transitions = null;
    if (!t.nextType().isEmpty()) {
      List<Double> next = new ArrayList<>();
      for (SessionType other : SessionType.values()) {
        next.add(t.nextType().getOrDefault(other, 0.0));
      }
      transitions = shareBars("chart-transitions", "What the same person did next",
          "Horizontal bar chart: after a " + type.displayName() + " session, the share of next sessions of the same person in each session type.",
          "Next session", typeNames(), List.of(new Named("Share of next sessions", THIS, next)));
    }
    return new TypeView(dataset(f.dataset()), Format.count(t.sessions()), Format.percent(t.share()), t.sessions() == 0,
        timeline, minutes, distinctive, rows, quartiles, endings, transitions,
        annotated(f.annotations(), type.displayName(), AnnotationSubject.TYPE));
  }

  /** Whose sessions an annotated view compares with all sessions. */
  enum AnnotationSubject { TYPE, PERSONA }

  // Palette slots per category: coding modes and the authors' user personas keep their colour
  // on every page.
  private static final int[] MODE_COLOURS = {4, 2, 3};
  private static final int[] USER_PERSONA_COLOURS = {1, 5, 3, 2, 6, 4};

  /** What the dataset's authors annotated for one type's or persona's sessions, beside all sessions. */
  static AnnotatedView annotated(AnnotationFigures a, String group, AnnotationSubject subject) {
    boolean type = subject == AnnotationSubject.TYPE;
    Crosstab modes = type ? a.codingModeByType() : a.codingModeByPersona();
    Crosstab users = type ? a.userPersonaByType() : a.userPersonaByPersona();
    List<Success> success = type ? a.successByType() : a.successByPersona();
    int row = modes.row(group);
    String whose = type ? group + " sessions" : "sessions of " + group + " people";
    Chart codingMode = modes.isEmpty() ? null : beside("chart-coding-mode",
        "Coding mode, as SWE-chat's authors measured it",
        "Grouped horizontal bar chart: the share of " + whose + " in each coding mode of the SWE-chat paper, next to all sessions.",
        "Coding mode", modes, row, group);
    Chart userPersonas = users.isEmpty() ? null : beside("chart-user-personas",
        "SWE-chat's user personas",
        "Grouped horizontal bar chart: the share of " + whose + " the SWE-chat authors gave each of their user personas, next to all sessions.",
        "SWE-chat user persona", users, users.row(group), group);
    Chart intents = null;
    if (type && !a.intentsByType().isEmpty()) {
      intents = beside("chart-intents", "What the prompts asked for",
          "Grouped horizontal bar chart: the share of the prompts of " + whose + " with each intent the SWE-chat authors tagged, next to all sessions' prompts.",
          "Prompt intent", a.intentsByType(), a.intentsByType().row(group), group);
    }
    Chart successChart = null;
    Success mine = success.stream().filter(s -> s.label().equals(group)).findFirst().orElseThrow();
    Success all = success.get(success.size() - 1);
    if (a.hasSuccess()) {
      successChart = Chart.bars("chart-success", "Session success, as SWE-chat's authors scored it",
          "Grouped horizontal bar chart: the mean success score (0 to 100) of " + whose
              + " and the share scoring 50 or more, next to all sessions.",
          "percent", "Measure", List.of("Mean success score (of 100)", "Scoring 50 or more"),
          List.of(new Chart.Series(group, THIS, List.of(Format.percentValue(mine.mean() / 100), Format.percentValue(mine.atLeastHalf())), List.of()),
              new Chart.Series(Crosstab.ALL, POPULATION, List.of(Format.percentValue(all.mean() / 100), Format.percentValue(all.atLeastHalf())), List.of())),
          List.of(List.of(Format.number(mine.mean()), Format.percent(mine.atLeastHalf())),
              List.of(Format.number(all.mean()), Format.percent(all.atLeastHalf()))), null);
    }
    int annotated = Math.max(modes.total(row), Math.max(users.total(users.row(group)), mine.sessions()));
    return new AnnotatedView(codingMode, successChart, userPersonas, intents, Format.count(annotated),
        absent(a, type));
  }

  /** For each annotation the dataset lacks, what a SWE-chat release carrying it would show here. */
  private static List<String> absent(AnnotationFigures a, boolean withIntents) {
    List<String> absent = new ArrayList<>();
    if (a.codingModeByType().isEmpty()) {
      absent.add("Coding mode: this dataset has no agent_percentage column. In a SWE-chat release it gives the share of each session's committed code the agent wrote, and this section would show how many of these sessions were human-only (0 %), collaborative or vibe coding (99 % or more).");
    }
    if (!a.hasSuccess()) {
      absent.add("Session success: this dataset has no session_success column. In a SWE-chat release it is the authors' success score (0 to 100), and this section would show the mean score and the share scoring 50 or more.");
    }
    if (a.userPersonaByType().isEmpty()) {
      absent.add("SWE-chat's user personas: this dataset has no user_persona column. In a SWE-chat release the authors tag each session's user as an Expert Nitpicker, a Vague Requester, a Mind Changer or Other, and this section would set those tags beside ours.");
    }
    if (withIntents && a.intentsByType().isEmpty()) {
      absent.add("Prompt intents: this dataset's conversations carry no prompt_intent. In a SWE-chat release each prompt is tagged (create new code, debug, refactor, understand, connect, test, git, other), and this section would show what these sessions' prompts asked for.");
    }
    return absent;
  }


  /** One row of a crosstab (as shares of the row) next to the all-sessions row. */
  private static Chart beside(String id, String title, String summary, String labelHeader, Crosstab t,
      int row, String group) {
    int all = t.rows().size() - 1;
    return countedShares(id, title, summary, labelHeader, t.columns(),
        List.of(new Counted(group, THIS, t.counts().get(row), t.total(row)),
            new Counted(Crosstab.ALL, POPULATION, t.counts().get(all), t.total(all))));
  }

  /** Every row of a crosstab as a bar group, one series per column, each as a share of its row. */
  private static Chart byRow(String id, String title, String summary, String labelHeader, Crosstab t, int[] colours) {
    List<Chart.Series> series = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    for (int c = 0; c < t.columns().size(); c++) {
      List<Double> values = new ArrayList<>();
      List<String> text = new ArrayList<>();
      for (int r = 0; r < t.rows().size(); r++) {
        double share = t.shares(r).get(c);
        values.add(Format.percentValue(share));
        text.add(Format.percent(share) + " (" + Format.count(t.counts().get(r).get(c)) + ")");
      }
      series.add(new Chart.Series(t.columns().get(c), colours[c % colours.length], values, List.of()));
      texts.add(text);
    }
    return Chart.bars(id, title, summary, "percent", labelHeader, t.rows(), series, texts, null);
  }

  private record Counted(String name, int colour, List<Integer> counts, int total) {}

  private static Chart countedShares(String id, String title, String summary, String labelHeader,
      List<String> labels, List<Counted> series) {
    List<Chart.Series> plotted = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    for (Counted s : series) {
      List<Double> values = new ArrayList<>();
      List<String> text = new ArrayList<>();
      for (int count : s.counts()) {
        double share = s.total() == 0 ? 0 : (double) count / s.total();
        values.add(Format.percentValue(share));
        text.add(Format.percent(share) + " (" + Format.count(count) + ")");
      }
      plotted.add(new Chart.Series(s.name(), s.colour(), values, List.of()));
      texts.add(text);
    }
    return Chart.bars(id, title, summary, "percent", labelHeader, labels, plotted, texts, null);
  }

  /** The data page's figures. */
  static DataView data(SiteFigures f) {
    AnnotationFigures a = f.annotations();
    Chart modeType = a.codingModeByType().isEmpty() ? null : byRow("chart-coding-mode-types",
        "Coding mode by session type",
        "Grouped horizontal bar chart: for each session type and for all sessions, the share of sessions in each coding mode of the SWE-chat paper.",
        "Session type", a.codingModeByType(), MODE_COLOURS);
    Chart modePersona = a.codingModeByPersona().isEmpty() ? null : byRow("chart-coding-mode-personas",
        "Coding mode by persona",
        "Grouped horizontal bar chart: for the sessions of each persona's people and for all sessions, the share in each coding mode of the SWE-chat paper.",
        "Persona", a.codingModeByPersona(), MODE_COLOURS);
    Chart successType = a.hasSuccess() ? successBars("chart-success-types", "Session success by session type", "Session type", a.successByType()) : null;
    Chart successPersona = a.hasSuccess() ? successBars("chart-success-personas", "Session success by persona", "Persona", a.successByPersona()) : null;
    Chart usersPersona = a.userPersonaByPersona().isEmpty() ? null : byRow("chart-user-personas-personas",
        "SWE-chat's user personas by our persona",
        "Grouped horizontal bar chart: for the sessions of each of our personas, the share the SWE-chat authors tagged with each of their user personas.",
        "Persona", a.userPersonaByPersona(), USER_PERSONA_COLOURS);
    Chart usersType = a.userPersonaByType().isEmpty() ? null : byRow("chart-user-personas-types",
        "SWE-chat's user personas by session type",
        "Grouped horizontal bar chart: for each session type, the share of sessions the SWE-chat authors tagged with each of their user personas.",
        "Session type", a.userPersonaByType(), USER_PERSONA_COLOURS);
    List<String> intentHeaders = new ArrayList<>();
    List<List<String>> intentRows = new ArrayList<>();
    Crosstab intents = a.intentsByType();
    if (!intents.isEmpty()) {
      intentHeaders.add("Session type");
      intentHeaders.addAll(intents.columns());
      intentHeaders.add("Prompts");
      for (int r = 0; r < intents.rows().size(); r++) {
        List<String> line = new ArrayList<>();
        line.add(intents.rows().get(r));
        intents.shares(r).forEach(share -> line.add(Format.percent(share)));
        line.add(Format.count(intents.total(r)));
        intentRows.add(line);
      }
    }
    return new DataView(dataset(f.dataset()), modeType, modePersona, successType, successPersona, usersPersona,
        usersType, intentHeaders, intentRows, absent(a, true), f.dataset().leftOut(), f.dataset().notes(),
        shapeRows(f.shape()), categories(f.shape()));
  }

  /** Sessions, prompts and tool calls per session here and in the published release. */
  private static List<List<String>> shapeRows(DatasetShape d) {
    double sessions = Math.max(1, d.sessions());
    double prompts = Math.max(1, d.prompts());
    return List.of(
        List.of("Sessions", Format.count(d.sessions()), Format.count(PublishedTotals.SESSIONS)),
        List.of("Typed prompts per session", Format.number(d.prompts() / sessions), Format.number(PublishedTotals.promptsPerSession())),
        List.of("Tool calls per session", Format.number(d.totalToolCalls() / sessions), Format.number(PublishedTotals.toolCallsPerSession())),
        List.of("Tool calls per prompt", Format.number(d.totalToolCalls() / prompts), Format.number(PublishedTotals.toolCallsPerPrompt())));
  }

  /** Each tool-call category's share here and in the published release. */
  private static Chart categories(DatasetShape d) {
    List<String> labels = new ArrayList<>();
    List<Double> here = new ArrayList<>();
    List<Double> published = new ArrayList<>();
    for (ToolCategory c : ToolCategory.values()) {
      labels.add(c.label());
      here.add(d.share(c));
      published.add(c.publishedShare() / 100);
    }
    return shareBars("chart-tool-categories", "What the tool calls do, here and in the published release",
        "Grouped horizontal bar chart: the share of this dataset's tool calls in each category SWE-chat's authors publish, next to the published share of the v2 release.",
        "Tool-call category", labels, List.of(new Named("This dataset", THIS, here), new Named("SWE-chat v2 (published)", POPULATION, published)));
  }

  private static Chart successBars(String id, String title, String labelHeader, List<Success> rows) {
    List<String> labels = rows.stream().map(Success::label).toList();
    return Chart.bars(id, title,
        "Grouped horizontal bar chart: for each group, the mean success score the SWE-chat authors gave its sessions (0 to 100) and the share scoring 50 or more.",
        "percent", labelHeader, labels,
        List.of(new Chart.Series("Mean success score (of 100)", THIS, rows.stream().map(s -> Format.percentValue(s.mean() / 100)).toList(), List.of()),
            new Chart.Series("Scoring 50 or more", POPULATION, rows.stream().map(s -> Format.percentValue(s.atLeastHalf())).toList(), List.of())),
        List.of(rows.stream().map(s -> Format.number(s.mean())).toList(),
            rows.stream().map(s -> Format.percent(s.atLeastHalf()) + " of " + Format.count(s.sessions())).toList()), null);
  }

  static PersonaView persona(SiteFigures f, Persona persona) {
    PersonaFigures p = f.of(persona);
    Chart mix = p.meanTypeMix().map(m -> shareBars("chart-type-mix", "Session-type mix against the population",
        "Grouped horizontal bar chart: for each session type, its mean share among the sessions of "
            + persona.displayName() + " people, next to its share among all sessions.",
        "Session type", typeNames(),
        List.of(new Named(persona.displayName(), THIS, mixValues(m)), new Named("All sessions", POPULATION, mixValues(f.populationTypeMix())))))
        .orElse(null);
    return new PersonaView(dataset(f.dataset()), Format.count(p.persons()), Format.percent(p.share()),
        p.meanConfidence().map(Format::percent).orElse(""), p.persons() == 0, mix,
        annotated(f.annotations(), persona.displayName(), AnnotationSubject.PERSONA));
  }

  static MethodView method(SiteFigures f) {
    Validation v = f.validation();
    Chart recovery = null;
    if (v.typeRecovery().isPresent() || v.personaRecovery().isPresent()) {
      List<String> labels = new ArrayList<>();
      List<Double> measured = new ArrayList<>();
      List<Double> targets = new ArrayList<>();
      v.typeRecovery().ifPresent(r -> {
        labels.add("Session types");
        measured.add(r);
        targets.add(Validation.TYPE_RECOVERY_TARGET);
      });
      v.personaRecovery().ifPresent(r -> {
        labels.add("Personas");
        measured.add(r);
        targets.add(Validation.PERSONA_RECOVERY_TARGET);
      });
      recovery = shareBars("chart-recovery", "Recovery of the known truth",
          "Horizontal bar chart: the share of sessions and people whose known type or persona the classifier recovered, next to the target.",
          "Recovered", labels, List.of(new Named("Recovered", THIS, measured), new Named("Target", TARGET, targets)));
    }
    Chart silhouette = null;
    if (!v.silhouette().isEmpty()) {
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      v.silhouette().forEach((type, s) -> {
        labels.add(type.displayName());
        values.add(Format.scoreValue(s));
        texts.add(Format.score(s));
      });
      silhouette = Chart.bars("chart-silhouette", "Silhouette per session type",
          "Horizontal bar chart: the mean silhouette of each session type's sessions, from −1 (closer to another type) to 1 (well separated).",
          "number", "Session type", labels, List.of(new Chart.Series("Mean silhouette", THIS, values, List.of())), List.of(texts), null);
    }
    return new MethodView(dataset(f.dataset()), real(v.real()),
        v.typeRecovery().map(Format::percent).orElse(""), v.personaRecovery().map(Format::percent).orElse(""), recovery,
        v.typeConfusion().map(m -> heatMap("confusion-types", "Session types: known against assigned", m)).orElse(null),
        v.personaConfusion().map(m -> heatMap("confusion-personas", "Personas: known against assigned", m)).orElse(null),
        v.bootstrap().map(b -> new StabilityView(Format.count(b.resamples()), Format.score(b.meanAri()),
            Format.score(b.minAri()), Format.score(Validation.MEAN_ARI_TARGET),
            b.meanAri() >= Validation.MEAN_ARI_TARGET)).orElse(null),
        silhouette, Format.percent(v.decisivePersonShare()), f.model().version(), f.model().fingerprint(),
        Format.count(f.model().featureCount()), f.model().notFitted().orElse(null));
  }

  static RealView real(RealAgreement r) {
    Chart chart = shareBars("chart-real-agreement", "Agreement with blind readers on real sessions",
        "Horizontal bar chart: how often the method gave the readers' label, on the calibration half, the held-out half,"
            + " the sessions of people held out as a whole and for people judged with their own sessions left out, next to"
            + " how often the two readers agreed with each other.",
        "Compared", List.of("Readers with each other (sessions)", "Method, calibration half", "Method, held-out half",
            "Method, people held out", "Readers with each other (people)", "Method, personas (person left out)"),
        List.of(new Named("Agreement", THIS, List.of(r.readers().accuracy(), r.calibration().accuracy(),
            r.heldOut().accuracy(), r.newPeople().accuracy(), r.readerPeople().accuracy(), r.personas().accuracy()))));
    return new RealView(Format.count(r.sessions()), Format.count(r.people()), Format.count(r.setAside()),
        measure(r.readers(), 0),
        Format.score(r.readerKappa()), measure(r.readerPeople(), 0), Format.score(r.readerPeopleKappa()),
        measure(r.calibration(), 0), measure(r.heldOut(), r.heldOutTarget()), measure(r.newPeople(), r.heldOutTarget()),
        measure(r.personas(), r.personaTarget()), measure(r.newPeoplePersonas(), r.personaTarget()),
        measure(r.personasFromReadersTypes(), r.personaTarget()), measure(r.calibrationCertain(), 0),
        measure(r.calibrationUncertain(), 0), measure(r.newPeopleCertain(), 0), measure(r.newPeopleUncertain(), 0),
        measure(r.personasDecisive(), 0), measure(r.personasBorderline(), 0),
        Format.percent(r.uncertainBelow()), Format.percent(r.heldOutTarget()), Format.percent(r.personaTarget()), chart,
        heatMap("confusion-real-types", "Held-out sessions: readers' type against the method's", r.heldOut().confusion()),
        heatMap("confusion-real-personas", "People: readers' persona against the method's", r.personas().confusion()),
        r.rounds().stream().filter(RealAgreement.Round::heldOutAsWhole)
            .map(round -> new RoundView(Format.count(round.round()), measure(round.sessions(), r.heldOutTarget()),
                measure(round.personas(), r.personaTarget()), measure(round.personasFromReadersTypes(), r.personaTarget())))
            .toList());
  }

  private static Measure measure(RealAgreement.Measured m, double target) {
    return new Measure(Format.percent(m.accuracy()), Format.percent(m.low()), Format.percent(m.high()),
        Format.count(m.hits()), Format.count(m.items()), m.accuracy() >= target);
  }

  /** The targets, for the method page's text (they are the project's, not data). */
  public record Targets(String realHeldOut, String realPersonas, String typeRecovery, String personaRecovery,
      String meanAri) {}

  static Targets targets() {
    return new Targets(Format.percent(CorpusValidator.HELD_OUT_TARGET), Format.percent(CorpusValidator.PERSONA_TARGET),
        Format.percent(Validation.TYPE_RECOVERY_TARGET), Format.percent(Validation.PERSONA_RECOVERY_TARGET),
        Format.score(Validation.MEAN_ARI_TARGET));
  }

  /** The feature catalogue, with the population's quartiles when a dataset was analysed. */
  static List<FeatureLine> featureTable(Optional<SiteFigures> figures) {
    double[] real = RealCorpus.shipped().featureMedians();
    List<FeatureLine> lines = new ArrayList<>();
    for (Feature feature : Feature.values()) {
      List<String> values = new ArrayList<>(figures.map(f -> {
        var row = f.features().get(feature.ordinal());
        return List.of(Format.number(row.q1()), Format.number(row.populationMedian()), Format.number(row.q3()));
      }).orElse(List.of()));
      // Beside the dataset's quartiles, the median of the real labelled sessions: how far a
      // generated sample's sessions are from real ones shows at a glance.
      values.add(Format.number(real[feature.ordinal()]));
      lines.add(new FeatureLine(feature.key(), feature.definition(), feature.unit(), values));
    }
    return lines;
  }

  static Chart timeline(SessionType type, Timeline timeline) {
    Map<TimelineKind, List<TimelineEvent>> byKind = new EnumMap<>(TimelineKind.class);
    timeline.events().forEach(e -> byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e));
    List<String> lanes = new ArrayList<>();
    List<Chart.Series> series = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    byKind.forEach((kind, events) -> {
      lanes.add(kind.label());
      series.add(new Chart.Series(kind.label(), kindColour(kind), List.of(),
          events.stream().map(e -> new Chart.Point(Format.minutesValue(e.minute()), kind.label())).toList()));
      texts.add(events.stream().map(e -> Format.minutes(e.minute())).toList());
    });
    return new Chart("chart-timeline", "timeline", "One representative " + type.displayName() + " session",
        "Strip chart: the events of one representative " + type.displayName() + " session over "
            + Format.minutes(timeline.activeMinutes()) + " active minutes, one lane per kind of event.",
        "minutes", "Minute", lanes, series, texts, null);
  }

  // Colours group kinds by who acts: the person, the agent reading, the agent changing things, trouble.
  private static int kindColour(TimelineKind kind) {
    return switch (kind) {
      case PROMPT, COMMAND, INTERRUPT -> 1;
      case READ -> 2;
      case EDIT -> 4;
      case SHELL, TEST -> 5;
      case TEST_FAILED, ERROR -> 6;
      case SUBAGENT, COMPACTION -> 3;
    };
  }

  private static HeatMap heatMap(String id, String title, ConfusionMatrix m) {
    int max = Math.max(1, m.max());
    List<List<Cell>> rows = new ArrayList<>();
    List<String> totals = new ArrayList<>();
    for (int r = 0; r < m.labels().size(); r++) {
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < m.labels().size(); c++) {
        int count = m.counts().get(r).get(c);
        int level = count == 0 ? 0 : Math.max(1, (int) Math.round(5.0 * count / max));
        cells.add(new Cell(Format.count(count), level, r == c));
      }
      rows.add(cells);
      totals.add(Format.count(m.rowTotal(r)));
    }
    return new HeatMap(id, title, m.labels(), rows, totals);
  }

  private record Named(String name, int colour, List<Double> shares) {}

  private static Chart shareBars(String id, String title, String summary, String labelHeader, List<String> labels, List<Named> series) {
    List<Chart.Series> plotted = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    for (Named s : series) {
      plotted.add(new Chart.Series(s.name(), s.colour(), s.shares().stream().map(Format::percentValue).toList(), List.of()));
      texts.add(s.shares().stream().map(Format::percent).toList());
    }
    return Chart.bars(id, title, summary, "percent", labelHeader, labels, plotted, texts, null);
  }

  private static List<Double> mixValues(TypeMix mix) {
    List<Double> values = new ArrayList<>();
    for (SessionType type : SessionType.values()) {
      values.add(mix.share(type));
    }
    return values;
  }

  static List<String> typeNames() {
    return java.util.Arrays.stream(SessionType.values()).map(SessionType::displayName).toList();
  }

  static List<String> personaNames() {
    return java.util.Arrays.stream(Persona.values()).map(Persona::displayName).toList();
  }
}
