package dev.personas.site.figures;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the personal results page shows about one person's own logs, already computed.
 * It holds no text from the logs: signals are short labels the classifier chose. The persona's
 * signature moves, blind spot and what to borrow come from its authored page in content/.
 *
 * @param persona the person's persona
 * @param confidence how strongly the classifier prefers it, in [0, 1]
 * @param provisional true when there are too few sessions, or the lead is too small, to be decisive
 * @param fewSessions true when it is for too few sessions (the persona is provisional), not a close call
 * @param runnerUp the second-closest persona, if any
 * @param reasons the features that weighed most, strongest first
 * @param yourMix how the person's sessions split over the types
 * @param populationMix the population's mix, to compare with
 * @param sessions every session, oldest first
 * @param depth the map, shadow, traits, outcomes, moves and trend, when computed
 */
public record PersonalFigures(
    Persona persona,
    double confidence,
    boolean provisional,
    boolean fewSessions,
    Optional<Persona> runnerUp,
    List<Reason> reasons,
    TypeMix yourMix,
    TypeMix populationMix,
    List<SessionRow> sessions,
    Optional<PersonalDepth> depth) {

  public PersonalFigures {
    Objects.requireNonNull(persona, "persona");
    Check.share(confidence, "confidence");
    Objects.requireNonNull(runnerUp, "runnerUp");
    runnerUp.ifPresent(r -> {
      if (r == persona) {
        throw new IllegalArgumentException("The runner-up differs from the persona");
      }
    });
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(yourMix, "yourMix");
    Objects.requireNonNull(populationMix, "populationMix");
    sessions = sessions.stream().sorted(Comparator.comparing(SessionRow::date)).toList();
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("A personal page needs at least one session");
    }
    Objects.requireNonNull(depth, "depth");
  }

  /**
   * A rate or feature that weighed in the decision, with the person's value next to the
   * population's.
   *
   * @param key the rate's or feature's key
   * @param definition what it measures
   * @param unit its unit
   * @param traitKey the feature key under which the persona's authored page describes the trait
   *     ("" when none)
   */
  public record Reason(String key, String definition, String unit, String traitKey, double yourValue,
      double populationValue, Direction direction) {
    public Reason {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(traitKey, "traitKey");
      Check.finite(yourValue, "yourValue");
      Check.finite(populationValue, "populationValue");
      Objects.requireNonNull(direction, "direction");
    }

    /** A reason that is one session feature. */
    public Reason(dev.personas.features.Feature feature, double yourValue, double populationValue, Direction direction) {
      this(feature.key(), feature.definition(), feature.unit(), feature.key(), yourValue, populationValue, direction);
    }
  }

  /** Whether the person's value lies above or below the population's. */
  public enum Direction {
    HIGHER("higher than most"),
    LOWER("lower than most");

    private final String label;

    Direction(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One of the person's sessions, without any of its text.
   *
   * @param date the day it started (UTC)
   * @param type its session type
   * @param confidence how strongly the classifier preferred that type, in [0, 1]
   * @param activeMinutes active time, idle gaps removed
   * @param prompts typed prompts
   * @param signals short labels of what stood out ("plan mode", "3 failed test runs")
   * @param context project and title, redacted, only when the person asked to show them; else ""
   * @param minutesEstimated whether the log records no time, so {@code activeMinutes} is the
   *     estimate from its asks and tool calls
   */
  public record SessionRow(
      LocalDate date, SessionType type, double confidence, double activeMinutes, int prompts, List<String> signals,
      String context, boolean minutesEstimated) {
    public SessionRow(
        LocalDate date, SessionType type, double confidence, double activeMinutes, int prompts, List<String> signals) {
      this(date, type, confidence, activeMinutes, prompts, signals, "", false);
    }

    public SessionRow {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(type, "type");
      Check.share(confidence, "confidence");
      Check.finite(activeMinutes, "activeMinutes");
      Check.count(prompts, "prompts");
      signals = List.copyOf(signals);
    }

    /** Whether the session's log carried a timestamp (undated ones sit on the epoch day). */
    public boolean dated() {
      return !date.equals(LocalDate.EPOCH);
    }
  }
}
