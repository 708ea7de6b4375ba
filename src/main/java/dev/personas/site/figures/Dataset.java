package dev.personas.site.figures;

import java.util.List;
import java.util.Objects;

/**
 * What the build read.
 *
 * @param label what the data is, for readers: "bundled synthetic sample" or the dataset folder's name
 * @param sample true for the bundled synthetic sample (its figures are illustrative)
 * @param sessions sessions analysed
 * @param persons distinct people among them
 * @param repos distinct repositories among them
 * @param skippedLines lines, files or values that could not be read as written (skipped, or read as absent)
 * @param classifiedPersons people with enough sessions to be given a persona
 * @param minSessionsPerPerson the fewest sessions a person needs to be given a persona
 * @param groundTruth whether the data carries planted or labelled truth (recovery can be measured)
 * @param leftOut sessions left out on purpose, one line each ("87 sessions of …")
 * @param notes sentences on how the data was read that a reader must know (people grouped by
 *     repository when the dataset names no user, …)
 */
public record Dataset(
    String label,
    boolean sample,
    int sessions,
    int persons,
    int repos,
    int skippedLines,
    int classifiedPersons,
    int minSessionsPerPerson,
    boolean groundTruth,
    List<String> leftOut,
    List<String> notes) {

  public Dataset {
    Objects.requireNonNull(label, "label");
    leftOut = List.copyOf(leftOut);
    notes = List.copyOf(notes);
    if (label.isBlank()) {
      throw new IllegalArgumentException("A dataset needs a label");
    }
    Check.count(sessions, "sessions");
    Check.count(persons, "persons");
    Check.count(repos, "repos");
    Check.count(skippedLines, "skippedLines");
    Check.count(classifiedPersons, "classifiedPersons");
    if (classifiedPersons > persons) {
      throw new IllegalArgumentException("classifiedPersons (" + classifiedPersons + ") exceeds persons (" + persons + ")");
    }
    if (persons > sessions) {
      throw new IllegalArgumentException("persons (" + persons + ") exceeds sessions (" + sessions + ")");
    }
    if (minSessionsPerPerson < 1) {
      throw new IllegalArgumentException("minSessionsPerPerson is at least 1, got " + minSessionsPerPerson);
    }
  }
}
