package dev.personas.study;

import dev.personas.classify.Classification;
import dev.personas.features.FeatureVector;
import dev.personas.features.Timeline;
import java.time.Instant;
import java.util.Objects;

/**
 * One session of someone's own logs, classified against the population model. Carries no text:
 * only ids, times, numbers and labels.
 *
 * @param sessionId the session's id
 * @param userId the person ("local" for one's own logs)
 * @param project the project or repository the session ran in ("" when unknown); private: pages
 *     show it only when asked
 * @param start first timestamp, or null
 * @param features the session's features
 * @param classification its type, probability and runner-up
 * @param timeline its text-free timeline
 */
public record ClassifiedLog(
    String sessionId,
    String userId,
    String project,
    Instant start,
    FeatureVector features,
    Classification classification,
    Timeline timeline) {

  public ClassifiedLog {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(timeline, "timeline");
  }
}
