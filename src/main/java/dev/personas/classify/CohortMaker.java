package dev.personas.classify;

import dev.personas.features.FeatureVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the {@link Cohort} of a dataset under a fitted model: labels every session and
 * person as `personas classify` would, then keeps only anonymous numbers. Persons with fewer
 * than the model's minimum sessions are left out of the person-level figures (when nobody has
 * enough sessions, everyone counts, as for the rate medians).
 */
public final class CohortMaker {
  /** Most map points published: enough to show the population's shape, small enough for model.json. */
  public static final int MAX_POINTS = 2000;

  private final Model model;

  /** @param model the fitted model (its own cohort, if any, is ignored) */
  public CohortMaker(Model model) {
    this.model = model;
  }

  /** The cohort of these sessions. */
  public Cohort make(List<SessionInput> sessions) {
    Classifier classifier = new Classifier(model);
    return make(sessions, sessions.stream().map(s -> classifier.classify(s.features())).toList());
  }

  /**
   * The same, with each session's classification under the model given ({@code classified.get(i)}
   * is {@code sessions.get(i)}'s), as the fitter has it already.
   */
  Cohort make(List<SessionInput> sessions, List<Classification> classified) {
    PersonaClassifier personas = new PersonaClassifier(model);
    Map<String, List<ClassifiedSession>> byUser = new TreeMap<>();
    List<FeatureVector> everyone = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      SessionInput s = sessions.get(i);
      byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>())
          .add(new ClassifiedSession(s.features(), classified.get(i)));
      everyone.add(s.features());
    }
    int minSessions = model.personas().minSessions();
    boolean anyEstablished = byUser.values().stream().anyMatch(l -> l.size() >= minSessions);
    List<PersonaResult> established = new ArrayList<>();
    Map<Persona, List<FeatureVector>> personaSessions = new TreeMap<>();
    for (Map.Entry<String, List<ClassifiedSession>> e : byUser.entrySet()) {
      if (anyEstablished && e.getValue().size() < minSessions) {
        continue;
      }
      PersonaResult result = personas.classify(e.getKey(), e.getValue());
      established.add(result);
      e.getValue().forEach(c -> personaSessions.computeIfAbsent(result.persona(), p -> new ArrayList<>()).add(c.features()));
    }
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, double[]> personaRates = new TreeMap<>();
    Map<String, Outcomes> outcomes = new TreeMap<>();
    outcomes.put(Cohort.EVERYONE, Outcomes.of(everyone));
    for (Persona p : Persona.values()) {
      List<PersonaResult> members = established.stream().filter(r -> r.persona() == p).toList();
      counts.put(p.slug(), members.size());
      if (!members.isEmpty()) {
        double[] medians = new double[BehaviourRate.values().length];
        for (BehaviourRate r : BehaviourRate.values()) {
          medians[r.ordinal()] = Numbers.fixed(quantile(members, r, 0.5));
        }
        personaRates.put(p.slug(), medians);
        outcomes.put(p.slug(), Outcomes.of(personaSessions.get(p)));
      }
    }
    Map<String, Cohort.Spread> rates = new TreeMap<>();
    for (BehaviourRate r : BehaviourRate.values()) {
      rates.put(r.key(), new Cohort.Spread(Numbers.fixed(quantile(established, r, 0.25)),
          Numbers.fixed(quantile(established, r, 0.5)), Numbers.fixed(quantile(established, r, 0.75))));
    }
    return new Cohort(established.size(), counts, points(established), rates, personaRates, outcomes);
  }

  private static double quantile(List<PersonaResult> persons, BehaviourRate rate, double q) {
    double[] values = persons.stream().mapToDouble(p -> p.profile().rates()[rate.ordinal()]).sorted().toArray();
    return values.length == 0 ? 0 : PopulationSummarizer.quantile(values, q);
  }

  // Sorted, so the published list says nothing about who is who; evenly thinned when too long.
  private static List<double[]> points(List<PersonaResult> persons) {
    List<double[]> all = new ArrayList<>();
    persons.forEach(p -> all.add(PersonaMap.project(p.scores())));
    all.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
    if (all.size() <= MAX_POINTS) {
      return all;
    }
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < MAX_POINTS; i++) {
      kept.add(all.get((int) ((long) i * all.size() / MAX_POINTS)));
    }
    return kept;
  }
}
