package dev.personas.classify;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The population a person is compared with on their personal page, as published numbers only
 * (no user ids, no text): written into model.json by the build, so `personas me` and the
 * in-browser page compare with exactly the figures the site shows. "Established" persons are
 * those with at least {@link PersonaModel#minSessions()} sessions.
 *
 * @param persons established persons described
 * @param personaCounts persona slug → established persons with that persona (every persona)
 * @param points every established person's place on the {@link PersonaMap}, [x, y], sorted by
 *     x then y; at most {@link CohortMaker#MAX_POINTS} (an even subsample beyond)
 * @param rates behaviour rate key → spread of that rate over established persons
 * @param personaRates persona slug → median of each behaviour rate over its established persons,
 *     in {@link BehaviourRate} order; only personas with at least one person
 * @param outcomes "everyone" → outcomes of every session of the dataset; persona slug →
 *     outcomes of the sessions of its established persons (only personas with a person)
 */
public record Cohort(
    int persons,
    Map<String, Integer> personaCounts,
    List<double[]> points,
    Map<String, Spread> rates,
    Map<String, double[]> personaRates,
    Map<String, Outcomes> outcomes) {

  /** The key of the whole population's outcomes. */
  public static final String EVERYONE = "everyone";

  public Cohort {
    personaCounts = Collections.unmodifiableMap(new TreeMap<>(personaCounts));
    points = points.stream().map(double[]::clone).toList();
    rates = Collections.unmodifiableMap(new TreeMap<>(rates));
    personaRates = Collections.unmodifiableMap(new TreeMap<>(personaRates));
    outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
    for (BehaviourRate r : BehaviourRate.values()) {
      Objects.requireNonNull(rates.get(r.key()), () -> "cohort lacks the spread of " + r.key());
    }
    Objects.requireNonNull(outcomes.get(EVERYONE), "cohort lacks everyone's outcomes");
  }

  /** First quartile, median and third quartile of a rate over persons (R's type 7). */
  public record Spread(double q1, double median, double q3) {}

  /** The median of a rate among a persona's persons, if it has any. */
  public java.util.OptionalDouble personaRate(Persona persona, BehaviourRate rate) {
    double[] medians = personaRates.get(persona.slug());
    return medians == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(medians[rate.ordinal()]);
  }
}
