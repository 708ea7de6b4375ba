package dev.personas.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.PersonasException;
import dev.personas.classify.BehaviourRate;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.me.Population;
import dev.personas.site.figures.RateLabels;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the "Find your persona" page (templates/finder.peb) needs from the build so its script
 * can draw the personal results in the browser: the authored words of every persona (name,
 * tagline, traits, what to borrow, moves by rate, tagged reflection questions), each rate's
 * authored words for the deeper page (PersonalAuthored) and the labels of types and rates, as
 * JSON for a data attribute, and each persona's signature moves and blind spot as authored
 * HTML for inert {@code <template>} elements. The words are ours, from content/personas; the
 * script only picks and copies them, so no authored text is duplicated in JavaScript.
 *
 * @param json the labels and persona words, for the page's data-finder attribute
 * @param personas the authored HTML sections of each persona, in {@link Persona} order
 * @param hasModel whether this build publishes /model.json (a build without data does not: the
 *     page then says the finder cannot run, and requests nothing)
 * @param bundledModel the dataset fingerprint of the bundled synthetic sample's model: when the
 *     model the finder loads has it (a build of a folder too small to fit publishes that model),
 *     the finder says its population is illustrative, as the personal page does
 *     ({@link Population#isBundledSample}); empty without a model
 */
public record FinderView(String json, List<PersonaSections> personas, boolean hasModel, String bundledModel) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The model file the build publishes beside the pages (BuildCommand.siteData). */
  static final String MODEL = "model.json";

  /** One persona's authored sections. */
  public record PersonaSections(String slug, SafeString signatureMoves, SafeString blindSpot) {}

  public FinderView {
    personas = List.copyOf(personas);
  }

  static FinderView of(RenderContext context) {
    List<Map<String, Object>> types = new ArrayList<>();
    for (SessionType t : SessionType.values()) {
      types.add(ordered("slug", t.slug(), "name", t.displayName()));
    }
    PersonalAuthored authored = new PersonalAuthored(context.content());
    List<Map<String, Object>> rates = new ArrayList<>();
    for (BehaviourRate r : BehaviourRate.values()) {
      Map<String, Object> rate = ordered("key", r.key(), "definition", r.definition(), "unit", RateLabels.unit(r.key()),
          "trait", RateLabels.traitKey(r.key()));
      Map<String, Object> words = new LinkedHashMap<>();
      for (String field : List.of("name", "unit", "higher", "lower", "card_higher", "card_lower")) {
        words.put(field, authored.rate(r.key(), field));
      }
      rate.put("words", words);
      rates.add(rate);
    }
    List<Map<String, Object>> words = new ArrayList<>();
    List<PersonaSections> sections = new ArrayList<>();
    for (Persona p : Persona.values()) {
      ContentPage page = personaPage(context, p);
      Map<String, String> traits = new TreeMap<>();
      if (page.frontMatter().get("traits") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> traits.put(String.valueOf(k), String.valueOf(v)));
      }
      List<Map<String, Object>> borrows = new ArrayList<>();
      for (PageFigures.Borrow b : PageFigures.borrows(page, context)) {
        borrows.add(ordered("name", b.name(), "path", b.path(), "move", b.move()));
      }
      List<Map<String, Object>> reflection = new ArrayList<>();
      for (PersonalAuthored.Question q : authored.questions(p)) {
        reflection.add(ordered("about", q.about(), "higher", q.higher(), "ask", q.ask()));
      }
      Map<String, String> moves = new TreeMap<>();
      if (page.frontMatter().get("moves") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> moves.put(String.valueOf(k), String.valueOf(v)));
      }
      Map<String, Object> persona = ordered("slug", p.slug(), "name", p.displayName(),
          "tagline", String.valueOf(page.frontMatter().getOrDefault("tagline", p.tagline())));
      persona.put("traits", traits);
      persona.put("borrows", borrows);
      persona.put("reflection", reflection);
      persona.put("moves", moves);
      words.add(persona);
      sections.add(new PersonaSections(p.slug(),
          Templates.trusted(PersonalPageRenderer.section(page, "signature-moves")),
          Templates.trusted(PersonalPageRenderer.section(page, "blind-spot"))));
    }
    Map<String, Object> root = ordered("site", context.site().title(), "types", types, "rates", rates);
    root.put("personas", words);
    try {
      boolean hasModel = context.earlier().stream().anyMatch(o -> o.path().equals(MODEL));
      // Without a model the finder cannot run, and the bundled model need not be read (a tenth of a
      // second of a --no-data build, cold).
      return new FinderView(JSON.writeValueAsString(root), sections, hasModel,
          hasModel ? Population.bundledFingerprint() : "");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the finder's labels are plain data and always serialise", e);
    }
  }

  private static ContentPage personaPage(RenderContext context, Persona persona) {
    return context.content().pages().stream()
        .filter(p -> p.template().equals("persona") && persona.slug().equals(String.valueOf(p.frontMatter().get("slug"))))
        .findFirst()
        .orElseThrow(() -> PersonasException.failure("The finder page needs content/personas/" + persona.slug()
            + ".md (template: persona, slug: " + persona.slug() + "); add it."));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
