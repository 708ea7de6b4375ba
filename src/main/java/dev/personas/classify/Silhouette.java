package dev.personas.classify;

import java.util.Arrays;

/** Mean silhouette per label of points under Euclidean distance. */
final class Silhouette {
  private Silhouette() {}

  /**
   * One mean silhouette per label {@code 0..k-1}; NaN for a label with fewer than two points.
   * Quadratic in the number of points: callers subsample large sets.
   */
  static double[] perLabel(double[][] points, int[] labels, int k) {
    int n = points.length;
    int[] sizes = new int[k];
    for (int l : labels) {
      sizes[l]++;
    }
    // Each distance is computed once, for j < i: x - y squared is y - x squared to the last
    // bit, so the sums below are the ones computing both directions gives.
    double[][] below = new double[n][];
    for (int i = 0; i < n; i++) {
      below[i] = new double[i];
      for (int j = 0; j < i; j++) {
        below[i][j] = distance(points[i], points[j]);
      }
    }
    double[] sums = new double[k];
    double[] toLabel = new double[k];
    for (int i = 0; i < n; i++) {
      Arrays.fill(toLabel, 0);
      for (int j = 0; j < i; j++) {
        toLabel[labels[j]] += below[i][j];
      }
      for (int j = i + 1; j < n; j++) {
        toLabel[labels[j]] += below[j][i];
      }
      int own = labels[i];
      if (sizes[own] < 2) {
        continue;
      }
      double a = toLabel[own] / (sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int l = 0; l < k; l++) {
        if (l != own && sizes[l] > 0) {
          b = Math.min(b, toLabel[l] / sizes[l]);
        }
      }
      double s = Double.isInfinite(b) ? 0 : (b - a) / Math.max(a, b);
      sums[own] += s;
    }
    double[] means = new double[k];
    for (int l = 0; l < k; l++) {
      means[l] = sizes[l] < 2 ? Double.NaN : sums[l] / sizes[l];
    }
    return means;
  }

  private static double distance(double[] x, double[] y) {
    double s = 0;
    for (int d = 0; d < x.length; d++) {
      double diff = x[d] - y[d];
      s += diff * diff;
    }
    return Math.sqrt(s);
  }
}
