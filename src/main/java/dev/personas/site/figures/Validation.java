package dev.personas.site.figures;

import dev.personas.classify.SessionType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The classifier's validation figures. The targets are the project's (issue 4), not data.
 *
 * @param typeRecovery share of sessions whose known type was recovered; absent without ground truth
 * @param personaRecovery share of people whose known persona was recovered; absent without ground truth
 * @param typeConfusion true against predicted session types; absent without ground truth
 * @param personaConfusion true against predicted personas; absent without ground truth
 * @param bootstrap stability under resampling; absent when the model was not fitted on this dataset
 * @param silhouette mean silhouette of each session type's sessions, in [-1, 1]
 * @param decisivePersonShare share of classified people whose persona was decisive, not provisional
 * @param real the method against blind readers on real sessions
 */
public record Validation(
    Optional<Double> typeRecovery,
    Optional<Double> personaRecovery,
    Optional<ConfusionMatrix> typeConfusion,
    Optional<ConfusionMatrix> personaConfusion,
    Optional<Bootstrap> bootstrap,
    Map<SessionType, Double> silhouette,
    double decisivePersonShare,
    RealAgreement real) {

  /** Target for session-type recovery on planted truth. */
  public static final double TYPE_RECOVERY_TARGET = 0.90;
  /** Target for persona recovery on planted truth. */
  public static final double PERSONA_RECOVERY_TARGET = 0.85;
  /** Target for the mean adjusted Rand index across bootstrap resamples. */
  public static final double MEAN_ARI_TARGET = 0.80;

  public Validation {
    Objects.requireNonNull(typeRecovery, "typeRecovery").ifPresent(v -> Check.share(v, "typeRecovery"));
    Objects.requireNonNull(personaRecovery, "personaRecovery").ifPresent(v -> Check.share(v, "personaRecovery"));
    Objects.requireNonNull(typeConfusion, "typeConfusion");
    Objects.requireNonNull(personaConfusion, "personaConfusion");
    Objects.requireNonNull(bootstrap, "bootstrap");
    java.util.EnumMap<SessionType, Double> copy = new java.util.EnumMap<>(SessionType.class);
    silhouette.forEach((type, s) -> {
      if (!(s >= -1 && s <= 1)) {
        throw new IllegalArgumentException("A silhouette lies in [-1, 1]; " + type.slug() + " has " + s);
      }
      copy.put(type, s);
    });
    silhouette = java.util.Collections.unmodifiableMap(copy);
    Check.share(decisivePersonShare, "decisivePersonShare");
    Objects.requireNonNull(real, "real");
  }
}
