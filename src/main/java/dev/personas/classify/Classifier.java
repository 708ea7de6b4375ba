package dev.personas.classify;

import dev.personas.features.FeatureVector;

/** Gives one session its type under a fitted {@link Model}; never refits anything. */
public final class Classifier {
  private final TypeRules rules;
  private final TypeModel types;

  public Classifier(Model model) {
    this(model.rules(), model.types());
  }

  /** The classifier of every model with these rules and this sharpness. */
  Classifier(RuleThresholds rules, TypeModel types) {
    this.rules = new TypeRules(rules);
    this.types = types;
  }

  /** The type of one session, its probability, the runner-up and every type's probability. */
  public Classification classify(FeatureVector features) {
    return ofScores(features.sessionId(), rules.scores(features));
  }

  /** The classification of a session whose rule scores were already worked out. */
  Classification ofScores(String sessionId, double[] scores) {
    return Classification.of(sessionId, types.probabilities(scores));
  }
}
