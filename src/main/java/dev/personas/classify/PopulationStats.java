package dev.personas.classify;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The population figures the pages need, computed once per build from the labelled dataset.
 *
 * @param sessions sessions in the dataset
 * @param persons persons in the dataset
 * @param establishedPersons persons with enough sessions for a firm persona
 * @param typeShares type slug → share of sessions
 * @param personaShares persona slug → share of established persons
 * @param population feature key → quartiles over all sessions, raw units
 * @param types type slug → profile of its sessions
 * @param personas persona slug → profile of the sessions of its established persons
 * @param transitions consecutive types within a person's sessions, ordered by start
 */
public record PopulationStats(
    int sessions,
    int persons,
    int establishedPersons,
    Map<String, Double> typeShares,
    Map<String, Double> personaShares,
    Map<String, Quartiles> population,
    Map<String, GroupProfile> types,
    Map<String, GroupProfile> personas,
    Transitions transitions) {

  public PopulationStats {
    typeShares = sorted(typeShares);
    personaShares = sorted(personaShares);
    population = sorted(population);
    types = sorted(types);
    personas = sorted(personas);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /** First quartile, median and third quartile of a feature, raw units. */
  public record Quartiles(double q1, double median, double q3) {}

  /**
   * How one type's (or persona's) sessions differ from the population.
   *
   * @param count sessions (for a type) or persons (for a persona) in the group
   * @param sessions sessions in the group
   * @param features feature key → quartiles within the group, raw units
   * @param distinctive the features farthest from the population, largest first
   */
  public record GroupProfile(
      int count, int sessions, Map<String, Quartiles> features, List<Distinctive> distinctive) {
    public GroupProfile {
      features = sorted(features);
      distinctive = List.copyOf(distinctive);
    }
  }

  /**
   * "This feature, this far from the population": the group's mean z-score of a feature (the
   * population's mean z-score is 0 by construction).
   */
  public record Distinctive(String feature, double meanZ) {}

  /**
   * @param labels type slugs, row and column order
   * @param counts [from][to] counts of consecutive sessions of one person
   * @param shares each row of counts divided by its sum (0 for an empty row)
   */
  public record Transitions(List<String> labels, int[][] counts, double[][] shares) {
    public Transitions {
      labels = List.copyOf(labels);
    }
  }
}
