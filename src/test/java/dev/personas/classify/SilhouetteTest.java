package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SilhouetteTest {
  @Test
  void twoTightFarApartClustersHaveASilhouetteNearOne() {
    double[][] points = {{0, 0}, {0, 1}, {100, 0}, {100, 1}};
    double[] means = Silhouette.perLabel(points, new int[] {0, 0, 1, 1}, 3);
    assertEquals(0.99, means[0], 0.01);
    assertEquals(0.99, means[1], 0.01);
    assertTrue(Double.isNaN(means[2]), "a label without points has no silhouette");
  }

  @Test
  void eachDistanceComputedOnceGivesTheBitsOfComputingBothDirections() {
    SplittableRandom random = new SplittableRandom(2026);
    for (int round = 0; round < 20; round++) {
      int n = 2 + random.nextInt(120);
      int k = 1 + random.nextInt(6);
      double[][] points = new double[n][33];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < points[i].length; d++) {
          points[i][d] = random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4));
        }
        labels[i] = random.nextInt(k);
      }
      double[] expected = bothDirections(points, labels, k);
      double[] actual = Silhouette.perLabel(points, labels, k);
      assertArrayEquals(bits(expected), bits(actual), "round " + round);
    }
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  /** The definition, computing the distance from i to j and from j to i separately. */
  private static double[] bothDirections(double[][] points, int[] labels, int k) {
    int n = points.length;
    int[] sizes = new int[k];
    for (int l : labels) {
      sizes[l]++;
    }
    double[] sums = new double[k];
    for (int i = 0; i < n; i++) {
      double[] toLabel = new double[k];
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double s = 0;
          for (int d = 0; d < points[i].length; d++) {
            double diff = points[i][d] - points[j][d];
            s += diff * diff;
          }
          toLabel[labels[j]] += Math.sqrt(s);
        }
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
      sums[own] += Double.isInfinite(b) ? 0 : (b - a) / Math.max(a, b);
    }
    double[] means = new double[k];
    for (int l = 0; l < k; l++) {
      means[l] = sizes[l] < 2 ? Double.NaN : sums[l] / sizes[l];
    }
    return means;
  }
}
