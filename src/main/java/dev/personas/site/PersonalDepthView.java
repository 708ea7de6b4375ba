package dev.personas.site;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.site.figures.PersonalDepth;
import dev.personas.site.figures.PersonalFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What me.peb prints of a person's {@link PersonalDepth}: the computed numbers, formatted, next
 * to the authored words chosen for them. The only choice made here is which authored reflection
 * questions fit the person's rates best ({@link #questions}); every other choice was made by
 * the numbers.
 *
 * @param mapSvg the persona map (trusted: built here from numbers and persona names)
 * @param mapRows the person's score per persona, for the table beside the map
 * @param fitWord "decisive", "typical" or "borderline"
 * @param fitLine the fit in one sentence
 * @param shadowName the shadow persona's name
 * @param shadowPath its page
 * @param shadowLine the shadow and its score in one sentence
 * @param axisName the separating axis's name
 * @param axisLine what the axis is and where the person stands on it
 * @param traits the three traits
 * @param outcomes the outcomes chart
 * @param moves the two moves to borrow
 * @param questions the three reflection questions
 * @param trend the month-by-month chart, or null without enough history
 * @param cardTraits the card's three short trait lines
 */
public record PersonalDepthView(Object mapSvg, List<List<String>> mapRows, String fitWord, String fitLine,
    String shadowName, String shadowPath, String shadowLine, String axisName, String axisLine, List<TraitView> traits,
    Chart outcomes, List<MoveView> moves, List<String> questions, Chart trend, List<String> cardTraits) {

  /**
   * One trait: its name in the words of the way you lie ("Light on test runs", not "Test runs",
   * so a strength below most people does not read as a lack), strength or contrast, the
   * plain-words line, and its bars.
   */
  public record TraitView(String name, String role, String line, Chart chart) {}

  /** One move: the persona it is borrowed from, the rate it is about, the authored move. */
  public record MoveView(String name, String path, String rate, String move) {}

  static PersonalDepthView of(PersonalFigures figures, PersonalDepth depth, PersonalAuthored words) {
    Persona persona = figures.persona();
    Persona shadow = Persona.fromSlug(depth.shadow().persona());
    String mapSummary = "Persona map: the six personas with a pattern on the corners of a hexagon, the Multi-Mode "
        + "Journeyman at its centre; each of the population's " + depth.map().population().size()
        + " persons is a faint dot, you are the marked point, pulled towards each persona by its score.";
    List<TraitView> traits = new ArrayList<>();
    for (PersonalDepth.Trait t : depth.traits()) {
      PersonalDepth.Measure m = depth.measures().stream().filter(x -> x.rate().equals(t.rate())).findFirst().orElseThrow();
      traits.add(trait(t, m, persona, words));
    }
    List<MoveView> moves = depth.moves().stream().map(m -> {
      Persona from = Persona.fromSlug(m.from());
      return new MoveView(from.displayName(), "/personas/" + from.slug() + "/", words.rate(m.rate(), "name"),
          words.move(from, m.rate()));
    }).toList();
    // A contrast is marked as the page heads it, lest it read as contradicting the tagline.
    List<String> cardTraits = depth.traits().stream()
        .map(t -> (t.role().equals("contrast") ? "Contrast: " : "") + traitName(t, words)).toList();
    return new PersonalDepthView(Templates.trusted(PersonaMapSvg.svg(depth.map(), persona, shadow, mapSummary)),
        PersonaMapSvg.rows(depth.map().scores()), depth.fit().word(), fitLine(depth.fit(), persona), shadow.displayName(),
        "/personas/" + shadow.slug() + "/", shadowLine(depth.shadow(), persona, shadow), axisName(depth.shadow().axis(), words),
        axisLine(depth.shadow().axis(), persona, shadow, words), traits, outcomes(depth.outcomes(), persona),
        moves, questions(words.questions(persona), depth.measures()), trend(depth.trend()), cardTraits);
  }

  private static String fitLine(PersonalDepth.Fit fit, Persona persona) {
    String best = Persona.fromSlug(fit.best()).displayName();
    String second = Persona.fromSlug(fit.second()).displayName();
    String scores = " (" + best + " " + Format.percent(fit.bestScore()) + ", " + second + " "
        + Format.percent(fit.secondScore()) + ")";
    return switch (fit.word()) {
      case "decisive" -> "Decisive: " + persona.displayName()
          + " explains your sessions far better than any other persona" + scores + ".";
      case "borderline" -> "Borderline: the two closest personas score almost alike" + scores
          + (persona == Persona.MULTI_MODE_JOURNEYMAN ? ", so no single pattern is in charge." : "; more sessions will settle it.");
      default -> persona == Persona.MULTI_MODE_JOURNEYMAN && !fit.best().equals(persona.slug())
          ? "Typical of a Journeyman: " + best + " fits best, but not by the model's margin for a decisive call" + scores
              + ", so no single pattern is in charge."
          : "Typical: " + best + " fits best, but not by the model's margin for a decisive call" + scores + ".";
    };
  }

  private static String shadowLine(PersonalDepth.Shadow shadow, Persona persona, Persona shadowPersona) {
    return "Your shadow is " + shadowPersona.displayName() + ", the persona that scores next after "
        + persona.displayName() + ": " + Format.percent(shadow.score()) + " against " + Format.percent(shadow.personaScore())
        + ".";
  }

  private static String axisName(PersonalDepth.Axis axis, PersonalAuthored words) {
    return axis.kind().equals("type") ? SessionType.fromSlug(axis.key()).displayName() + " sessions"
        : words.rate(axis.key(), "name");
  }

  private static String axisLine(PersonalDepth.Axis axis, Persona persona, Persona shadow, PersonalAuthored words) {
    Persona toward = axis.pull() >= 0 ? persona : shadow;
    String pull = String.format(Locale.ROOT, " Of everything the model weighs, this pulls hardest between the two, "
        + "towards %s (%.1f in log-odds).", toward.displayName(), Math.abs(axis.pull()));
    if (axis.kind().equals("type")) {
      String type = SessionType.fromSlug(axis.key()).displayName();
      return "The model pictures " + persona.displayName() + " with " + Format.percent(axis.persona()) + " of sessions "
          + type + " and " + shadow.displayName() + " with " + Format.percent(axis.shadow()) + "; " + Format.percent(axis.yours())
          + " of yours are " + type + " (" + Format.percent(axis.everyone()) + " of everyone's)." + pull;
    }
    boolean share = words.isShare(axis.key());
    return persona.displayName() + " " + stance(axis.persona()) + "; " + shadow.displayName() + " " + stance(axis.shadow())
        + ". Yours is " + value(axis.yours(), share) + " against a median of " + value(axis.everyone(), share) + "."
        + pull;
  }

  private static String stance(double sign) {
    return sign > 0 ? "lies above most people on it" : sign < 0 ? "lies below most people on it" : "takes no stance on it";
  }

  private static String value(double v, boolean share) {
    return share ? Format.percent(v) : Format.number(v);
  }

  private static String traitName(PersonalDepth.Trait t, PersonalAuthored words) {
    return words.rate(t.rate(), t.above() ? "card_higher" : "card_lower");
  }

  private static TraitView trait(PersonalDepth.Trait t, PersonalDepth.Measure m, Persona persona, PersonalAuthored words) {
    String name = words.rate(t.rate(), "name");
    boolean share = words.isShare(t.rate());
    List<Chart.Series> series = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    series.add(new Chart.Series("You", FigureViews.THIS, List.of(plotted(m.yours(), share)), List.of()));
    texts.add(List.of(value(m.yours(), share)));
    if (m.persona() != null) {
      series.add(new Chart.Series("Most " + persona.displayName().replaceFirst("^The ", "") + "s", 3,
          List.of(plotted(m.persona(), share)), List.of()));
      texts.add(List.of(value(m.persona(), share)));
    }
    series.add(new Chart.Series("Everyone (median)", FigureViews.POPULATION, List.of(plotted(m.everyone(), share)), List.of()));
    texts.add(List.of(value(m.everyone(), share)));
    Chart chart = Chart.bars("chart-trait-" + t.rate().replace('_', '-'), name + " (" + words.rate(t.rate(), "unit") + ")",
        "Bar chart: your " + name.toLowerCase(Locale.ROOT) + " next to your persona's median and everyone's.",
        share ? "percent" : "number", "Rate", List.of(name), series, texts, null);
    String line;
    if (t.role().equals("strength")) {
      line = words.rate(t.rate(), t.above() ? "higher" : "lower");
    } else {
      String others = m.persona() != null ? "most " + persona.displayName().replaceFirst("^The ", "") + "s" : "most people";
      line = "Unlike " + others + ", you lie " + (t.above() ? "above" : "below") + " them on "
          + name.toLowerCase(Locale.ROOT) + ": " + value(m.yours(), share) + " against "
          + value(m.persona() != null ? m.persona() : m.everyone(), share) + ".";
    }
    return new TraitView(traitName(t, words), t.role(), line, chart);
  }

  private static double plotted(double v, boolean share) {
    return share ? Format.percentValue(v) : Format.numberValue(v);
  }

  private static Chart outcomes(PersonalDepth.OutcomeRow row, Persona persona) {
    List<String> labels = List.of("Ended with a commit or pull request by the agent", "Last test run passed",
        "Ended after an error");
    List<Chart.Series> series = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    add(series, texts, "Your sessions", FigureViews.THIS, row.you());
    if (row.persona() != null) {
      add(series, texts, "Sessions of " + persona.displayName().replaceFirst("^The ", "") + "s", 3, row.persona());
    }
    add(series, texts, "Everyone's sessions", FigureViews.POPULATION, row.everyone());
    return Chart.bars("chart-outcomes", "How sessions end, as the logs show it",
        "Grouped bar chart: the share of sessions ending with an agent commit, with passing tests and after an error, "
            + "for you, your persona and everyone.", "percent", "Ending", labels, series, texts, null);
  }

  private static void add(List<Chart.Series> series, List<List<String>> texts, String name, int colour, PersonalDepth.Ending e) {
    List<Double> shares = List.of(e.agentCommit(), e.testsPassing(), e.afterError());
    series.add(new Chart.Series(name, colour, shares.stream().map(Format::percentValue).toList(), List.of()));
    texts.add(shares.stream().map(Format::percent).toList());
  }

  /**
   * The three authored questions that fit best: a question about a rate scores the person's z
   * on it (negated when asked for those lying lower), an untagged one scores 0; highest first,
   * ties in authored order.
   */
  static List<String> questions(List<PersonalAuthored.Question> pool, List<PersonalDepth.Measure> measures) {
    record Scored(int order, double score, String ask) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      PersonalAuthored.Question q = pool.get(i);
      double z = measures.stream().filter(m -> m.rate().equals(q.about())).mapToDouble(PersonalDepth.Measure::z).findFirst()
          .orElse(0);
      scored.add(new Scored(i, q.about().isEmpty() ? 0 : q.higher() ? z : -z, q.ask()));
    }
    return scored.stream().sorted(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::order))
        .limit(3).map(Scored::ask).toList();
  }

  private static Chart trend(List<PersonalDepth.Month> months) {
    if (months.isEmpty()) {
      return null;
    }
    List<String> labels = months.stream().map(PersonalDepth.Month::month).toList();
    List<Chart.Series> series = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    for (SessionType t : SessionType.values()) {
      if (months.stream().noneMatch(m -> m.types()[t.ordinal()] > 0)) {
        continue;
      }
      series.add(new Chart.Series(t.displayName(), t.ordinal() % 6 + 1, months.stream()
          .map(m -> m.sessions() == 0 ? 0.0 : Format.percentValue((double) m.types()[t.ordinal()] / m.sessions())).toList(),
          List.of()));
      texts.add(months.stream().map(m -> m.types()[t.ordinal()] + (m.sessions() == 0 ? ""
          : " (" + Format.percent((double) m.types()[t.ordinal()] / m.sessions()) + ")")).toList());
    }
    return Chart.bars("chart-trend", "Your mix of session types, month by month",
        "Grouped bar chart: for each month of your logs, the share of that month's sessions in each session type.",
        "percent", "Month", labels, series, texts, null);
  }
}
