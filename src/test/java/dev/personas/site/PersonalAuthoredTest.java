package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.classify.BehaviourRate;
import dev.personas.classify.Persona;
import dev.personas.classify.PersonaModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** content/ holds every word the deeper personal page can need, whatever the numbers choose. */
class PersonalAuthoredTest {
  private static final PersonalAuthored WORDS =
      new PersonalAuthored(new ContentReader(Path.of("content"), new Markdown("/")).read());
  private static final List<String> RATE_KEYS = Arrays.stream(BehaviourRate.values()).map(BehaviourRate::key).toList();

  @Test
  void everyRateHasItsNameUnitLinesAndCardLines() {
    for (String rate : RATE_KEYS) {
      for (String field : List.of("name", "unit", "higher", "lower", "card_higher", "card_lower")) {
        assertFalse(WORDS.rate(rate, field).isBlank(), rate + " " + field);
      }
    }
  }

  @Test
  void everyPersonaHasAMoveForEachRateItsSignatureLeansOn() {
    PersonaModel model = PersonaModel.authored(new double[BehaviourRate.values().length]);
    for (Persona p : Persona.values()) {
      double[] signs = model.signatures().get(p.slug());
      for (BehaviourRate r : BehaviourRate.values()) {
        if (signs[r.ordinal()] != 0) {
          assertFalse(WORDS.move(p, r.key()).isBlank(), p.slug() + " " + r.key());
        }
      }
    }
  }

  @Test
  void everyPersonaHasAtLeastThreeQuestionsAboutRatesThatExist() {
    for (Persona p : Persona.values()) {
      List<PersonalAuthored.Question> questions = WORDS.questions(p);
      assertTrue(questions.size() >= 3, p.slug());
      for (PersonalAuthored.Question q : questions) {
        assertTrue(q.about().isEmpty() || RATE_KEYS.contains(q.about()), p.slug() + ": " + q.about());
      }
    }
  }
}
