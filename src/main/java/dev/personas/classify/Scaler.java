package dev.personas.classify;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.util.ArrayList;
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
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("cannot fit a scaler on no sessions");
    }
    Feature[] features = Feature.values();
    List<FeatureTransform> transforms = new ArrayList<>();
    double[] centres = new double[features.length];
    double[] scales = new double[features.length];
    double[] transformed = new double[vectors.size()];
    for (Feature f : features) {
      FeatureTransform t = FeatureTransform.of(f);
      transforms.add(t);
      double sum = 0;
      for (int i = 0; i < transformed.length; i++) {
        transformed[i] = t.apply(vectors.get(i).get(f));
        sum += transformed[i];
      }
      double mean = sum / vectors.size();
      double squares = 0;
      for (double x : transformed) {
        double d = x - mean;
        squares += d * d;
      }
      double sd = Math.sqrt(squares / vectors.size());
      centres[f.ordinal()] = Numbers.fixed(mean);
      scales[f.ordinal()] = sd > 1e-9 ? Numbers.fixed(sd) : 1.0;
    }
    return new Scaler(transforms, centres, scales, Z_LIMIT);
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
