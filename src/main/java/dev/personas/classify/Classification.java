package dev.personas.classify;

import java.util.Objects;

/**
 * The session type of one session, with how sure the model is and what came second.
 *
 * @param sessionId the session classified
 * @param type the most probable type
 * @param probability its probability
 * @param runnerUp the second most probable type
 * @param runnerUpProbability its probability
 * @param probabilities one probability per {@link SessionType}, in declaration order
 */
public record Classification(
    String sessionId,
    SessionType type,
    double probability,
    SessionType runnerUp,
    double runnerUpProbability,
    double[] probabilities) {

  /**
   * Below this probability a type is shown as uncertain. On the real corpus's calibration half,
   * sessions under it got the readers' type less often than the rest (model version 5: 11 of 20,
   * 55 %, against 57 of 79, 72 %; model version 8, 205 sessions: 31 of 52, 60 %,
   * against 116 of 153, 76 %; model version 9, 265 sessions: 41 of 63, 65 %, against 159 of 202,
   * 79 %; model version 11: 39 of 58, 67 %, against 161 of 207, 78 %; model version 12, 286
   * sessions: 42 of 64, 66 %, against 171 of 222, 77 %; model version 13, 337 sessions: 47 of 80,
   * 59 %, against 195 of 257, 76 %; model version 14: 44 of 80, 55 %, against 195 of 257, 76 %;
   * model version 15, 394 sessions: 53 of 95, 56 %, against 222 of 299, 74 %; model version 16: 54
   * of 94, 57 %, against 225 of 300, 75 %; model version 17, 454 sessions: 56 of 107, 52 %,
   * against 260 of 347, 75 %).
   */
  public static final double UNCERTAIN_BELOW = 0.5;

  public Classification {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(runnerUp, "runnerUp");
    if (type == runnerUp) {
      throw new IllegalArgumentException("runner-up must differ from the type");
    }
    if (probabilities.length != SessionType.values().length) {
      throw new IllegalArgumentException("one probability per session type expected");
    }
    probabilities = probabilities.clone();
  }

  /** Picks type and runner-up from per-type probabilities; ties go to the earlier type. */
  public static Classification of(String sessionId, double[] probabilities) {
    int best = 0;
    for (int t = 1; t < probabilities.length; t++) {
      if (probabilities[t] > probabilities[best]) {
        best = t;
      }
    }
    int second = best == 0 ? 1 : 0;
    for (int t = 0; t < probabilities.length; t++) {
      if (t != best && probabilities[t] > probabilities[second]) {
        second = t;
      }
    }
    SessionType[] types = SessionType.values();
    return new Classification(sessionId, types[best], probabilities[best], types[second],
        probabilities[second], probabilities);
  }

  /** Whether the type is too close a call to state without a caveat. */
  public boolean uncertain() {
    return uncertain(probability);
  }

  /** Whether a type given with this probability is shown as uncertain. */
  public static boolean uncertain(double probability) {
    return probability < UNCERTAIN_BELOW;
  }

  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }
}
