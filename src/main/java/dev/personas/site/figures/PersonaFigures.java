package dev.personas.site.figures;

import dev.personas.classify.Persona;
import java.util.Objects;
import java.util.Optional;

/**
 * What the build found about one persona.
 *
 * @param persona the persona
 * @param persons people given this persona
 * @param share their share of the people given a persona
 * @param meanTypeMix the mean of their type mixes; absent when nobody has this persona
 * @param meanConfidence the mean confidence (posterior probability) of their persona; absent when
 *     nobody has this persona
 */
public record PersonaFigures(
    Persona persona, int persons, double share, Optional<TypeMix> meanTypeMix, Optional<Double> meanConfidence) {

  public PersonaFigures {
    Objects.requireNonNull(persona, "persona");
    Check.count(persons, "persons");
    Check.share(share, "share");
    Objects.requireNonNull(meanTypeMix, "meanTypeMix");
    Objects.requireNonNull(meanConfidence, "meanConfidence");
    meanConfidence.ifPresent(s -> Check.share(s, "meanConfidence"));
    if ((persons == 0) != meanTypeMix.isEmpty() || (persons == 0) != meanConfidence.isEmpty()) {
      throw new IllegalArgumentException(
          "The mean type mix and decisive share of " + persona.slug() + " are present exactly when it has people");
    }
  }
}
