package dev.personas.site;

import dev.personas.PersonasException;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.site.figures.SiteFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which figures each page template receives: the one place that ties templates to figures.
 * Every figure template gets its key even without figures (then null), so templates can say
 * plainly that no dataset was analysed; strict variables would reject a missing key.
 */
final class PageFigures {
  /** Where each persona's share card is written, relative to its page. */
  static final String CARD = "card.svg";
  /** The same card as PNG, the Open Graph image, where this machine could draw it. */
  static final String CARD_PNG = "card.png";

  private PageFigures() {}

  /** A link to another persona with the move worth borrowing from it. */
  public record Borrow(String name, String path, String move) {}

  static Map<String, Object> forPage(ContentPage page, RenderContext context) {
    Optional<SiteFigures> figures = context.figures();
    Map<String, Object> model = new HashMap<>();
    switch (page.template()) {
      case "home" -> model.put("figures", figures.map(FigureViews::home).orElse(null));
      case "session-type" -> {
        SessionType type = SessionType.fromSlug(slug(page, context));
        model.put("type", figures.map(f -> FigureViews.type(f, type)).orElse(null));
        model.put("typeName", type.displayName());
      }
      case "persona" -> {
        Persona persona = Persona.fromSlug(slug(page, context));
        model.put("persona", figures.map(f -> FigureViews.persona(f, persona)).orElse(null));
        model.put("personaName", persona.displayName());
        model.put("borrows", borrows(page, context));
        model.put("card", page.path() + CARD);
        CardCache cards = CardCache.of(context.options());
        model.put("ogImage", cards.openGraphImage(page.path()));
        model.put("ogImageType", cards.openGraphImageType());
      }
      case "method" -> {
        model.put("method", figures.map(FigureViews::method).orElse(null));
        model.put("features", FigureViews.featureTable(figures));
        model.put("targets", FigureViews.targets());
      }
      case "section" -> {
        model.put("children", children(page, context.content()));
        model.put("shares", figures.map(PageFigures::shares).orElse(Map.of()));
      }
      case "finder" -> model.put("finder", FinderView.of(context));
      case "data" -> model.put("data", figures.map(FigureViews::data).orElse(null));
      default -> { }
    }
    return model;
  }

  // What each type and persona card of a section index says about its share, by page path.
  static Map<String, String> shares(SiteFigures figures) {
    Map<String, String> shares = new java.util.TreeMap<>();
    figures.types().forEach(t -> shares.put("/session-types/" + t.type().slug() + "/", Format.percent(t.share()) + " of sessions"));
    figures.personas().forEach(p -> shares.put("/personas/" + p.persona().slug() + "/", Format.percent(p.share()) + " of people"));
    return shares;
  }

  // The pages one level below a section's index, by their front-matter order, then by path.
  static List<ContentPage> children(ContentPage index, Content content) {
    return content.pages().stream()
        .filter(p -> p.path().startsWith(index.path()) && !p.path().equals(index.path()))
        .filter(p -> p.path().substring(index.path().length()).split("/").length == 1)
        .sorted(java.util.Comparator.comparingInt(ContentPage::order).thenComparing(ContentPage::path))
        .toList();
  }

  // Slugs are authored; a wrong one names the file instead of failing deep inside a template.
  static String slug(ContentPage page, RenderContext context) {
    String slug = String.valueOf(page.frontMatter().get("slug"));
    boolean known = page.template().equals("persona")
        ? java.util.Arrays.stream(Persona.values()).anyMatch(p -> p.slug().equals(slug))
        : java.util.Arrays.stream(SessionType.values()).anyMatch(t -> t.slug().equals(slug));
    if (!known) {
      throw PersonasException.failure(context.options().content().resolve(page.source())
          + ":1: front matter `slug: " + slug + "` names no " + page.template() + "; use one of its slugs, such as '"
          + (page.template().equals("persona") ? Persona.values()[0].slug() : SessionType.values()[0].slug()) + "'.");
    }
    return slug;
  }

  static List<Borrow> borrows(ContentPage page, RenderContext context) {
    List<Borrow> borrows = new ArrayList<>();
    if (page.frontMatter().get("borrow") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> entry && entry.get("from") != null && entry.get("move") != null) {
          String from = String.valueOf(entry.get("from"));
          Persona other;
          try {
            other = Persona.fromSlug(from);
          } catch (IllegalArgumentException e) {
            throw PersonasException.failure(context.options().content().resolve(page.source())
                + ":1: `borrow` names the persona '" + from + "', which does not exist; use a persona slug.");
          }
          borrows.add(new Borrow(other.displayName(), "/personas/" + other.slug() + "/", String.valueOf(entry.get("move"))));
        }
      }
    }
    return borrows;
  }
}
