package dev.personas.site.figures;

/**
 * Stability of the personas under resampling (the session types', decided from each session's
 * own counts, is 1 by construction).
 *
 * @param resamples bootstrap resamples drawn
 * @param meanAri mean adjusted Rand index of the personas against the full-data personas
 * @param minAri lowest such index seen
 */
public record Bootstrap(int resamples, double meanAri, double minAri) {

  public Bootstrap {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples is at least 1, got " + resamples);
    }
    // The adjusted Rand index lies in [-1, 1] (negative: worse than chance).
    if (!(minAri >= -1 && minAri <= meanAri && meanAri <= 1)) {
      throw new IllegalArgumentException("Need -1 <= minAri <= meanAri <= 1, got " + minAri + ", " + meanAri);
    }
  }
}
