package dev.personas.classify;

import java.util.Objects;

/**
 * The method on one labelling round of the real corpus (corpus/README.md): its sessions and its
 * people, so that the spread from round to round can be seen beside the pooled figures.
 *
 * @param round the round (1 on)
 * @param heldOutAsWhole whether the round's people were held out as a whole (no session of theirs in
 *     either half, labelled after the method was fixed): only then are its session figures
 *     out of sample
 * @param sessions the method's type against the decided one on the round's sessions (set-aside
 *     ones left out)
 * @param personas the method's persona against the decided one on the people judged from this
 *     round's sessions, each left out of the fit
 * @param personasFromReadersTypes the same people, the persona step given the readers' types
 */
public record RoundAgreement(int round, boolean heldOutAsWhole, Agreement sessions, Agreement personas,
    Agreement personasFromReadersTypes) {

  public RoundAgreement {
    if (round < 1) {
      throw new IllegalArgumentException("rounds count from 1: " + round);
    }
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(personas, "personas");
    Objects.requireNonNull(personasFromReadersTypes, "personasFromReadersTypes");
  }
}
