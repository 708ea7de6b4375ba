package dev.personas.classify;

/**
 * Bootstrap stability: the whole pipeline refitted on resamples of the sessions, each refit
 * labelling the full dataset, compared with the full-data labels by the adjusted Rand index.
 *
 * @param resamples number of resamples
 * @param seed the seed that drew them
 * @param target the mean ARI the method page promises for session types
 * @param typesMeanAri mean ARI of session types
 * @param typesMinAri lowest ARI of session types
 * @param personasMeanAri mean ARI of personas (persons with enough sessions)
 * @param personasMinAri lowest ARI of personas
 * @param typesAri ARI of session types per resample, in draw order
 */
public record Stability(
    int resamples, long seed, double target, double typesMeanAri, double typesMinAri,
    double personasMeanAri, double personasMinAri, double[] typesAri) {

  public Stability {
    typesAri = typesAri.clone();
  }

  @Override
  public double[] typesAri() {
    return typesAri.clone();
  }
}
