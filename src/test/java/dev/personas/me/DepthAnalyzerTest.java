package dev.personas.me;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.classify.BehaviourRate;
import dev.personas.classify.Model;
import dev.personas.classify.Persona;
import dev.personas.classify.PersonaMap;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.site.figures.PersonalDepth;
import dev.personas.study.PopulationModels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deeper figures are chosen as the model's numbers say. */
class DepthAnalyzerTest {
  private static final Model MODEL = PopulationModels.load(Optional.empty());
  private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

  @Test
  void shadowIsTheRunnerUpAndTheMapPointIsTheScoreWeightedCorner() {
    MeResult result = result(Persona.SHOWRUNNER, Persona.RUNTIME_MECHANIC, true,
        scores(Map.of(Persona.SHOWRUNNER, 0.6, Persona.RUNTIME_MECHANIC, 0.3)), sessions(SessionType.SCAFFOLD, 4, Map.of()));
    PersonalDepth depth = new DepthAnalyzer(MODEL).analyse(result);
    assertEquals("runtime-mechanic", depth.shadow().persona());
    assertEquals(0.3, depth.shadow().score(), 1e-12);
    double[] sr = PersonaMap.anchor(Persona.SHOWRUNNER);
    double[] rm = PersonaMap.anchor(Persona.RUNTIME_MECHANIC);
    // Scores 0.6 and 0.3, the remaining 0.1 spread over five personas.
    double[] expected = PersonaMap.project(result.scores().stream().mapToDouble(Double::doubleValue).toArray());
    assertEquals(expected[0], depth.map().you()[0], 1e-9);
    assertTrue(Math.hypot(depth.map().you()[0] - sr[0], depth.map().you()[1] - sr[1])
        < Math.hypot(depth.map().you()[0] - rm[0], depth.map().you()[1] - rm[1]), "nearer its own corner");
    assertEquals(MODEL.cohort().points().size(), depth.map().population().size());
  }

  @Test
  void mapCornersAreAHexagonWithTheJourneymanInTheMiddle() {
    assertEquals(List.of(0.0, 1.0), List.of(PersonaMap.anchor(Persona.PAIR_PROGRAMMER)[0], PersonaMap.anchor(Persona.PAIR_PROGRAMMER)[1]));
    assertEquals(List.of(0.0, -1.0), List.of(PersonaMap.anchor(Persona.SHOWRUNNER)[0], PersonaMap.anchor(Persona.SHOWRUNNER)[1]));
    assertEquals(List.of(0.0, 0.0), List.of(PersonaMap.anchor(Persona.MULTI_MODE_JOURNEYMAN)[0], PersonaMap.anchor(Persona.MULTI_MODE_JOURNEYMAN)[1]));
    double[] even = new double[7];
    java.util.Arrays.fill(even, 1 / 7.0);
    assertEquals(0.0, PersonaMap.project(even)[0], 1e-3);
    assertEquals(0.0, PersonaMap.project(even)[1], 1e-3);
  }

  @Test
  void manySessionsOfATypeTheTwoPrototypesWeighApartMakeItTheAxis() {
    // Prompt Minimalist vs Quick-Turn Sprinter: One-shot is 65 % against 30 % of their prototypes;
    // five One-shot sessions pull 5·ln(0.65/0.30) ≈ 3.9 towards the Minimalist, more than any rate can (at most w = 3).
    MeResult result = result(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER, true,
        scores(Map.of(Persona.PROMPT_MINIMALIST, 0.8, Persona.QUICK_TURN_SPRINTER, 0.15)), sessions(SessionType.ONE_SHOT, 5, Map.of()));
    PersonalDepth.Axis axis = new DepthAnalyzer(MODEL).analyse(result).shadow().axis();
    assertEquals("type", axis.kind());
    assertEquals("one-shot", axis.key());
    assertEquals(5 * Math.log(0.65 / 0.30), axis.pull(), 1e-6);
    assertEquals(1.0, axis.yours(), 1e-12);
  }

  @Test
  void aRateOnlyTheShadowTakesAStanceOnCanBeTheAxisPullingTowardsTheShadow() {
    // Spec-First Architect vs Showrunner, one Blueprint session (pull ln(0.65/0.30) ≈ 0.77): delegation is in the
    // Showrunner's signature only (one of its two rates), so delegating pulls w·½ = 1.5 towards the Showrunner.
    MeResult result = result(Persona.SPEC_FIRST_ARCHITECT, Persona.SHOWRUNNER, false,
        scores(Map.of(Persona.SPEC_FIRST_ARCHITECT, 0.5, Persona.SHOWRUNNER, 0.4)),
        sessions(SessionType.BLUEPRINT, 1, Map.of(Feature.SUBAGENT_CALLS, 2.0, Feature.PROMPTS, 3.0)));
    PersonalDepth.Axis axis = new DepthAnalyzer(MODEL).analyse(result).shadow().axis();
    assertEquals("rate", axis.kind());
    assertEquals(BehaviourRate.DELEGATION.key(), axis.key());
    assertEquals(-MODEL.personas().behaviourWeight() / 2, axis.pull(), 1e-9);
    assertEquals(0.0, axis.persona());
    assertEquals(1.0, axis.shadow());
  }

  @Test
  void strengthsLieOnThePersonasSideAndAreTheFarthestThere() {
    MeResult result = result(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER, true,
        scores(Map.of(Persona.PROMPT_MINIMALIST, 0.8, Persona.QUICK_TURN_SPRINTER, 0.15)),
        sessions(SessionType.ONE_SHOT, 5, Map.of(Feature.MEDIAN_PROMPT_CHARS, 20.0, Feature.QUESTION_SHARE, 0.9,
            Feature.PROMPTS, 2.0, Feature.CORRECTIONS, 0.9, Feature.TEST_RUNS, 1.5, Feature.SPECIFIC_POINTERS, 1.2,
            Feature.PASTED_OUTPUT, 0.09)));
    PersonalDepth depth = new DepthAnalyzer(MODEL).analyse(result);
    List<PersonalDepth.Trait> traits = depth.traits();
    assertEquals(List.of("strength", "strength", "contrast"), traits.stream().map(PersonalDepth.Trait::role).toList());
    List<PersonalDepth.Measure> onSide = new ArrayList<>();
    for (PersonalDepth.Measure m : depth.measures()) {
      double side = Math.signum(m.persona() - m.everyone());
      if (m.z() != 0 && side != 0 && Math.signum(m.z()) == side) {
        onSide.add(m);
      }
    }
    double weakerStrength = Math.min(abs(depth, traits.get(0).rate()), abs(depth, traits.get(1).rate()));
    for (PersonalDepth.Measure m : onSide) {
      if (!m.rate().equals(traits.get(0).rate()) && !m.rate().equals(traits.get(1).rate())) {
        assertTrue(Math.abs(m.z()) <= weakerStrength, m.rate() + " lies farther out on the persona's side than a chosen strength");
      }
    }
    assertTrue(onSide.stream().anyMatch(m -> m.rate().equals(traits.get(0).rate())));
    // Short prompts: the Minimalist's side, far below everyone's median.
    assertTrue(traits.subList(0, 2).stream().anyMatch(t -> t.rate().equals(BehaviourRate.PROMPT_CHARS.key()) && !t.above()));
    // Questions in 90 % of prompts: far from most Minimalists (who ask almost none): the contrast.
    assertEquals(BehaviourRate.QUESTION_SHARE.key(), traits.get(2).rate());
    assertTrue(traits.get(2).above());
  }

  @Test
  void movesComeFromOtherPersonasOnTheirSignatureRatesWherePersonIsFarthestFromThem() {
    MeResult result = result(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER, true,
        scores(Map.of(Persona.PROMPT_MINIMALIST, 0.8, Persona.QUICK_TURN_SPRINTER, 0.15)),
        sessions(SessionType.ONE_SHOT, 5, Map.of(Feature.MEDIAN_PROMPT_CHARS, 20.0)));
    List<PersonalDepth.Move> moves = new DepthAnalyzer(MODEL).analyse(result).moves();
    assertEquals(2, moves.size());
    assertNotEquals(moves.get(0).from(), moves.get(1).from());
    assertNotEquals(moves.get(0).rate(), moves.get(1).rate());
    assertTrue(moves.get(0).gap() >= moves.get(1).gap());
    for (PersonalDepth.Move m : moves) {
      Persona from = Persona.fromSlug(m.from());
      assertTrue(from != Persona.PROMPT_MINIMALIST && from != Persona.MULTI_MODE_JOURNEYMAN, m.toString());
      int rate = BehaviourRate.valueOf(m.rate().toUpperCase(java.util.Locale.ROOT)).ordinal();
      assertNotEquals(0.0, MODEL.personas().signatures().get(m.from())[rate], "a rate the persona leans on");
    }
    // Never a file or line named, where most Runtime Mechanics name one in most prompts: its move on pointers
    // comes first. The Architect's long prompts lie farther still from 20-character ones, but short prompts
    // define the Minimalist: no move undoes that. Next come the Pair Programmer's test runs (the person runs none).
    assertEquals(List.of("runtime-mechanic pointers_per_prompt", "pair-programmer test_runs_per_session"),
        moves.stream().map(m -> m.from() + " " + m.rate()).toList());
  }

  @Test
  void fitIsDecisiveAsTheClassifierSaidElseBorderlineOrTypicalByTheMargin() {
    DepthAnalyzer analyzer = new DepthAnalyzer(MODEL);
    List<MeResult.MeSession> some = sessions(SessionType.ONE_SHOT, 3, Map.of());
    assertEquals("decisive", analyzer.analyse(result(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER, true,
        scores(Map.of(Persona.PROMPT_MINIMALIST, 0.8, Persona.QUICK_TURN_SPRINTER, 0.15)), some)).fit().word());
    assertEquals("borderline", analyzer.analyse(result(Persona.MULTI_MODE_JOURNEYMAN, Persona.QUICK_TURN_SPRINTER, false,
        scores(Map.of(Persona.PROMPT_MINIMALIST, 0.45, Persona.QUICK_TURN_SPRINTER, 0.4)), some)).fit().word());
    assertEquals("typical", analyzer.analyse(result(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER, false,
        scores(Map.of(Persona.PROMPT_MINIMALIST, 0.5, Persona.QUICK_TURN_SPRINTER, 0.35)), some)).fit().word());
  }

  @Test
  void outcomesAreThePersonsSharesNextToThePublishedOnes() {
    List<MeResult.MeSession> sessions = new ArrayList<>(sessions(SessionType.WORKSHOP, 3, Map.of(Feature.TESTS_PASS_AT_END, 1.0)));
    sessions.add(session(DAY, SessionType.SPIRAL, Map.of(Feature.ENDED_AFTER_ERROR, 1.0, Feature.AGENT_COMMITS, 2.0)));
    PersonalDepth.OutcomeRow row = new DepthAnalyzer(MODEL).analyse(result(Persona.RUNTIME_MECHANIC, Persona.PAIR_PROGRAMMER,
        true, scores(Map.of(Persona.RUNTIME_MECHANIC, 0.8, Persona.PAIR_PROGRAMMER, 0.1)), sessions)).outcomes();
    assertEquals(new PersonalDepth.Ending(4, 0.25, 0.75, 0.25), row.you());
    assertEquals(MODEL.cohort().outcomes().get("everyone").agentCommit(), row.everyone().agentCommit());
    assertEquals(MODEL.cohort().outcomes().get("runtime-mechanic").testsPassing(), row.persona().testsPassing());
  }

  @Test
  void trendNeedsMoreThanFourWeeksAndCountsEveryMonthBetween() {
    List<MeResult.MeSession> fourWeeks = List.of(session(DAY, SessionType.CONSULT, Map.of()),
        session(DAY.plusDays(28), SessionType.SPIRAL, Map.of()));
    assertEquals(List.of(), DepthAnalyzer.trend(fourWeeks));
    List<MeResult.MeSession> longer = List.of(session(LocalDate.EPOCH, SessionType.MARATHON, Map.of()),
        session(DAY, SessionType.CONSULT, Map.of()), session(DAY.plusDays(3), SessionType.CONSULT, Map.of()),
        session(DAY.plusDays(70), SessionType.SPIRAL, Map.of()));
    List<PersonalDepth.Month> months = DepthAnalyzer.trend(longer);
    assertEquals(List.of("2026-10", "2026-11", "2026-12"), months.stream().map(PersonalDepth.Month::month).toList());
    assertEquals(List.of(2, 0, 1), months.stream().map(PersonalDepth.Month::sessions).toList());
    assertEquals(2, months.get(0).types()[SessionType.CONSULT.ordinal()]);
    assertEquals(0, months.get(0).types()[SessionType.MARATHON.ordinal()], "undated sessions are left out");
  }

  private static double abs(PersonalDepth depth, String rate) {
    return Math.abs(depth.measures().stream().filter(m -> m.rate().equals(rate)).findFirst().orElseThrow().z());
  }

  static MeResult result(Persona persona, Persona runnerUp, boolean decisive, List<Double> scores, List<MeResult.MeSession> sessions) {
    return new MeResult(MODEL.datasetFingerprint(), persona, scores.get(persona.ordinal()), runnerUp, decisive,
        sessions.size() < 3, List.of(), List.of(0.2, 0.1, 0.1, 0.1, 0.2, 0.1, 0.2), sessions, scores, Optional.empty());
  }

  /** The given scores; the rest of 1 spread evenly over the other personas. */
  static List<Double> scores(Map<Persona, Double> given) {
    double rest = 1 - given.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Double> scores = new ArrayList<>();
    for (Persona p : Persona.values()) {
      scores.add(given.getOrDefault(p, rest / (Persona.values().length - given.size())));
    }
    return scores;
  }

  static List<MeResult.MeSession> sessions(SessionType type, int count, Map<Feature, Double> values) {
    List<MeResult.MeSession> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sessions.add(session(DAY.plusDays(i), type, values));
    }
    return sessions;
  }

  static MeResult.MeSession session(LocalDate date, SessionType type, Map<Feature, Double> values) {
    List<Double> features = new ArrayList<>(Collections.nCopies(Feature.values().length, 0.0));
    features.set(Feature.PROMPTS.ordinal(), 1.0);
    features.set(Feature.MEDIAN_PROMPT_CHARS.ordinal(), 60.0);
    values.forEach((f, v) -> features.set(f.ordinal(), v));
    SessionType runnerUp = type == SessionType.ONE_SHOT ? SessionType.CONSULT : SessionType.ONE_SHOT;
    return new MeResult.MeSession(date, type, 0.9, runnerUp, 0.05, features, "", "");
  }
}
