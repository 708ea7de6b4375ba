package dev.personas.classify;

import dev.personas.features.FeatureVector;
import java.time.Instant;
import java.util.Objects;

/**
 * One session as the classifier sees it: its features, the person it belongs to and when it
 * started (to order a person's sessions for type transitions).
 *
 * @param sessionId the session's id; must equal {@code features.sessionId()}
 * @param userId the person the session belongs to
 * @param start first timestamp of the session, or null when the log has none
 * @param features the session's feature vector
 */
public record SessionInput(String sessionId, String userId, Instant start, FeatureVector features) {

  public SessionInput {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(features, "features");
    if (!sessionId.equals(features.sessionId())) {
      throw new IllegalArgumentException(
          "session id " + sessionId + " differs from its features' id " + features.sessionId());
    }
  }
}
