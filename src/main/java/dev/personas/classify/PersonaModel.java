package dev.personas.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The population's persona model, fixed by the build. A person's score for a persona is
 * {@code (1 - behaviourWeight) * fit + behaviourWeight * behaviour}, where fit is
 * {@code Σ share[t] * affinity[t]} over the persona's leaned-on types (how much of the person's
 * work is that persona's kind of session) and behaviour is the share of the persona's signature
 * rates on the persona's side of the population median (+1: above, −1: below; a tie counts
 * half). The best persona wins when its score reaches
 * {@code minScore} and leads the runner-up by {@code minMargin}; otherwise the person is a
 * Multi-Mode Journeyman. Fewer than {@code minSessions} sessions make the result provisional.
 *
 * @param rateKeys {@link BehaviourRate} keys, in declaration order
 * @param rateMedians the population's median of each rate (persons with enough sessions)
 * @param prototypes persona slug → affinity per type, types in {@link SessionType} order
 * @param signatures persona slug → sign per rate (+1, −1 or 0)
 * @param behaviourWeight weight of the behaviour part of the score
 * @param minScore lowest score that can win
 * @param minMargin lead over the runner-up needed to win
 * @param minSessions sessions below which a persona is provisional
 */
public record PersonaModel(
    List<String> rateKeys,
    double[] rateMedians,
    Map<String, double[]> prototypes,
    Map<String, double[]> signatures,
    double behaviourWeight,
    double minScore,
    double minMargin,
    int minSessions) {

  public PersonaModel {
    rateKeys = List.copyOf(rateKeys);
    if (rateMedians.length != rateKeys.size()) {
      throw new IllegalArgumentException("one median per behaviour rate expected");
    }
    rateMedians = rateMedians.clone();
    prototypes = Collections.unmodifiableMap(new TreeMap<>(prototypes));
    signatures = Collections.unmodifiableMap(new TreeMap<>(signatures));
    for (Persona p : Persona.values()) {
      if (p == Persona.MULTI_MODE_JOURNEYMAN) {
        continue;
      }
      double[] proto = prototypes.get(p.slug());
      double[] sign = signatures.get(p.slug());
      if (proto == null || proto.length != SessionType.values().length
          || sign == null || sign.length != rateKeys.size()) {
        throw new IllegalArgumentException("persona model lacks a well-formed row for " + p.slug());
      }
    }
  }

  /** The authored prototypes and signatures (RESEARCH.md §4) with the population's medians. */
  public static PersonaModel authored(double[] rateMedians) {
    Map<String, double[]> protos = new LinkedHashMap<>();
    Map<String, double[]> signs = new LinkedHashMap<>();
    // Affinity per type in SessionType order: one-shot, consult, blueprint, scaffold, workshop,
    // marathon, spiral; only the leaned-on types (Persona.leansOn) count.
    // The first leaned-on type is the persona's own (1); a type it shares with another persona
    // counts less, so a person made only of Blueprint sessions reads as a Spec-First Architect,
    // not as a Showrunner.
    protos.put(Persona.PAIR_PROGRAMMER.slug(), affinity(0, 0, 0, 0, 0.6, 1, 0));
    protos.put(Persona.SPEC_FIRST_ARCHITECT.slug(), affinity(0, 0, 1, 0, 0, 0, 0));
    protos.put(Persona.QUICK_TURN_SPRINTER.slug(), affinity(0.5, 0, 0, 0, 0, 0, 1));
    protos.put(Persona.SHOWRUNNER.slug(), affinity(0, 0, 0.5, 1, 0, 0, 0));
    protos.put(Persona.RUNTIME_MECHANIC.slug(), affinity(0, 1, 0, 0, 0.6, 0, 0));
    protos.put(Persona.PROMPT_MINIMALIST.slug(), affinity(1, 0, 0, 0, 0, 0, 0));
    // Signs per rate in BehaviourRate order: corrections/prompt, tests/session, delegation,
    // spec-first, pasted/prompt, pointers/prompt, questions, prompt chars, prompts/session.
    signs.put(Persona.PAIR_PROGRAMMER.slug(), sign(1, 1, 0, 0, 0, 0, 0, 0, 1));
    signs.put(Persona.SPEC_FIRST_ARCHITECT.slug(), sign(-1, 0, 0, 1, 0, 0, 0, 1, -1));
    signs.put(Persona.QUICK_TURN_SPRINTER.slug(), sign(0, 0, 0, -1, 1, 0, 0, -1, 0));
    signs.put(Persona.SHOWRUNNER.slug(), sign(0, 0, 1, 1, 0, 0, 0, 0, 0));
    signs.put(Persona.RUNTIME_MECHANIC.slug(), sign(0, 1, 0, 0, 1, 1, 1, 0, 0));
    signs.put(Persona.PROMPT_MINIMALIST.slug(), sign(-1, 0, 0, -1, 0, 0, 0, -1, -1));
    List<String> keys = new java.util.ArrayList<>();
    for (BehaviourRate r : BehaviourRate.values()) {
      keys.add(r.key());
    }
    return new PersonaModel(keys, Numbers.fixed(rateMedians), protos, signs, 0.2, 0.55, 0.08, 3);
  }

  private static double[] affinity(double... perType) {
    return perType.clone();
  }

  private static double[] sign(double... signs) {
    return signs.clone();
  }

  @Override
  public double[] rateMedians() {
    return rateMedians.clone();
  }
}
