package dev.personas.classify;

import java.util.List;

/**
 * Turns the evidence rules' scores into probabilities: the softmax of {@code sharpness × score}.
 * The most probable type is always the best-scoring rule's; the sharpness only says how sure to
 * be, and is fitted (maximum likelihood) on the calibration half of the real labelled corpus, so
 * a probability of 0.6 means about what it says on the sessions the rules were set on; on people
 * held out as a whole the middle of the range promises more than it keeps (the method page
 * reports both). Plain numbers, so a browser can apply it too.
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
    Shifted shifted = Shifted.of(scores, types);
    double fa = logLikelihood(a, shifted);
    double fb = logLikelihood(b, shifted);
    for (int i = 0; i < 80; i++) {
      if (fa < fb) {
        lo = a;
        a = b;
        fa = fb;
        b = lo + ratio * (hi - lo);
        fb = logLikelihood(b, shifted);
      } else {
        hi = b;
        b = a;
        fb = fa;
        a = hi - ratio * (hi - lo);
        fa = logLikelihood(a, shifted);
      }
    }
    return new TypeModel(Numbers.fixed((lo + hi) / 2), scores.size());
  }

  /**
   * The log-likelihood of the decided types at {@code sharpness}, as {@link #probabilities} would
   * give it session by session, operation for operation (the same value to the last bit), from
   * the scores less each session's best, laid out once per fit: the search evaluates it some 80
   * times per fit, and the corpus check fits once per person left out.
   */
  private static double logLikelihood(double sharpness, Shifted shifted) {
    double[] gaps = shifted.gaps();
    int[] decided = shifted.decided();
    int k = shifted.types();
    double sum = 0;
    for (int i = 0; i < decided.length; i++) {
      int row = i * k;
      double total = 0;
      for (int t = 0; t < k; t++) {
        total += Math.exp(sharpness * gaps[row + t]);
      }
      sum += Math.log(Math.max(1e-300, Math.exp(sharpness * gaps[row + decided[i]]) / total));
    }
    return sum;
  }

  /** Each session's scores less its best score, row by row, and the index of its decided type. */
  private record Shifted(double[] gaps, int[] decided, int types) {
    static Shifted of(List<double[]> scores, List<SessionType> types) {
      int k = SessionType.values().length;
      double[] gaps = new double[scores.size() * k];
      int[] decided = new int[scores.size()];
      for (int i = 0; i < decided.length; i++) {
        double[] row = scores.get(i);
        if (row.length != k) {
          throw new IllegalArgumentException("a score per session type is needed");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : row) {
          max = Math.max(max, s);
        }
        for (int t = 0; t < k; t++) {
          gaps[i * k + t] = row[t] - max;
        }
        decided[i] = types.get(i).ordinal();
      }
      return new Shifted(gaps, decided, k);
    }
  }
}
