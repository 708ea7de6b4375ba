package dev.personas.site.figures;

import dev.personas.classify.SessionType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the build found about one session type.
 *
 * @param type the session type
 * @param sessions sessions of this type
 * @param share their share of all sessions
 * @param distinctive the features that set the type apart, most distinctive first (up to about six)
 * @param quartiles the spread of a handful of features among sessions of this type
 * @param endings how these sessions end; absent when there are none
 * @param nextType among sessions of this type that the same person followed with another
 *     session, the share whose next session had each type; empty when there were none, else
 *     adding up to 1
 * @param representative the timeline of one representative session; absent when there are none
 */
public record TypeFigures(
    SessionType type,
    int sessions,
    double share,
    List<DistinctiveFeature> distinctive,
    List<Quartiles> quartiles,
    Optional<Endings> endings,
    Map<SessionType, Double> nextType,
    Optional<Timeline> representative) {

  public TypeFigures {
    Objects.requireNonNull(type, "type");
    Check.count(sessions, "sessions");
    Check.share(share, "share");
    distinctive = List.copyOf(distinctive);
    quartiles = List.copyOf(quartiles);
    Objects.requireNonNull(endings, "endings");
    nextType = Check.typeShares(nextType, "nextType of " + type.slug());
    if (!nextType.isEmpty()) {
      Check.sumsToOne(nextType.values(), "nextType of " + type.slug());
    }
    Objects.requireNonNull(representative, "representative");
    if (sessions == 0 && (endings.isPresent() || representative.isPresent() || !distinctive.isEmpty())) {
      throw new IllegalArgumentException("A type without sessions (" + type.slug() + ") has no endings, timeline or distinctive features");
    }
  }
}
