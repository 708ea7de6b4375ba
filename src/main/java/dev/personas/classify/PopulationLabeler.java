package dev.personas.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Classifies every session of a dataset and then every person in it, under one model. */
public final class PopulationLabeler {
  private final Classifier sessions;
  private final PersonaClassifier persons;

  public PopulationLabeler(Model model) {
    this.sessions = new Classifier(model);
    this.persons = new PersonaClassifier(model);
  }

  /** The type of each session and the persona of each person. */
  public Labels label(List<SessionInput> input) {
    return label(input, input.stream().map(s -> sessions.classify(s.features())).toList());
  }

  /**
   * The same, with each session's classification under the model given ({@code
   * classified.get(i)} is {@code input.get(i)}'s), as the fit has it already.
   */
  public Labels label(List<SessionInput> input, List<Classification> classified) {
    Map<String, Classification> types = new TreeMap<>();
    Map<String, List<ClassifiedSession>> byUser = new TreeMap<>();
    for (int i = 0; i < input.size(); i++) {
      SessionInput s = input.get(i);
      Classification c = classified.get(i);
      types.put(s.sessionId(), c);
      byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>())
          .add(new ClassifiedSession(s.features(), c));
    }
    Map<String, PersonaResult> personas = new TreeMap<>();
    byUser.forEach((user, list) -> personas.put(user, persons.classify(user, list)));
    return new Labels(types, personas);
  }
}
