package dev.personas.classify;

/**
 * The persona map: a person's seven persona scores (posterior probabilities) drawn as one point
 * in the plane. The six personas with a pattern sit on the corners of a regular hexagon of
 * radius 1 in {@link Persona} order, the first at the top and the rest clockwise (corner k at
 * angle 90° − 60°·k); the Multi-Mode Journeyman, who has no dominant pattern, sits at the
 * centre. A person's point is the score-weighted mean of the corners (scores sum to 1), so
 * each persona pulls the point towards its corner by its score: a decisive fit lies near a
 * corner, a split between two personas on the line between them, no pattern near the centre.
 */
public final class PersonaMap {
  private PersonaMap() {}

  /** The corner of a persona: x right, y up. */
  public static double[] anchor(Persona persona) {
    if (persona == Persona.MULTI_MODE_JOURNEYMAN) {
      return new double[] {0, 0};
    }
    double angle = Math.toRadians(90 - 60 * persona.ordinal());
    return new double[] {round(Math.cos(angle)), round(Math.sin(angle))};
  }

  /** The point of one set of scores, one per {@link Persona} in declaration order. */
  public static double[] project(double[] scores) {
    if (scores.length != Persona.values().length) {
      throw new IllegalArgumentException("one score per persona expected, got " + scores.length);
    }
    double total = 0;
    for (double s : scores) {
      total += s;
    }
    double x = 0;
    double y = 0;
    for (Persona p : Persona.values()) {
      double[] corner = anchor(p);
      x += scores[p.ordinal()] / total * corner[0];
      y += scores[p.ordinal()] / total * corner[1];
    }
    return new double[] {round(x), round(y)};
  }

  /** Three decimals: a map is drawn, not measured, and coarse points keep model.json small. */
  static double round(double v) {
    double r = Math.round(v * 1000) / 1000.0;
    return r == 0 ? 0 : r; // no "-0" in the published files
  }
}
