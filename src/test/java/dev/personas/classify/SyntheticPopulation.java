package dev.personas.classify;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic population with planted truth, made in the test from RESEARCH.md §4: each
 * person is generated as a persona (a mix of session types), each session as a type (features
 * drawn from that type's profile). A stand-in for the project's bundled sample, which another
 * part of the build generates; recovery is tuned on that sample once it is integrated.
 */
final class SyntheticPopulation {

  /** Sessions with their planted truth. */
  record Sample(List<SessionInput> sessions, GroundTruth truth) {}

  private static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

  private SyntheticPopulation() {}

  /**
   * Generates {@code usersPerPersona} persons per persona, each with 8–20 sessions, plus
   * {@code provisionalUsers} persons with 1–2 sessions.
   */
  static Sample generate(long seed, int usersPerPersona, int provisionalUsers) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<SessionInput> sessions = new ArrayList<>();
    Map<String, SessionType> types = new LinkedHashMap<>();
    Map<String, Persona> personas = new LinkedHashMap<>();
    int userNo = 0;
    for (Persona persona : Persona.values()) {
      for (int u = 0; u < usersPerPersona; u++) {
        String user = String.format("u%04d", userNo++);
        personas.put(user, persona);
        addSessions(rng, user, persona, 8 + rng.nextInt(13), sessions, types);
      }
    }
    for (int u = 0; u < provisionalUsers; u++) {
      String user = String.format("u%04d", userNo++);
      Persona persona = Persona.values()[rng.nextInt(Persona.values().length)];
      personas.put(user, persona);
      addSessions(rng, user, persona, 1 + rng.nextInt(2), sessions, types);
    }
    return new Sample(sessions, new GroundTruth(types, personas));
  }

  private static void addSessions(SplittableRandom rng, String user, Persona persona, int count,
      List<SessionInput> sessions, Map<String, SessionType> types) {
    Instant start = EPOCH.plus(Duration.ofHours(rng.nextInt(500)));
    for (int i = 0; i < count; i++) {
      String id = user + "-s" + String.format("%03d", i);
      SessionType type = drawType(rng, persona);
      types.put(id, type);
      sessions.add(new SessionInput(id, user, start, session(rng, id, type)));
      start = start.plus(Duration.ofMinutes(60 + rng.nextInt(3000)));
    }
  }

  /** The persona's type mix: its leaned-on types carry most sessions, the rest is noise. */
  static SessionType drawType(SplittableRandom rng, Persona persona) {
    double[] mix = switch (persona) {
      case PAIR_PROGRAMMER -> mix(SessionType.MARATHON, 0.45, SessionType.WORKSHOP, 0.40);
      case SPEC_FIRST_ARCHITECT -> mix(SessionType.BLUEPRINT, 0.78, null, 0);
      case QUICK_TURN_SPRINTER -> mix(SessionType.SPIRAL, 0.50, SessionType.ONE_SHOT, 0.38);
      case SHOWRUNNER -> mix(SessionType.SCAFFOLD, 0.55, SessionType.BLUEPRINT, 0.32);
      case RUNTIME_MECHANIC -> mix(SessionType.WORKSHOP, 0.45, SessionType.CONSULT, 0.43);
      case PROMPT_MINIMALIST -> mix(SessionType.ONE_SHOT, 0.85, null, 0);
      case MULTI_MODE_JOURNEYMAN -> mix(null, 0, null, 0);
    };
    double r = rng.nextDouble();
    for (SessionType t : SessionType.values()) {
      r -= mix[t.ordinal()];
      if (r < 0) {
        return t;
      }
    }
    return SessionType.values()[SessionType.values().length - 1];
  }

  private static double[] mix(SessionType a, double pa, SessionType b, double pb) {
    int k = SessionType.values().length;
    int others = k - (a == null ? 0 : 1) - (b == null ? 0 : 1);
    double rest = (1 - pa - pb) / others;
    double[] m = new double[k];
    for (SessionType t : SessionType.values()) {
      m[t.ordinal()] = t == a ? pa : t == b ? pb : rest;
    }
    return m;
  }

  /** One session drawn from a type's profile (RESEARCH.md §4), in raw feature units. */
  static FeatureVector session(SplittableRandom rng, String id, SessionType type) {
    Map<Feature, Double> f = new EnumMap<>(Feature.class);
    for (Feature feature : Feature.values()) {
      f.put(feature, 0.0);
    }
    // Background every session has.
    f.put(Feature.DISTINCT_TOOLS, (double) between(rng, 2, 9));
    f.put(Feature.SHELL_SHARE, share(rng, 0.1, 0.4));
    f.put(Feature.READ_SHARE, share(rng, 0.25, 0.5));
    f.put(Feature.QUESTION_SHARE, share(rng, 0.0, 0.2));
    f.put(Feature.FIRST_PROMPT_CHARS, (double) between(rng, 40, 400));
    f.put(Feature.MEDIAN_PROMPT_CHARS, (double) between(rng, 30, 250));
    f.put(Feature.TOOL_ERRORS, (double) between(rng, 0, 2));
    f.put(Feature.MEDIAN_PAUSE_SECONDS, (double) between(rng, 10, 120));
    f.put(Feature.READS_BEFORE_FIRST_WRITE, (double) between(rng, 0, 6));
    f.put(Feature.TOOL_CALLS_PER_PROMPT, (double) between(rng, 2, 12));
    f.put(Feature.TESTS_PASS_AT_END, rng.nextDouble() < 0.3 ? 1.0 : 0.0);
    switch (type) {
      case ONE_SHOT -> {
        put(f, Feature.PROMPTS, between(rng, 1, 2));
        put(f, Feature.ACTIVE_MINUTES, between(rng, 1, 9));
        put(f, Feature.EDIT_ITERATIONS, between(rng, 1, 4));
        put(f, Feature.MEDIAN_PROMPT_CHARS, between(rng, 20, 140));
        put(f, Feature.FIRST_PROMPT_CHARS, between(rng, 20, 160));
      }
      case CONSULT -> {
        put(f, Feature.PROMPTS, between(rng, 2, 9));
        put(f, Feature.ACTIVE_MINUTES, between(rng, 5, 40));
        put(f, Feature.EDIT_ITERATIONS, rng.nextDouble() < 0.8 ? 0 : 1);
        f.put(Feature.READ_SHARE, share(rng, 0.65, 0.95));
        f.put(Feature.QUESTION_SHARE, share(rng, 0.45, 1.0));
        put(f, Feature.WEB_LOOKUPS, between(rng, 0, 4));
        put(f, Feature.READS_BEFORE_FIRST_WRITE, between(rng, 5, 30));
        put(f, Feature.SPECIFIC_POINTERS, between(rng, 0, 3));
      }
      case BLUEPRINT -> {
        put(f, Feature.PROMPTS, between(rng, 1, 3));
        put(f, Feature.ACTIVE_MINUTES, between(rng, 10, 50));
        put(f, Feature.FIRST_PROMPT_CHARS, between(rng, 1400, 5000));
        put(f, Feature.SPEC_MARKERS, between(rng, 4, 14));
        f.put(Feature.PLAN_HANDOFF, rng.nextDouble() < 0.3 ? 1.0 : 0.0);
        put(f, Feature.EDIT_ITERATIONS, between(rng, 5, 30));
        put(f, Feature.CORRECTIONS, between(rng, 0, 1));
        put(f, Feature.TEST_RUNS, between(rng, 0, 3));
        put(f, Feature.TODO_LISTS, rng.nextDouble() < 0.3 ? 1 : 0);
      }
      case SCAFFOLD -> {
        put(f, Feature.PROMPTS, between(rng, 3, 10));
        put(f, Feature.ACTIVE_MINUTES, between(rng, 15, 55));
        put(f, Feature.PLAN_MODE, between(rng, 1, 3));
        put(f, Feature.SUBAGENT_CALLS, between(rng, 1, 6));
        put(f, Feature.TODO_LISTS, between(rng, 2, 8));
        put(f, Feature.SETUP_ACTIONS, between(rng, 0, 2));
        put(f, Feature.READS_BEFORE_FIRST_WRITE, between(rng, 10, 40));
        put(f, Feature.EDIT_ITERATIONS, between(rng, 3, 25));
        put(f, Feature.CORRECTIONS, between(rng, 0, 1));
      }
      case WORKSHOP -> {
        put(f, Feature.PROMPTS, between(rng, 6, 16));
        put(f, Feature.ACTIVE_MINUTES, between(rng, 15, 55));
        put(f, Feature.CORRECTIONS, between(rng, 3, 8));
        put(f, Feature.SPECIFIC_POINTERS, between(rng, 2, 7));
        put(f, Feature.PASTED_OUTPUT, between(rng, 1, 4));
        put(f, Feature.TEST_RUNS, between(rng, 2, 6));
        put(f, Feature.EDIT_ITERATIONS, between(rng, 8, 30));
        put(f, Feature.DIFF_REVIEW_AT_END, rng.nextDouble() < 0.5 ? 1 : 0);
      }
      case MARATHON -> {
        put(f, Feature.PROMPTS, between(rng, 22, 70));
        put(f, Feature.ACTIVE_MINUTES, between(rng, 65, 240));
        put(f, Feature.EDIT_ITERATIONS, between(rng, 30, 150));
        put(f, Feature.CORRECTIONS, between(rng, 2, 9));
        put(f, Feature.TEST_RUNS, between(rng, 1, 10));
        put(f, Feature.SPECIFIC_POINTERS, between(rng, 1, 8));
        put(f, Feature.COMPACTIONS, between(rng, 0, 3));
        put(f, Feature.AGENT_COMMITS, between(rng, 0, 4));
      }
      case SPIRAL -> {
        put(f, Feature.PROMPTS, between(rng, 4, 12));
        put(f, Feature.ACTIVE_MINUTES, between(rng, 10, 45));
        put(f, Feature.ERROR_REPASTES, between(rng, 1, 4));
        put(f, Feature.REPEATED_PROMPTS, between(rng, 1, 3));
        put(f, Feature.VAGUE_FIX_REQUESTS, between(rng, 1, 5));
        put(f, Feature.FAILED_TEST_RUNS, between(rng, 1, 5));
        put(f, Feature.TEST_RUNS, between(rng, 1, 6));
        put(f, Feature.PASTED_OUTPUT, between(rng, 1, 4));
        put(f, Feature.CORRECTIONS, between(rng, 1, 3));
        put(f, Feature.EDIT_ITERATIONS, between(rng, 3, 15));
        f.put(Feature.ENDED_AFTER_ERROR, rng.nextDouble() < 0.7 ? 1.0 : 0.0);
        put(f, Feature.MEDIAN_PROMPT_CHARS, between(rng, 15, 90));
      }
    }
    // Real sessions are not pure: one in five carries a stray signal of another kind of work.
    if (rng.nextDouble() < 0.2) {
      switch (rng.nextInt(7)) {
        case 0 -> f.merge(Feature.TODO_LISTS, 1.0, Double::sum);
        case 1 -> f.merge(Feature.REPEATED_PROMPTS, 1.0, Double::sum);
        case 2 -> f.merge(Feature.SPECIFIC_POINTERS, 2.0, Double::sum);
        case 3 -> f.merge(Feature.PASTED_OUTPUT, 1.0, Double::sum);
        case 4 -> f.put(Feature.QUESTION_SHARE, Math.max(f.get(Feature.QUESTION_SHARE), 0.4));
        case 5 -> f.merge(Feature.CORRECTIONS, 1.0, Double::sum);
        default -> f.merge(Feature.SUBAGENT_CALLS, 1.0, Double::sum);
      }
    }
    double prompts = f.get(Feature.PROMPTS);
    double active = f.get(Feature.ACTIVE_MINUTES);
    f.put(Feature.WALL_MINUTES, active + between(rng, 0, 1) * between(rng, 30, 600));
    f.put(Feature.INPUT_TOKENS, (double) Math.round(prompts * between(rng, 20_000, 90_000)));
    f.put(Feature.OUTPUT_TOKENS, (double) Math.round(prompts * between(rng, 500, 4_000)));
    f.put(Feature.LATE_PAUSE_SECONDS, f.get(Feature.MEDIAN_PAUSE_SECONDS) + between(rng, 0, 60));
    double[] values = new double[Feature.values().length];
    for (Feature feature : Feature.values()) {
      values[feature.ordinal()] = f.get(feature);
    }
    return new FeatureVector(id, values);
  }

  private static void put(Map<Feature, Double> f, Feature feature, int value) {
    f.put(feature, (double) value);
  }

  private static int between(SplittableRandom rng, int low, int high) {
    return low + rng.nextInt(high - low + 1);
  }

  private static double share(SplittableRandom rng, double low, double high) {
    return Math.round((low + rng.nextDouble() * (high - low)) * 1000) / 1000.0;
  }
}
