package dev.personas.classify;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers the build computes about its own model, written to {@code validation.json} and
 * drawn on the method page.
 *
 * @param modelVersion the model version validated
 * @param datasetFingerprint fingerprint of the dataset the model was fitted on
 * @param sessions sessions in the dataset
 * @param persons persons in the dataset
 * @param typeRecovery planted session types recovered
 * @param personaRecovery planted personas recovered (persons with enough sessions)
 * @param real the method and the readers on the real labelled corpus (the measure of the method)
 * @param stability bootstrap stability; null when the model was not fitted on these sessions
 *     (too few: nothing was refitted)
 * @param silhouette mean silhouette per type slug on standardized features (null below 2
 *     sessions); empty when the model was not fitted on these sessions
 * @param silhouetteSample sessions the silhouettes were computed on (0: none)
 * @param decisivePersonShare share of persons with enough sessions whose persona fitted
 *     decisively (posterior and lead over the runner-up above the model's thresholds)
 * @param provisionalPersons persons with too few sessions for a firm persona
 */
public record Validation(
    int modelVersion,
    String datasetFingerprint,
    int sessions,
    int persons,
    Recovery typeRecovery,
    Recovery personaRecovery,
    CorpusAgreement real,
    Stability stability,
    Map<String, Double> silhouette,
    int silhouetteSample,
    double decisivePersonShare,
    int provisionalPersons) {

  public Validation {
    silhouette = Collections.unmodifiableMap(new TreeMap<>(silhouette));
  }
}
