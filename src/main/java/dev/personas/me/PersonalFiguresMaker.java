package dev.personas.me;

import dev.personas.classify.BehaviourRate;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import dev.personas.site.figures.PersonalFigures;
import dev.personas.site.figures.RateLabels;
import dev.personas.site.figures.TypeMix;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one adapter from a person's results to the personal page's input contract
 * ({@link PersonalFigures}). The page of a direct run and of an exported me.json both come
 * through here, which is why they are the same page.
 */
public final class PersonalFiguresMaker {
  public PersonalFigures figures(MeResult result) {
    List<PersonalFigures.Reason> reasons = new ArrayList<>();
    for (MeResult.RateReason r : result.reasons()) {
      BehaviourRate rate = rate(r.rate());
      reasons.add(new PersonalFigures.Reason(rate.key(), rate.definition(), RateLabels.unit(rate.key()),
          RateLabels.traitKey(rate.key()), r.yours(), r.population(),
          r.yours() >= r.population() ? PersonalFigures.Direction.HIGHER : PersonalFigures.Direction.LOWER));
    }
    Map<SessionType, Double> yours = new EnumMap<>(SessionType.class);
    Map<SessionType, Double> population = new EnumMap<>(SessionType.class);
    for (SessionType t : SessionType.values()) {
      long count = result.sessions().stream().filter(s -> s.type() == t).count();
      yours.put(t, (double) count / result.sessions().size());
      population.put(t, result.populationMix().get(t.ordinal()));
    }
    List<PersonalFigures.SessionRow> rows = new ArrayList<>();
    for (MeResult.MeSession s : result.sessions()) {
      boolean estimated = FeatureVector.activeMinutesEstimated(s.get(Feature.ACTIVE_MINUTES), s.get(Feature.WALL_MINUTES));
      rows.add(new PersonalFigures.SessionRow(s.date(), s.type(), s.probability(), s.get(Feature.ACTIVE_MINUTES),
          (int) s.get(Feature.PROMPTS), signals(s), context(s), estimated));
    }
    // The page's note covers both ways a persona can be unsure: too few sessions, or a close call.
    return new PersonalFigures(result.persona(), result.confidence(), result.provisional() || !result.decisive(),
        result.provisional(),
        Optional.of(result.runnerUp()), reasons, new TypeMix(yours), new TypeMix(population), rows,
        result.depth());
  }

  private static BehaviourRate rate(String key) {
    for (BehaviourRate rate : BehaviourRate.values()) {
      if (rate.key().equals(key)) {
        return rate;
      }
    }
    throw new IllegalArgumentException("unknown behaviour rate '" + key + "'");
  }

  /** Short labels of what stood out in a session, read from its features only. */
  static List<String> signals(MeResult.MeSession s) {
    List<String> signals = new ArrayList<>();
    if (s.get(Feature.PLAN_MODE) > 0 || s.get(Feature.PLAN_HANDOFF) > 0) {
      signals.add(s.get(Feature.PLAN_HANDOFF) > 0 ? "plan handed over" : "plan mode");
    }
    count(signals, s.get(Feature.SUBAGENT_CALLS), "subagent", "subagents");
    if (s.get(Feature.SPEC_MARKERS) >= 3) {
      signals.add("structured spec");
    }
    count(signals, s.get(Feature.EDIT_ITERATIONS), "edit", "edits");
    if (s.get(Feature.TEST_RUNS) > 0) {
      int failed = (int) s.get(Feature.FAILED_TEST_RUNS);
      signals.add(plural(s.get(Feature.TEST_RUNS), "test run", "test runs") + (failed > 0 ? " (" + failed + " failed)" : ""));
    }
    count(signals, s.get(Feature.CORRECTIONS), "correction", "corrections");
    count(signals, s.get(Feature.PASTED_OUTPUT), "pasted output", "pasted outputs");
    count(signals, s.get(Feature.ERROR_REPASTES), "repeated error", "repeated errors");
    count(signals, s.get(Feature.WEB_LOOKUPS), "web look-up", "web look-ups");
    if (s.get(Feature.ENDED_AFTER_ERROR) > 0) {
      signals.add("ended on an error");
    }
    return signals.size() > 5 ? signals.subList(0, 5) : signals;
  }

  private static void count(List<String> signals, double value, String one, String many) {
    if (value > 0) {
      signals.add(plural(value, one, many));
    }
  }

  private static String plural(double value, String one, String many) {
    long n = Math.round(value);
    return String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many);
  }

  private static String context(MeResult.MeSession s) {
    if (s.project().isEmpty()) {
      return s.title();
    }
    return s.title().isEmpty() ? s.project() : s.project() + " · " + s.title();
  }
}
