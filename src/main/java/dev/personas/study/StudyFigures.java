package dev.personas.study;

import dev.personas.PersonasException;
import dev.personas.classify.Agreement;
import dev.personas.classify.CorpusAgreement;
import dev.personas.classify.Persona;
import dev.personas.classify.PersonaModel;
import dev.personas.classify.PersonaResult;
import dev.personas.classify.PopulationStats.GroupProfile;
import dev.personas.classify.PopulationStats;
import dev.personas.classify.Recovery;
import dev.personas.classify.SessionInput;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.session.Annotations;
import dev.personas.session.Annotations.CodingMode;
import dev.personas.site.figures.AnnotationFigures;
import dev.personas.site.figures.Crosstab;
import dev.personas.site.figures.Success;
import dev.personas.site.figures.Bootstrap;
import dev.personas.site.figures.ConfusionMatrix;
import dev.personas.site.figures.Dataset;
import dev.personas.site.figures.DistinctiveFeature;
import dev.personas.site.figures.Endings;
import dev.personas.site.figures.FeatureRow;
import dev.personas.site.figures.ModelInfo;
import dev.personas.site.figures.PersonaFigures;
import dev.personas.site.figures.Quartiles;
import dev.personas.site.figures.RealAgreement;
import dev.personas.site.figures.SiteFigures;
import dev.personas.site.figures.Timeline;
import dev.personas.site.figures.TimelineEvent;
import dev.personas.site.figures.TimelineKind;
import dev.personas.site.figures.TypeFigures;
import dev.personas.site.figures.TypeMix;
import dev.personas.site.figures.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a finished study into the figures the site shows. Every number on a page passes through
 * here from the study: nothing is computed by templates and nothing is typed by hand.
 */
public final class StudyFigures {
  /** Persons with fewer sessions get a provisional persona and are left out of persona shares. */
  public static final int MIN_SESSIONS_PER_PERSON = PersonaModel.MIN_SESSIONS;

  /** Features whose quartiles every type page shows, besides its distinctive ones. */
  private static final List<Feature> CORE = List.of(
      Feature.PROMPTS, Feature.ACTIVE_MINUTES, Feature.EDIT_ITERATIONS, Feature.CORRECTIONS);
  private static final int DISTINCTIVE_SHOWN = 6;

  public SiteFigures figures(Study study) {
    PopulationStats stats = study.stats();
    if (study.dataset().sessions() == 0 || stats.establishedPersons() == 0) {
      // The site's pages are shares of sessions and of people with a persona: with none, there is no site to show.
      DatasetSummary d = study.dataset();
      throw PersonasException.failure("The dataset " + d.label() + " gives " + d.sessions()
          + (d.sessions() == 1 ? " session" : " sessions") + " and no person with " + MIN_SESSIONS_PER_PERSON
          + " or more, so the site's persona shares would be of nobody. For one person's own logs run `personas me "
          + "PATH`, which writes a personal page; `build --no-data` builds the site without figures.");
    }
    return new SiteFigures(
        dataset(study),
        types(study),
        personas(study),
        mix(stats.typeShares()),
        featureRows(stats),
        validation(study.validation()),
        annotations(study),
        study.shape(),
        new ModelInfo(Integer.toString(study.model().modelVersion()),
            study.model().datasetFingerprint(), Feature.values().length,
            study.fitted() ? Optional.empty()
                : Optional.of(FitLine.tooFew(study.dataset().sessions(), study.dataset().persons()))));
  }

  /** The authors' intents in the order the SWE-chat paper lists them. */
  static final List<String> INTENTS = List.of("create new code", "debug", "refactor", "understand",
      "connect", "test", "git", "other");
  /** The authors' user personas in the order the SWE-chat loader lists them. */
  static final List<String> USER_PERSONAS = List.of("Expert Nitpicker", "Vague Requester",
      "Mind Changer", "Other");

  /** The dataset authors' annotations by our session types and personas. */
  static AnnotationFigures annotations(Study study) {
    Map<String, SessionType> typeOf = new java.util.HashMap<>();
    Map<String, Persona> personaOf = new java.util.HashMap<>();
    for (SessionInput s : study.sessions()) {
      typeOf.put(s.sessionId(), study.labels().sessions().get(s.sessionId()).type());
      PersonaResult person = study.labels().persons().get(s.userId());
      if (person != null && !person.provisional()) {
        personaOf.put(s.sessionId(), person.persona());
      }
    }
    List<String> typeRows = new ArrayList<>();
    Arrays.stream(SessionType.values()).forEach(t -> typeRows.add(t.displayName()));
    typeRows.add(Crosstab.ALL);
    List<String> personaRows = new ArrayList<>();
    Arrays.stream(Persona.values()).forEach(p -> personaRows.add(p.displayName()));
    personaRows.add(Crosstab.ALL);
    List<String> modes = Arrays.stream(CodingMode.values()).map(CodingMode::displayName).toList();
    Set<String> personaColumns = new LinkedHashSet<>(USER_PERSONAS);
    Set<String> intentColumns = new LinkedHashSet<>(INTENTS);
    // Sorted, so the order of sessions never reaches the pages (new values go after the known).
    Map<String, Annotations> annotated = new java.util.TreeMap<>(study.annotations());
    annotated.values().forEach(a -> {
      if (a.hasUserPersona()) {
        personaColumns.add(a.userPersona());
      }
    });
    new java.util.TreeSet<>(annotated.values().stream()
        .flatMap(a -> a.promptIntents().keySet().stream()).toList()).forEach(intentColumns::add);
    List<String> userPersonas = List.copyOf(personaColumns);
    List<String> intents = List.copyOf(intentColumns);

    int[][] modeByType = new int[typeRows.size()][modes.size()];
    int[][] modeByPersona = new int[personaRows.size()][modes.size()];
    int[][] userByPersona = new int[personaRows.size()][userPersonas.size()];
    int[][] userByType = new int[typeRows.size()][userPersonas.size()];
    int[][] intentByType = new int[typeRows.size()][intents.size()];
    List<List<Double>> successType = new ArrayList<>();
    List<List<Double>> successPersona = new ArrayList<>();
    typeRows.forEach(r -> successType.add(new ArrayList<>()));
    personaRows.forEach(r -> successPersona.add(new ArrayList<>()));
    int allType = typeRows.size() - 1;
    int allPersona = personaRows.size() - 1;
    for (Map.Entry<String, Annotations> e : annotated.entrySet()) {
      SessionType type = typeOf.get(e.getKey());
      if (type == null) {
        continue;
      }
      Persona persona = personaOf.get(e.getKey());
      int[] typeIdx = {type.ordinal(), allType};
      int[] personaIdx = persona == null ? new int[] {allPersona} : new int[] {persona.ordinal(), allPersona};
      Annotations a = e.getValue();
      if (a.hasAgentPercentage()) {
        int mode = a.codingMode().ordinal();
        for (int r : typeIdx) {
          modeByType[r][mode]++;
        }
        for (int r : personaIdx) {
          modeByPersona[r][mode]++;
        }
      }
      if (a.hasUserPersona()) {
        int col = userPersonas.indexOf(a.userPersona());
        for (int r : typeIdx) {
          userByType[r][col]++;
        }
        for (int r : personaIdx) {
          userByPersona[r][col]++;
        }
      }
      if (a.hasSessionSuccess()) {
        for (int r : typeIdx) {
          successType.get(r).add(a.sessionSuccess());
        }
        for (int r : personaIdx) {
          successPersona.get(r).add(a.sessionSuccess());
        }
      }
      a.promptIntents().forEach((intent, n) -> {
        for (int r : typeIdx) {
          intentByType[r][intents.indexOf(intent)] += n;
        }
      });
    }
    return new AnnotationFigures(crosstab(typeRows, modes, modeByType),
        crosstab(personaRows, modes, modeByPersona), success(typeRows, successType),
        success(personaRows, successPersona), crosstab(personaRows, userPersonas, userByPersona),
        crosstab(typeRows, userPersonas, userByType), crosstab(typeRows, intents, intentByType));
  }

  private static Crosstab crosstab(List<String> rows, List<String> columns, int[][] counts) {
    return new Crosstab(rows, columns,
        Arrays.stream(counts).map(r -> Arrays.stream(r).boxed().toList()).toList());
  }

  private static List<Success> success(List<String> rows, List<List<Double>> scores) {
    List<Success> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Double> s = scores.get(i);
      double mean = s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double half = s.isEmpty() ? 0 : s.stream().filter(v -> v >= 50).count() / (double) s.size();
      out.add(new Success(rows.get(i), s.size(), mean, half));
    }
    return out;
  }

  private static Dataset dataset(Study study) {
    DatasetSummary d = study.dataset();
    return new Dataset(d.label(), d.sample(), d.sessions(), d.persons(), d.repos(),
        (int) Math.min(Integer.MAX_VALUE, d.report().skipCount()),
        study.stats().establishedPersons(), MIN_SESSIONS_PER_PERSON, d.groundTruth(),
        d.report().exclusionLines(),
        d.report().notes());
  }

  private static List<TypeFigures> types(Study study) {
    PopulationStats stats = study.stats();
    List<TypeFigures> types = new ArrayList<>();
    for (SessionType type : SessionType.values()) {
      GroupProfile profile = stats.types().get(type.slug());
      List<SessionInput> members = study.sessions().stream()
          .filter(s -> study.labels().sessions().get(s.sessionId()).type() == type).toList();
      types.add(new TypeFigures(type, members.size(), stats.typeShares().get(type.slug()),
          distinctive(profile, stats), quartiles(profile, stats), endings(members),
          nextTypes(stats, type), representative(study.representatives().get(type.slug()))));
    }
    return types;
  }

  private static List<DistinctiveFeature> distinctive(GroupProfile profile, PopulationStats stats) {
    return profile.distinctive().stream().limit(DISTINCTIVE_SHOWN)
        .map(d -> new DistinctiveFeature(feature(d.feature()),
            profile.features().get(d.feature()).median(),
            stats.population().get(d.feature()).median(), d.meanZ()))
        .toList();
  }

  private static List<Quartiles> quartiles(GroupProfile profile, PopulationStats stats) {
    if (profile.features().isEmpty()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    CORE.forEach(f -> keys.add(f.key()));
    profile.distinctive().stream().limit(DISTINCTIVE_SHOWN).forEach(d -> keys.add(d.feature()));
    return keys.stream()
        .map(key -> {
          PopulationStats.Quartiles q = profile.features().get(key);
          return new Quartiles(feature(key), q.q1(), q.median(), q.q3());
        })
        .toList();
  }

  /** How the type's sessions end, as far as logs show: commits, passing tests, errors. */
  private static Optional<Endings> endings(List<SessionInput> members) {
    if (members.isEmpty()) {
      return Optional.empty();
    }
    double n = members.size();
    long commits = members.stream().filter(s -> s.features().get(Feature.AGENT_COMMITS) > 0).count();
    long passing = members.stream().filter(s -> s.features().get(Feature.TESTS_PASS_AT_END) > 0).count();
    long failed = members.stream().filter(s -> s.features().get(Feature.ENDED_AFTER_ERROR) > 0).count();
    return Optional.of(new Endings(commits / n, passing / n, failed / n));
  }

  private static Map<SessionType, Double> nextTypes(PopulationStats stats, SessionType from) {
    PopulationStats.Transitions t = stats.transitions();
    int row = t.labels().indexOf(from.slug());
    Map<SessionType, Double> next = new EnumMap<>(SessionType.class);
    if (row < 0 || Arrays.stream(t.counts()[row]).sum() == 0) {
      return next;
    }
    for (int col = 0; col < t.labels().size(); col++) {
      next.put(SessionType.fromSlug(t.labels().get(col)), t.shares()[row][col]);
    }
    return next;
  }

  private static Optional<Timeline> representative(dev.personas.features.Timeline timeline) {
    if (timeline == null || timeline.marks().isEmpty()) {
      return Optional.empty();
    }
    List<TimelineEvent> events = timeline.marks().stream()
        .map(m -> new TimelineEvent(m.minute(), TimelineKind.valueOf(m.kind().name())))
        .toList();
    double end = events.stream().mapToDouble(TimelineEvent::minute).max().orElse(0);
    return Optional.of(new Timeline(end, events));
  }

  private static List<PersonaFigures> personas(Study study) {
    PopulationStats stats = study.stats();
    List<PersonaFigures> personas = new ArrayList<>();
    for (Persona persona : Persona.values()) {
      List<PersonaResult> members = study.labels().persons().values().stream()
          .filter(r -> !r.provisional() && r.persona() == persona).toList();
      Optional<TypeMix> meanMix = Optional.empty();
      Optional<Double> meanConfidence = Optional.empty();
      if (!members.isEmpty()) {
        Map<String, Double> mean = new java.util.TreeMap<>();
        for (SessionType t : SessionType.values()) {
          mean.put(t.slug(), members.stream()
              .mapToDouble(r -> r.profile().typeShares()[t.ordinal()]).average().orElse(0));
        }
        meanMix = Optional.of(mix(mean));
        // How sure the model is about the people it gave this persona: the mean posterior.
        meanConfidence = Optional.of(members.stream().mapToDouble(PersonaResult::confidence).average()
            .orElse(0));
      }
      personas.add(new PersonaFigures(persona, members.size(),
          stats.personaShares().get(persona.slug()), meanMix, meanConfidence));
    }
    return personas;
  }

  private static TypeMix mix(Map<String, Double> bySlug) {
    Map<SessionType, Double> shares = new EnumMap<>(SessionType.class);
    bySlug.forEach((slug, share) -> shares.put(SessionType.fromSlug(slug), share));
    return new TypeMix(shares);
  }

  private static List<FeatureRow> featureRows(PopulationStats stats) {
    return Arrays.stream(Feature.values())
        .map(f -> {
          PopulationStats.Quartiles q = stats.population().get(f.key());
          return new FeatureRow(f, q.median(), q.q1(), q.q3());
        })
        .toList();
  }

  private static Validation validation(dev.personas.classify.Validation v) {
    // Absent when the model was not fitted on these sessions: nothing was resampled. The personas'
    // index: the session types' is 1 by construction (rules on each session's own counts).
    Optional<Bootstrap> bootstrap = Optional.ofNullable(v.stability())
        .map(s -> new Bootstrap(s.resamples(), s.personasMeanAri(), s.personasMinAri()));
    Map<SessionType, Double> silhouette = new EnumMap<>(SessionType.class);
    v.silhouette().forEach((slug, value) -> {
      // A type with fewer than two sampled sessions has no silhouette (null): none is shown.
      if (value != null) {
        silhouette.put(SessionType.fromSlug(slug), value);
      }
    });
    return new Validation(accuracy(v.typeRecovery()), accuracy(v.personaRecovery()),
        confusion(v.typeRecovery()), confusion(v.personaRecovery()),
        bootstrap, silhouette, v.decisivePersonShare(), real(v.real()));
  }

  private static RealAgreement real(CorpusAgreement r) {
    return new RealAgreement(r.sessions(), r.people(), r.setAside(), measured(r.readerSessions()), r.readerKappa(),
        measured(r.readerPeople()), r.readerPeopleKappa(), measured(r.calibration()),
        measured(r.heldOut()), measured(r.newPeople()), measured(r.personas()), measured(r.newPeoplePersonas()),
        measured(r.personasFromReadersTypes()), measured(r.calibrationCertain()),
        measured(r.calibrationUncertain()), measured(r.newPeopleCertain()), measured(r.newPeopleUncertain()),
        measured(r.personasDecisive()), measured(r.personasBorderline()), r.uncertainBelow(),
        r.heldOutTarget(), r.personaTarget(), r.rounds().stream()
            .map(round -> new RealAgreement.Round(round.round(), round.heldOutAsWhole(), measured(round.sessions()),
                measured(round.personas()), measured(round.personasFromReadersTypes())))
            .toList());
  }

  private static RealAgreement.Measured measured(Agreement a) {
    List<List<Integer>> counts = Arrays.stream(a.confusion())
        .map(row -> Arrays.stream(row).boxed().toList())
        .toList();
    return new RealAgreement.Measured(a.items(), a.hits(), a.accuracy(), a.low(), a.high(),
        new ConfusionMatrix(a.labels(), counts));
  }

  private static Optional<Double> accuracy(Recovery r) {
    return r.available() ? Optional.of(r.accuracy()) : Optional.empty();
  }

  private static Optional<ConfusionMatrix> confusion(Recovery r) {
    if (!r.available()) {
      return Optional.empty();
    }
    List<List<Integer>> counts = Arrays.stream(r.confusion())
        .map(row -> Arrays.stream(row).boxed().toList())
        .toList();
    return Optional.of(new ConfusionMatrix(r.labels(), counts));
  }

  private static Feature feature(String key) {
    for (Feature f : Feature.values()) {
      if (f.key().equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown feature key " + key);
  }
}
