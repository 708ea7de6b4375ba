package dev.personas.classify;

import java.util.List;

/**
 * Turns the evidence rules' scores into probabilities: the softmax of {@code sharpness × score}.
 * The most probable type is always the best-scoring rule's; the sharpness only says how sure to
 * be, and is fitted (maximum likelihood) on the calibration half of the real labelled corpus, so
 * a probability of 0.6 means about what it says on real sessions. Plain numbers, so a browser can
 * apply it too.
 *
 * @param sharpness multiplies every score before the softmax (at least 0)
 * @param fittedOn how many labelled sessions the sharpness was fitted on
 */
public record TypeModel(double sharpness, int fittedOn) {
  /** Upper end of the sharpness search: beyond it every probability is all but 0 or 1. */
  private static final double MAX_SHARPNESS = 50;

  public TypeModel {
    if (!(sharpness >= 0) || fittedOn < 0) {
      throw new IllegalArgumentException("sharpness and session count must not be negative");
    }
  }

  /** The probability of each type for one session's rule scores. */
  public double[] probabilities(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double[] p = new double[scores.length];
    double sum = 0;
    for (int t = 0; t < scores.length; t++) {
      p[t] = Math.exp(sharpness * (scores[t] - max));
      sum += p[t];
    }
    for (int t = 0; t < p.length; t++) {
      p[t] /= sum;
    }
    return p;
  }

  /**
   * The sharpness that makes the decided types most likely on {@code labelled} (rule scores and
   * decided type per session): a golden-section search on [0, 50], where the log-likelihood is
   * concave in the sharpness. Deterministic.
   */
  static TypeModel fit(List<double[]> scores, List<SessionType> types) {
    double lo = 0;
    double hi = MAX_SHARPNESS;
    double ratio = (Math.sqrt(5) - 1) / 2;
    double a = hi - ratio * (hi - lo);
    double b = lo + ratio * (hi - lo);
    double fa = logLikelihood(a, scores, types);
    double fb = logLikelihood(b, scores, types);
    for (int i = 0; i < 80; i++) {
      if (fa < fb) {
        lo = a;
        a = b;
        fa = fb;
        b = lo + ratio * (hi - lo);
        fb = logLikelihood(b, scores, types);
      } else {
        hi = b;
        b = a;
        fb = fa;
        a = hi - ratio * (hi - lo);
        fa = logLikelihood(a, scores, types);
      }
    }
    return new TypeModel(Numbers.fixed((lo + hi) / 2), scores.size());
  }

  private static double logLikelihood(double sharpness, List<double[]> scores, List<SessionType> types) {
    TypeModel model = new TypeModel(sharpness, 0);
    double sum = 0;
    for (int i = 0; i < scores.size(); i++) {
      sum += Math.log(Math.max(1e-300, model.probabilities(scores.get(i))[types.get(i).ordinal()]));
    }
    return sum;
  }
}
