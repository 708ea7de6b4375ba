package dev.personas.sample;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How personas are planted: each user's persona (shares roughly as in the study) and, from the
 * persona, the user's mix of session types. A persona's leaned-on types take about 65 % of its
 * sessions; the Journeyman spreads over all seven with none above 30 %.
 */
final class PersonaMix {
  /** Persona shares among SWE-chat users with ≥ 3 sessions (bigspinai/plugins), RESEARCH.md §1. */
  static final Map<Persona, Double> SHARES = new EnumMap<>(Map.of(
      Persona.SHOWRUNNER, 0.367, Persona.QUICK_TURN_SPRINTER, 0.158,
      Persona.PAIR_PROGRAMMER, 0.133, Persona.RUNTIME_MECHANIC, 0.133,
      Persona.MULTI_MODE_JOURNEYMAN, 0.133, Persona.SPEC_FIRST_ARCHITECT, 0.05,
      Persona.PROMPT_MINIMALIST, 0.025));

  /** The share each leaned-on type takes of its persona's sessions, before per-user jitter. */
  private static final Map<Persona, double[]> LEANS = new EnumMap<>(Map.of(
      Persona.PAIR_PROGRAMMER, new double[] {0.35, 0.30},
      Persona.SPEC_FIRST_ARCHITECT, new double[] {0.65},
      Persona.QUICK_TURN_SPRINTER, new double[] {0.35, 0.30},
      Persona.SHOWRUNNER, new double[] {0.40, 0.25},
      Persona.RUNTIME_MECHANIC, new double[] {0.35, 0.30},
      Persona.PROMPT_MINIMALIST, new double[] {0.65},
      Persona.MULTI_MODE_JOURNEYMAN, new double[] {}));

  private static final double JOURNEYMAN_CAP = 0.28;

  private PersonaMix() {}

  /**
   * One persona per user, in a shuffled order: counts follow {@link #SHARES} by largest
   * remainder, with every persona given at least three users when there are 21 or more.
   */
  static List<Persona> assign(int users, SplittableRandom random) {
    int min = users >= 21 ? 3 : users >= 7 ? 1 : 0;
    Map<Persona, Integer> counts = new EnumMap<>(Persona.class);
    int given = 0;
    for (Persona p : Persona.values()) {
      int n = Math.max(min, (int) Math.floor(SHARES.get(p) * users));
      counts.put(p, n);
      given += n;
    }
    // Hand out what is left by largest remainder; take back from the largest when over.
    List<Persona> byRemainder = new ArrayList<>(List.of(Persona.values()));
    byRemainder.sort((a, b) -> Double.compare(frac(SHARES.get(b) * users), frac(SHARES.get(a) * users)));
    for (int i = 0; given < users; i = (i + 1) % byRemainder.size(), given++) {
      counts.merge(byRemainder.get(i), 1, Integer::sum);
    }
    while (given > users) {
      Persona largest = Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
      counts.merge(largest, -1, Integer::sum);
      given--;
    }
    List<Persona> out = new ArrayList<>();
    counts.forEach((p, n) -> out.addAll(Collections.nCopies(n, p)));
    for (int i = out.size() - 1; i > 0; i--) {
      Collections.swap(out, i, random.nextInt(i + 1));
    }
    return out;
  }

  private static double frac(double x) {
    return x - Math.floor(x);
  }

  /** A user's probability of each session type (in SessionType order), jittered per user. */
  static double[] typeWeights(Persona persona, SplittableRandom random) {
    SessionType[] types = SessionType.values();
    double[] w = new double[types.length];
    List<SessionType> leans = persona.leansOn();
    double[] leanShares = LEANS.get(persona);
    if (leans.isEmpty()) {
      for (int i = 0; i < w.length; i++) {
        w[i] = 0.5 + random.nextDouble();
      }
      normalize(w);
      cap(w, JOURNEYMAN_CAP);
      return w;
    }
    double leaned = 0;
    for (int i = 0; i < leans.size(); i++) {
      double share = leanShares[i] + (random.nextDouble() - 0.5) * 0.08;
      w[leans.get(i).ordinal()] = share;
      leaned += share;
    }
    double[] rest = new double[types.length];
    double restSum = 0;
    for (SessionType t : types) {
      if (!leans.contains(t)) {
        rest[t.ordinal()] = 0.5 + random.nextDouble();
        restSum += rest[t.ordinal()];
      }
    }
    for (SessionType t : types) {
      if (!leans.contains(t)) {
        w[t.ordinal()] = (1 - leaned) * rest[t.ordinal()] / restSum;
      }
    }
    return w;
  }

  private static void normalize(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
  }

  /** Lowers every weight above the cap to it and spreads the excess over the others. */
  private static void cap(double[] w, double cap) {
    for (int round = 0; round < 10; round++) {
      double excess = 0;
      int under = 0;
      for (double x : w) {
        excess += Math.max(0, x - cap);
        under += x < cap ? 1 : 0;
      }
      if (excess < 1e-12 || under == 0) {
        return;
      }
      for (int i = 0; i < w.length; i++) {
        w[i] = w[i] >= cap ? cap : w[i] + excess / under;
      }
    }
  }

  /** Draws a type from the weights. */
  static SessionType draw(double[] weights, SplittableRandom random) {
    double x = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return SessionType.values()[i];
      }
    }
    return SessionType.values()[weights.length - 1];
  }
}
