package dev.personas.classify;

import java.util.Objects;

/**
 * A person's persona under the population's model.
 *
 * @param userId the person
 * @param persona the persona; {@link Persona#MULTI_MODE_JOURNEYMAN} when no pattern dominates
 * @param confidence the winner's score, or for the Journeyman 1 − the best persona's score
 * @param runnerUp the best-scoring persona other than the one given
 * @param decisive whether the persona won by score and margin (otherwise it is borderline)
 * @param provisional whether the person has fewer sessions than the model's minimum: the
 *     persona is shown, marked provisional
 * @param profile the type shares and behaviour rates it was read from
 * @param scores one score per {@link Persona} in declaration order (the Journeyman's is 0)
 */
public record PersonaResult(
    String userId,
    Persona persona,
    double confidence,
    Persona runnerUp,
    boolean decisive,
    boolean provisional,
    PersonProfile profile,
    double[] scores) {

  public PersonaResult {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(runnerUp, "runnerUp");
    Objects.requireNonNull(profile, "profile");
    if (persona == runnerUp) {
      throw new IllegalArgumentException("runner-up must differ from the persona");
    }
    scores = scores.clone();
  }

  @Override
  public double[] scores() {
    return scores.clone();
  }
}
