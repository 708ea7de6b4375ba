package dev.personas.classify;

/**
 * The fitted multinomial logistic regression over standardized features: one weight row and
 * intercept per {@link SessionType}; a session's probabilities are the softmax of
 * {@code weights[t] · z + intercepts[t]}. Plain numbers, so a browser can apply it too.
 *
 * @param weights [type][feature] weights, types in {@link SessionType} order
 * @param intercepts one intercept per type
 * @param lambda the L2 penalty the weights were fitted with
 */
public record TypeModel(double[][] weights, double[] intercepts, double lambda) {

  public TypeModel {
    int k = SessionType.values().length;
    if (weights.length != k || intercepts.length != k) {
      throw new IllegalArgumentException("a type model needs " + k + " weight rows and intercepts");
    }
    double[][] copy = new double[k][];
    for (int i = 0; i < k; i++) {
      copy[i] = weights[i].clone();
    }
    weights = copy;
    intercepts = intercepts.clone();
  }

  /** The probability of each type for one session's z-scores. */
  public double[] probabilities(double[] z) {
    int k = intercepts.length;
    double[] logits = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < k; t++) {
      double s = intercepts[t];
      double[] w = weights[t];
      for (int j = 0; j < w.length; j++) {
        s += w[j] * z[j];
      }
      logits[t] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int t = 0; t < k; t++) {
      logits[t] = Math.exp(logits[t] - max);
      sum += logits[t];
    }
    for (int t = 0; t < k; t++) {
      logits[t] /= sum;
    }
    return logits;
  }

  @Override
  public double[][] weights() {
    double[][] copy = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      copy[i] = weights[i].clone();
    }
    return copy;
  }

  @Override
  public double[] intercepts() {
    return intercepts.clone();
  }
}
