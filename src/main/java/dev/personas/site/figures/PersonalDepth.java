package dev.personas.site.figures;

import java.util.List;
import java.util.Objects;

/**
 * The deeper half of the personal page, already computed from the person's sessions, the
 * model and the population's published numbers (see dev.personas.me.DepthAnalyzer for how):
 * where the person sits among the seven personas, their shadow persona and what separates the
 * two, their three defining traits, how their sessions end, two moves to borrow and, with over
 * four weeks of logs, the month-by-month trend. Numbers and keys only: the page finds the
 * authored words in content/.
 *
 * @param map the persona map: the person's point and the population's
 * @param fit how sharp the persona fit is
 * @param shadow the runner-up persona and the one axis that separates it from the persona
 * @param measures every behaviour rate: the person's, the persona's, everyone's
 * @param traits the three defining traits: two strengths, then one contrast
 * @param outcomes how sessions end, for the person, the persona and everyone
 * @param moves up to two moves to borrow, each from another persona
 * @param trend one entry per calendar month from the first to the last dated session, empty
 *     unless they are more than 28 days apart
 */
public record PersonalDepth(
    MapPlot map,
    Fit fit,
    Shadow shadow,
    List<Measure> measures,
    List<Trait> traits,
    OutcomeRow outcomes,
    List<Move> moves,
    List<Month> trend) {

  public PersonalDepth {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(shadow, "shadow");
    measures = List.copyOf(measures);
    traits = List.copyOf(traits);
    Objects.requireNonNull(outcomes, "outcomes");
    moves = List.copyOf(moves);
    trend = List.copyOf(trend);
  }

  /**
   * @param you the person's point [x, y] (dev.personas.classify.PersonaMap)
   * @param scores the person's score per persona, in its declaration order: what places the point
   * @param population the population's established persons' points, from the model's cohort
   */
  public record MapPlot(double[] you, List<Double> scores, List<double[]> population) {
    public MapPlot {
      you = you.clone();
      scores = List.copyOf(scores);
      population = population.stream().map(double[]::clone).toList();
    }

    @Override
    public double[] you() {
      return you.clone();
    }
  }

  /**
   * @param word "decisive", "typical" or "borderline"
   * @param best the persona with the highest score (slug)
   * @param bestScore its score
   * @param second the persona with the second-highest score (slug)
   * @param secondScore its score
   */
  public record Fit(String word, String best, double bestScore, String second, double secondScore) {
    public Fit {
      if (!List.of("decisive", "typical", "borderline").contains(word)) {
        throw new IllegalArgumentException("unknown fit: " + word);
      }
    }
  }

  /**
   * @param persona the shadow persona (slug): the runner-up
   * @param score its score
   * @param personaScore the person's own persona's score
   * @param axis what separates the two most for this person
   */
  public record Shadow(String persona, double score, double personaScore, Axis axis) {}

  /**
   * The one term of the model's score difference between the persona and its shadow that is
   * largest for this person.
   *
   * @param kind "type" (a session type's share) or "rate" (a behaviour rate)
   * @param key the type's or rate's slug/key
   * @param yours the person's share of that type, or their rate
   * @param persona the persona's prototype share of that type, or its signature sign on the rate
   *     (+1 above the population's median, −1 below, 0 no stance)
   * @param shadow the same for the shadow persona
   * @param everyone the population's share of that type, or its median of the rate
   * @param pull the term's value in the log-odds of persona over shadow (positive: it pulls
   *     towards the persona)
   */
  public record Axis(String kind, String key, double yours, double persona, double shadow, double everyone, double pull) {
    public Axis {
      if (!kind.equals("type") && !kind.equals("rate")) {
        throw new IllegalArgumentException("an axis is a type or a rate, not " + kind);
      }
    }
  }

  /**
   * One behaviour rate.
   *
   * @param rate its key
   * @param yours the person's value
   * @param persona the median among the persona's established persons, or null when it has none
   * @param everyone the median among all established persons
   * @param q1 their first quartile
   * @param q3 their third quartile
   * @param scale the yardstick of distances on this rate: q3 − q1, or max(|median|, 0.05) when
   *     that is 0
   * @param z (yours − everyone) / scale
   */
  public record Measure(String rate, double yours, Double persona, double everyone, double q1, double q3, double scale,
      double z) {}

  /**
   * @param rate the behaviour rate's key
   * @param role "strength" or "contrast"
   * @param above whether the person lies above the reference: everyone's median for a
   *     strength, the persona's (else everyone's) median for a contrast
   */
  public record Trait(String rate, String role, boolean above) {}

  /**
   * @param you the person's sessions
   * @param persona the persona's established persons' sessions, or null when it has none
   * @param everyone every session of the population
   */
  public record OutcomeRow(Ending you, Ending persona, Ending everyone) {
    public OutcomeRow {
      Objects.requireNonNull(you, "you");
      Objects.requireNonNull(everyone, "everyone");
    }
  }

  /** Shares of sessions ending with an agent commit, with passing tests, after an error. */
  public record Ending(int sessions, double agentCommit, double testsPassing, double afterError) {}

  /**
   * @param from the persona to borrow from (slug)
   * @param rate the behaviour rate the move is about
   * @param gap how far the person is from that persona's side of the rate, in scales
   */
  public record Move(String from, String rate, double gap) {}

  /**
   * @param month "YYYY-MM"
   * @param sessions dated sessions that month
   * @param types sessions of each session type, in its declaration order
   */
  public record Month(String month, int sessions, int[] types) {
    public Month {
      types = types.clone();
    }

    @Override
    public int[] types() {
      return types.clone();
    }
  }
}
