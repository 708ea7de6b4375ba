package dev.personas.site.figures;

import dev.personas.classify.SessionType;
import java.util.Map;

/**
 * How a set of sessions splits over the seven session types.
 *
 * @param shares the share of each type, every type present, adding up to 1
 */
public record TypeMix(Map<SessionType, Double> shares) {

  public TypeMix {
    shares = Check.typeShares(shares, "type mix");
    if (shares.size() != SessionType.values().length) {
      throw new IllegalArgumentException("A type mix gives a share for all seven types, got " + shares.keySet());
    }
    Check.sumsToOne(shares.values(), "type mix");
  }

  /** The share of one type. */
  public double share(SessionType type) {
    return shares.get(type);
  }
}
