package dev.personas.classify;

import java.util.List;
import java.util.Objects;

/**
 * What a persona is read from: a person's share of each session type and their behaviour rates.
 *
 * @param userId the person
 * @param sessions how many sessions the profile is built from
 * @param typeShares share of the person's sessions per {@link SessionType}, in declaration order
 * @param rates one value per {@link BehaviourRate}, in declaration order
 */
public record PersonProfile(String userId, int sessions, double[] typeShares, double[] rates) {

  public PersonProfile {
    Objects.requireNonNull(userId, "userId");
    if (sessions < 1) {
      throw new IllegalArgumentException("a profile needs at least one session: " + userId);
    }
    if (typeShares.length != SessionType.values().length
        || rates.length != BehaviourRate.values().length) {
      throw new IllegalArgumentException("profile of " + userId + " has the wrong shape");
    }
    typeShares = typeShares.clone();
    rates = rates.clone();
  }

  /** The profile of one person's classified sessions. */
  public static PersonProfile of(String userId, List<ClassifiedSession> sessions) {
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("no sessions for person " + userId);
    }
    double[] shares = new double[SessionType.values().length];
    for (ClassifiedSession s : sessions) {
      shares[s.classification().type().ordinal()] += 1.0 / sessions.size();
    }
    return new PersonProfile(userId, sessions.size(), shares, BehaviourRate.of(sessions));
  }

  @Override
  public double[] typeShares() {
    return typeShares.clone();
  }

  @Override
  public double[] rates() {
    return rates.clone();
  }
}
