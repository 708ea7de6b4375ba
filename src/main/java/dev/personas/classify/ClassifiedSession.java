package dev.personas.classify;

import dev.personas.features.FeatureVector;
import java.util.Objects;

/**
 * A session's features together with its type, the unit a person's persona is built from.
 *
 * @param features the session's features
 * @param classification its type under the model
 */
public record ClassifiedSession(FeatureVector features, Classification classification) {

  public ClassifiedSession {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(classification, "classification");
    if (!features.sessionId().equals(classification.sessionId())) {
      throw new IllegalArgumentException("features of " + features.sessionId()
          + " paired with the classification of " + classification.sessionId());
    }
  }
}
