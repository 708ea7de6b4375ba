package dev.personas.me;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.site.figures.PersonalDepth;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's results: what {@code me.json} holds and what the personal page is drawn from, so
 * the page built from an exported file is the page of the direct run. Numbers and labels only;
 * the optional project and title of each session exist only in memory, when the person asked
 * to show them, and are never exported.
 *
 * @param modelFingerprint the population model's dataset fingerprint
 * @param persona the person's persona
 * @param confidence its confidence, in [0, 1]
 * @param runnerUp the second-best persona
 * @param decisive whether the persona won by score and margin
 * @param provisional whether there were too few sessions to be sure
 * @param reasons the behaviour rates that decided it, strongest first
 * @param populationMix the population's share of each session type, in {@link SessionType} order
 * @param sessions every session, in start order
 * @param scores the persona classifier's score (posterior) of each {@link Persona}, in its
 *     declaration order
 * @param depth the deeper figures ({@link DepthAnalyzer}); empty only before they are computed
 */
public record MeResult(
    String modelFingerprint,
    Persona persona,
    double confidence,
    Persona runnerUp,
    boolean decisive,
    boolean provisional,
    List<RateReason> reasons,
    List<Double> populationMix,
    List<MeSession> sessions,
    List<Double> scores,
    Optional<PersonalDepth> depth) {

  public MeResult {
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(runnerUp, "runnerUp");
    reasons = List.copyOf(reasons);
    populationMix = List.copyOf(populationMix);
    sessions = List.copyOf(sessions);
    if (populationMix.size() != SessionType.values().length) {
      throw new IllegalArgumentException("one population share per session type expected");
    }
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("a result needs at least one session");
    }
    scores = List.copyOf(scores);
    if (scores.size() != Persona.values().length) {
      throw new IllegalArgumentException("one score per persona expected");
    }
    Objects.requireNonNull(depth, "depth");
  }

  /** The same result with its deeper figures. */
  public MeResult withDepth(PersonalDepth computed) {
    return new MeResult(modelFingerprint, persona, confidence, runnerUp, decisive, provisional, reasons,
        populationMix, sessions, scores, Optional.of(computed));
  }

  /**
   * The day a session whose log carries no timestamp is filed under: it is counted everywhere but
   * shown as "undated" and left out of dates, charts over time and trends.
   */
  public static final LocalDate UNDATED = LocalDate.EPOCH;

  /** The same result without projects and titles: what is exported. */
  public MeResult withoutText() {
    return new MeResult(modelFingerprint, persona, confidence, runnerUp, decisive, provisional, reasons,
        populationMix, sessions.stream().map(MeSession::withoutText).toList(), scores, depth);
  }

  /**
   * One behaviour rate of the person next to the population's median.
   *
   * @param rate the {@link dev.personas.classify.BehaviourRate} key
   * @param yours the person's value
   * @param population the population's median
   */
  public record RateReason(String rate, double yours, double population) {
    public RateReason {
      Objects.requireNonNull(rate, "rate");
    }
  }

  /**
   * One session: when, its type, and its features.
   *
   * @param date the day it started (UTC)
   * @param type its session type
   * @param probability the type's probability
   * @param runnerUp the second most probable type
   * @param runnerUpProbability its probability
   * @param features one value per {@link Feature}, in catalogue order
   * @param project the project, redacted, or "" unless asked for
   * @param title the session's title, redacted, or "" unless asked for
   */
  public record MeSession(
      LocalDate date, SessionType type, double probability, SessionType runnerUp, double runnerUpProbability,
      List<Double> features, String project, String title) {
    public MeSession {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(runnerUp, "runnerUp");
      features = List.copyOf(features);
      if (features.size() != Feature.values().length) {
        throw new IllegalArgumentException("one value per feature expected, got " + features.size());
      }
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(title, "title");
    }

    /** Whether the session's log carried a timestamp (see {@link MeResult#UNDATED}). */
    public boolean dated() {
      return !date.equals(UNDATED);
    }

    /** The value of one feature. */
    public double get(Feature feature) {
      return features.get(feature.ordinal());
    }

    MeSession withoutText() {
      return new MeSession(date, type, probability, runnerUp, runnerUpProbability, features, "", "");
    }
  }
}
