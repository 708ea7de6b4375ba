package dev.personas.site;

import dev.personas.PersonasException;
import dev.personas.classify.BehaviourRate;
import dev.personas.classify.Classification;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.site.figures.PersonalDepth;
import dev.personas.site.figures.PersonalFigures;
import dev.personas.site.figures.TypeMix;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal results page (templates/me.peb) from one person's {@link PersonalFigures}. It is
 * not in {@link Renderers#standard()}: the command that reads a person's own logs adds it. The
 * persona's signature moves, blind spot, what to borrow and reflection questions come from its
 * authored page in content/personas/.
 */
public final class PersonalPageRenderer implements Renderer {
  static final String TEMPLATE = "me";

  private final PersonalFigures figures;
  private final String path;
  private final boolean standalone;
  private final String population;

  /**
   * @param figures the person's figures
   * @param path the page's site-relative URL path, such as "/me/"
   */
  public PersonalPageRenderer(PersonalFigures figures, String path) {
    this(figures, path, false, "");
  }

  /**
   * @param figures the person's figures
   * @param path the page's site-relative URL path, such as "/me/"
   * @param standalone true when the page is written alone (`personas me`): it then links to no
   *     other page of the site
   * @param population what the person is compared with, said on the page ("" to say nothing)
   */
  public PersonalPageRenderer(PersonalFigures figures, String path, boolean standalone, String population) {
    this.figures = figures;
    this.standalone = standalone;
    this.population = population;
    if (!path.startsWith("/") || !path.endsWith("/")) {
      throw new IllegalArgumentException("A page path starts and ends with '/': " + path);
    }
    this.path = path;
  }

  /**
   * One row of the reasons table: {@code name} is a behaviour rate's name as the rest of the
   * site gives it, "" for a session feature, which the site names by its key.
   */
  public record ReasonLine(String key, String name, String definition, String unit, String yours, String population, String direction,
      String trait) {}

  /** One row of the sessions table. */
  public record SessionLine(String date, String type, String typePath, String confidence, String activeMinutes,
      String prompts, List<String> signals, String context) {}

  /**
   * What me.peb prints. Sessions whose logs carry no timestamp show as "undated": they count
   * everywhere but in the dates and the chart over time ({@code overTime} is null when no
   * session is dated). {@code anyUncertain} says whether a session's type is marked uncertain,
   * under the probability {@code uncertainBelow}.
   */
  public record PersonalView(String personaName, String personaPath, String tagline, String confidence, boolean provisional,
      boolean fewSessions,
      String runnerUpName, String runnerUpPath, List<ReasonLine> reasons, Chart mix, Chart overTime, String sessionCount,
      String firstDate, String lastDate, List<SessionLine> sessions, boolean hasContext, boolean minutesEstimated,
      boolean anyUncertain, String uncertainBelow) {}

  /** The card's file name, beside the page. */
  public static final String CARD = "card.svg";

  @Override
  public List<Output> render(RenderContext context) {
    ContentPage page = personaPage(context);
    Map<String, Object> model = new HashMap<>();
    Optional<PersonalDepthView> depth = depth(context.content());
    model.put("me", view(page, new PersonalAuthored(context.content())));
    model.put("depth", depth.orElse(null));
    model.put("card", path + CARD);
    CardCache cards = CardCache.of(context.options());
    model.put("ogImage", cards.openGraphImage(path));
    model.put("ogImageType", cards.openGraphImageType());
    model.put("current", path);
    model.put("standalone", standalone);
    model.put("population", population);
    // The moves and questions the person's numbers chose; the persona's authored defaults without them.
    model.put("borrows", depth.<List<?>>map(PersonalDepthView::moves).orElse(PageFigures.borrows(page, context)));
    model.put("reflection", depth.map(PersonalDepthView::questions).orElse(
        new PersonalAuthored(context.content()).questions(figures.persona()).stream().limit(3)
            .map(PersonalAuthored.Question::ask).toList()));
    // Authored content of the persona's page, passed through as its own page would show it.
    model.put("signatureMoves", Templates.trusted(section(page, "signature-moves")));
    model.put("blindSpot", Templates.trusted(section(page, "blind-spot")));
    String html = context.templates().render(TEMPLATE, model, "the personal results page");
    List<Output> outputs = new ArrayList<>();
    outputs.add(Output.page(path.substring(1) + "index.html", html));
    depth.ifPresent(d -> {
      CardDrawing card = drawing(context.site().title(), figures.persona(), d, new PersonalAuthored(context.content()));
      outputs.add(Output.generated(path.substring(1) + CARD, card.svg()));
      cards.png(card).ifPresent(png -> outputs.add(Output.generated(path.substring(1) + PageFigures.CARD_PNG, png)));
    });
    return outputs;
  }

  private Optional<PersonalDepthView> depth(Content content) {
    return figures.depth().map(d -> PersonalDepthView.of(figures, d, new PersonalAuthored(content)));
  }

  /** The share card of a person's figures (which must have their depth), with words from {@code content}. */
  static CardDrawing card(String site, PersonalFigures figures, Content content) {
    PersonalAuthored words = new PersonalAuthored(content);
    PersonalDepth depth = figures.depth().orElseThrow(() -> new IllegalArgumentException("a card needs the depth figures"));
    return drawing(site, figures.persona(), PersonalDepthView.of(figures, depth, words), words);
  }

  private static CardDrawing drawing(String site, Persona persona, PersonalDepthView depth, PersonalAuthored words) {
    return PersonalCard.drawing(site, persona.displayName(), words.tagline(persona), depth.cardTraits());
  }

  PersonalView view(ContentPage page, PersonalAuthored words) {
    Persona persona = figures.persona();
    Map<?, ?> traits = page.frontMatter().get("traits") instanceof Map<?, ?> m ? m : Map.of();
    List<ReasonLine> reasons = new ArrayList<>();
    for (PersonalFigures.Reason r : figures.reasons()) {
      Object trait = traits.get(r.traitKey());
      boolean rate = Arrays.stream(BehaviourRate.values()).anyMatch(b -> b.key().equals(r.key()));
      reasons.add(new ReasonLine(r.key(), rate ? words.rate(r.key(), "name") : "", r.definition(), r.unit(), Format.number(r.yourValue()),
          Format.number(r.populationValue()), r.direction().label(), trait == null ? "" : String.valueOf(trait)));
    }
    Chart mix = Chart.bars("chart-your-mix", "Your session-type mix against the population",
        "Grouped horizontal bar chart: the share of your sessions in each session type, next to its share among all sessions.",
        "percent", "Session type", FigureViews.typeNames(),
        List.of(new Chart.Series("Your sessions", FigureViews.THIS, percents(figures.yourMix()), List.of()),
            new Chart.Series("All sessions", FigureViews.POPULATION, percents(figures.populationMix()), List.of())),
        List.of(texts(figures.yourMix()), texts(figures.populationMix())), null);
    List<PersonalFigures.SessionRow> dated = dated();
    List<SessionLine> sessions = new ArrayList<>();
    for (PersonalFigures.SessionRow s : figures.sessions()) {
      sessions.add(new SessionLine(day(s), s.type().displayName(), "/session-types/" + s.type().slug() + "/",
          confidence(s.confidence()), minutes(s), Format.count(s.prompts()), s.signals(),
          s.context()));
    }
    return new PersonalView(persona.displayName(), "/personas/" + persona.slug() + "/",
        String.valueOf(page.frontMatter().getOrDefault("tagline", persona.tagline())), Format.percent(figures.confidence()),
        figures.provisional(), figures.fewSessions(), figures.runnerUp().map(Persona::displayName).orElse(""),
        figures.runnerUp().map(p -> "/personas/" + p.slug() + "/").orElse(""), reasons, mix,
        dated.isEmpty() ? null : overTime(dated),
        Format.count(figures.sessions().size()), dated.isEmpty() ? UNDATED : day(dated.get(0)),
        dated.isEmpty() ? UNDATED : day(dated.get(dated.size() - 1)), sessions,
        figures.sessions().stream().anyMatch(s -> !s.context().isEmpty()),
        figures.sessions().stream().anyMatch(PersonalFigures.SessionRow::minutesEstimated),
        figures.sessions().stream().anyMatch(s -> Classification.uncertain(s.confidence())),
        Format.percent(Classification.UNCERTAIN_BELOW));
  }

  /** Active minutes, marked "≈" when the log records no time and they are an estimate. */
  private static String minutes(PersonalFigures.SessionRow s) {
    return (s.minutesEstimated() ? "≈ " : "") + Format.minutes(s.activeMinutes());
  }

  // Sessions over time: one lane per session type, x the day since the first dated session.
  /** A session type's probability, marked when it is too close a call (as the finder marks it). */
  private static String confidence(double probability) {
    return Format.percent(probability) + (Classification.uncertain(probability) ? " (uncertain)" : "");
  }

  private static Chart overTime(List<PersonalFigures.SessionRow> dated) {
    var first = dated.get(0).date();
    Map<SessionType, List<PersonalFigures.SessionRow>> byType = new EnumMap<>(SessionType.class);
    dated.forEach(s -> byType.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s));
    List<String> lanes = new ArrayList<>();
    List<Chart.Series> series = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    byType.forEach((type, rows) -> {
      lanes.add(type.displayName());
      series.add(new Chart.Series(type.displayName(), type.ordinal() % 6 + 1, List.of(),
          rows.stream().map(r -> new Chart.Point(ChronoUnit.DAYS.between(first, r.date()), type.displayName())).toList()));
      texts.add(rows.stream().map(r -> r.date().toString()).toList());
    });
    return new Chart("chart-over-time", "timeline", "Your sessions over time",
        "Strip chart: each of your " + dated.size() + " sessions as a mark on the day it started, one lane per session type.",
        "days", "Date", lanes, series, texts, null);
  }

  /** Shown for a session whose log carries no timestamp (dated on the epoch day internally). */
  static final String UNDATED = "undated";

  private List<PersonalFigures.SessionRow> dated() {
    return figures.sessions().stream().filter(PersonalFigures.SessionRow::dated).toList();
  }

  private static String day(PersonalFigures.SessionRow s) {
    return s.dated() ? s.date().toString() : UNDATED;
  }

  private static List<Double> percents(TypeMix mix) {
    return java.util.Arrays.stream(SessionType.values()).map(t -> Format.percentValue(mix.share(t))).toList();
  }

  private static List<String> texts(TypeMix mix) {
    return java.util.Arrays.stream(SessionType.values()).map(t -> Format.percent(mix.share(t))).toList();
  }

  private ContentPage personaPage(RenderContext context) {
    String slug = figures.persona().slug();
    return context.content().pages().stream()
        .filter(p -> p.template().equals("persona") && slug.equals(String.valueOf(p.frontMatter().get("slug"))))
        .findFirst()
        .orElseThrow(() -> PersonasException.failure(
            "The personal page needs content/personas/" + slug + ".md (template: persona, slug: " + slug + "); add it."));
  }

  // The body of one h2 section of an authored page, up to the next h2; empty when it has none.
  static String section(ContentPage page, String id) {
    Matcher m = Pattern.compile("<h2[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>.*?</h2>(.*?)(?=<h2\\b|\\z)", Pattern.DOTALL)
        .matcher(page.html());
    return m.find() ? m.group(1).strip() : "";
  }
}
