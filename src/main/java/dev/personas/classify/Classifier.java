package dev.personas.classify;

import dev.personas.features.FeatureVector;

/** Gives one session its type under a fitted {@link Model}; never refits anything. */
public final class Classifier {
  private final TypeRules rules;
  private final TypeModel types;

  public Classifier(Model model) {
    this.rules = new TypeRules(model.rules());
    this.types = model.types();
  }

  /** The type of one session, its probability, the runner-up and every type's probability. */
  public Classification classify(FeatureVector features) {
    return Classification.of(features.sessionId(), types.probabilities(rules.scores(features)));
  }
}
