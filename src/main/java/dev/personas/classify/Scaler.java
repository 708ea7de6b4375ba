package dev.personas.classify;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.util.List;
import java.util.Objects;

/**
 * Turns raw features into z-scores with the dataset's own statistics: transform each feature
 * ({@link FeatureTransform}), subtract the dataset mean, divide by the dataset standard
 * deviation. Mean and sd (not median and IQR) because most count features are zero for more
 * than half the sessions, which makes the IQR zero and the median uninformative. Used to say how
 * far a type's sessions sit from the population (type pages) and for the silhouettes; the type
 * classifier itself reads raw features.
 *
 * @param transforms one transform per feature, in {@link Feature} order
 * @param centres mean of each transformed feature
 * @param scales standard deviation of each transformed feature (1 where it is 0)
 * @param zLimit z-scores are clipped to ±this (written into the model so every consumer clips
 *     alike)
 */
public record Scaler(
    List<FeatureTransform> transforms, double[] centres, double[] scales, double zLimit) {
  /**
   * z-scores are clipped to ±this: real logs reach far outside any training sample (a week-long
   * session, ten million tokens), and one such session must not dominate a type's mean distance.
   */
  public static final double Z_LIMIT = 6.0;

  public Scaler {
    if (!(zLimit > 0)) {
      throw new IllegalArgumentException("the z-score limit must be positive");
    }
    transforms = List.copyOf(transforms);
    int p = Feature.values().length;
    if (transforms.size() != p || centres.length != p || scales.length != p) {
      throw new IllegalArgumentException("a scaler needs " + p + " transforms, centres and scales");
    }
    for (double s : scales) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("scales must be positive");
      }
    }
    centres = centres.clone();
    scales = scales.clone();
  }

  /** Fits transforms, centres and scales on a dataset of feature vectors. */
  public static Scaler fit(List<FeatureVector> vectors) {
    Objects.requireNonNull(vectors, "vectors");
    requireSessions(vectors.size());
    // Feature by feature through one buffer: a refit on hundreds of thousands of sessions keeps
    // no transformed row per session.
    FeatureTransform[] transforms = featureTransforms();
    Feature[] features = Feature.values();
    int n = vectors.size();
    double[] means = new double[features.length];
    double[] squares = new double[features.length];
    double[] column = new double[n];
    for (Feature f : features) {
      int k = f.ordinal();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        column[i] = transforms[k].apply(vectors.get(i).get(f));
        sum += column[i];
      }
      means[k] = sum / n;
      for (double x : column) {
        double d = x - means[k];
        squares[k] += d * d;
      }
    }
    return of(means, squares, n);
  }

  /**
   * The same fit from each session's features already through their transforms ({@link
   * #transform}), one row per session: a bootstrap refits on the same sessions fifty times, and
   * transforming each once gives the same numbers.
   */
  static Scaler fitTransformed(List<double[]> rows) {
    Objects.requireNonNull(rows, "rows");
    requireSessions(rows.size());
    // The same sums, added in the same order per feature, with the rows walked once per pass
    // rather than once per feature.
    int n = rows.size();
    int features = Feature.values().length;
    double[] sums = new double[features];
    for (double[] row : rows) {
      for (int f = 0; f < features; f++) {
        sums[f] += row[f];
      }
    }
    double[] means = new double[features];
    for (int f = 0; f < features; f++) {
      means[f] = sums[f] / n;
    }
    double[] squares = new double[features];
    for (double[] row : rows) {
      for (int f = 0; f < features; f++) {
        double d = row[f] - means[f];
        squares[f] += d * d;
      }
    }
    return of(means, squares, n);
  }

  private static void requireSessions(int sessions) {
    if (sessions == 0) {
      throw new IllegalArgumentException("cannot fit a scaler on no sessions");
    }
  }

  /** The scaler of these means and sums of squared deviations over {@code n} sessions. */
  private static Scaler of(double[] means, double[] squares, int n) {
    double[] centres = new double[means.length];
    double[] scales = new double[means.length];
    for (int f = 0; f < means.length; f++) {
      double sd = Math.sqrt(squares[f] / n);
      centres[f] = Numbers.fixed(means[f]);
      scales[f] = sd > 1e-9 ? Numbers.fixed(sd) : 1.0;
    }
    return new Scaler(List.of(featureTransforms()), centres, scales, Z_LIMIT);
  }

  /** A session's features through their transforms, in {@link Feature} order. */
  static double[] transform(FeatureVector vector) {
    return transform(vector, featureTransforms());
  }

  private static double[] transform(FeatureVector vector, FeatureTransform[] transforms) {
    Feature[] features = Feature.values();
    double[] row = new double[transforms.length];
    for (int f = 0; f < row.length; f++) {
      row[f] = transforms[f].apply(vector.get(features[f]));
    }
    return row;
  }

  private static FeatureTransform[] featureTransforms() {
    Feature[] features = Feature.values();
    FeatureTransform[] transforms = new FeatureTransform[features.length];
    for (Feature f : features) {
      transforms[f.ordinal()] = FeatureTransform.of(f);
    }
    return transforms;
  }

  /** The z-scores of one session's features. */
  public double[] standardize(FeatureVector vector) {
    double[] z = new double[centres.length];
    for (Feature f : Feature.values()) {
      int i = f.ordinal();
      double raw = (transforms.get(i).apply(vector.get(f)) - centres[i]) / scales[i];
      z[i] = Math.max(-zLimit, Math.min(zLimit, raw));
    }
    return z;
  }

  @Override
  public double[] centres() {
    return centres.clone();
  }

  @Override
  public double[] scales() {
    return scales.clone();
  }
}
