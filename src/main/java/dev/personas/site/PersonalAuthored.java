package dev.personas.site;

import dev.personas.PersonasException;
import dev.personas.classify.BehaviourRate;
import dev.personas.classify.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authored words the deeper personal page needs, read from content/: each behaviour rate's
 * name, unit and plain-words lines (the personas index's front matter, `rates`), each persona's
 * page, its moves to borrow (`moves`: rate → move) and its reflection questions (`reflection`:
 * items with `ask` and optionally `about` a rate and `when` higher or lower). A missing word
 * fails naming the file and the key, never a blank on the page.
 */
final class PersonalAuthored {
  private final Content content;
  private final ContentPage index;

  PersonalAuthored(Content content) {
    this.content = content;
    this.index = content.pages().stream().filter(p -> p.frontMatter().get("rates") instanceof Map<?, ?>).findFirst()
        .orElseThrow(() -> PersonasException.failure("The personal page needs the behaviour rates' wording: add `rates:` "
            + "to the front matter of content/personas/index.md (one entry per rate key: name, unit, higher, lower, "
            + "card_higher, card_lower)."));
  }

  /** One rate's words: the key is a {@link BehaviourRate} key, the field one of name, unit, higher, lower, card_higher, card_lower. */
  String rate(String key, String field) {
    Object entry = ((Map<?, ?>) index.frontMatter().get("rates")).get(key);
    Object text = entry instanceof Map<?, ?> m ? m.get(field) : null;
    if (text == null) {
      throw PersonasException.failure("content/" + index.source() + ": `rates` lacks `" + key + ": " + field
          + "`; add it.");
    }
    return String.valueOf(text);
  }

  /** Whether a rate's values are shares (printed as percentages). */
  boolean isShare(String key) {
    return rate(key, "unit").startsWith("share");
  }

  ContentPage persona(Persona persona) {
    return content.pages().stream()
        .filter(p -> p.template().equals("persona") && persona.slug().equals(String.valueOf(p.frontMatter().get("slug"))))
        .findFirst()
        .orElseThrow(() -> PersonasException.failure("The personal page needs content/personas/" + persona.slug()
            + ".md (template: persona, slug: " + persona.slug() + "); add it."));
  }

  String tagline(Persona persona) {
    return String.valueOf(persona(persona).frontMatter().getOrDefault("tagline", persona.tagline()));
  }

  /** The move authored on a persona's page for a rate. */
  String move(Persona from, String rate) {
    ContentPage page = persona(from);
    Object moves = page.frontMatter().get("moves");
    Object text = moves instanceof Map<?, ?> m ? m.get(rate) : null;
    if (text == null) {
      throw PersonasException.failure("content/" + page.source() + ": `moves` lacks `" + rate
          + "`, a rate this persona's signature leans on; add the move someone could borrow.");
    }
    return String.valueOf(text);
  }

  /** An authored reflection question: about a rate ("" for none), asked when the reader lies higher or lower. */
  record Question(String about, boolean higher, String ask) {}

  List<Question> questions(Persona persona) {
    ContentPage page = persona(persona);
    List<Question> questions = new ArrayList<>();
    if (page.frontMatter().get("reflection") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m && m.get("ask") != null) {
          String about = Optional.ofNullable(m.get("about")).map(String::valueOf).orElse("");
          questions.add(new Question(about, !"lower".equals(String.valueOf(m.get("when"))), String.valueOf(m.get("ask"))));
        } else if (item instanceof String text) {
          questions.add(new Question("", true, text));
        }
      }
    }
    return questions;
  }
}
