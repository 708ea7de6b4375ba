package dev.personas.study;

import dev.personas.classify.Model;
import dev.personas.classify.PersonaResult;
import dev.personas.load.ReadReport;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sessions read from logs and classified against a population model, with each person's
 * persona.
 *
 * @param model the population model used (never refit on these sessions)
 * @param sessions the classified sessions, in start order (undated last, then by id)
 * @param persons each person's persona, by user id, in id order (classify prints them so)
 * @param report what was read and skipped
 */
public record LogsClassification(
    Model model,
    List<ClassifiedLog> sessions,
    Map<String, PersonaResult> persons,
    ReadReport report) {

  public LogsClassification {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(report, "report");
    sessions = List.copyOf(sessions);
    // Map.copyOf iterates in an order that changes from run to run: the output would too.
    persons = Collections.unmodifiableMap(new TreeMap<>(persons));
  }
}
