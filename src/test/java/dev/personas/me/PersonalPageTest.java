package dev.personas.me;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.classify.BehaviourRate;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.site.PersonalSite;
import dev.personas.site.figures.FixtureFigures;
import dev.personas.site.figures.PersonalDepth;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The standalone personal page for a result of each persona, drawn from the repository's content. */
class PersonalPageTest {
  @TempDir Path out;

  @ParameterizedTest
  @EnumSource(Persona.class)
  void pageShowsThePersonaItsReasonsChartsSessionsAndAuthoredAdvice(Persona persona) throws IOException {
    Persona runnerUp = persona == Persona.SHOWRUNNER ? Persona.PAIR_PROGRAMMER : Persona.SHOWRUNNER;
    List<MeResult.MeSession> sessions = new ArrayList<>();
    SessionType[] types = SessionType.values();
    for (int i = 0; i < 5; i++) {
      List<Double> values = new ArrayList<>(Collections.nCopies(Feature.values().length, 0.0));
      values.set(Feature.PROMPTS.ordinal(), 3.0 + i);
      values.set(Feature.ACTIVE_MINUTES.ordinal(), 12.5);
      values.set(Feature.PLAN_MODE.ordinal(), i == 0 ? 1.0 : 0.0);
      values.set(Feature.TEST_RUNS.ordinal(), 2.0);
      values.set(Feature.FAILED_TEST_RUNS.ordinal(), 1.0);
      sessions.add(new MeResult.MeSession(LocalDate.of(2026, 11, 1).plusDays(i * 3L), types[i % types.length], 0.8,
          types[(i + 1) % types.length], 0.1, values, "", ""));
    }
    MeResult result = new MeResult("f".repeat(64), persona, 0.7, runnerUp, true, false,
        List.of(new MeResult.RateReason(BehaviourRate.TEST_RUNS_PER_SESSION.key(), 2, 0.5),
            new MeResult.RateReason(BehaviourRate.PROMPT_CHARS.key(), 40, 90)),
        List.of(0.2, 0.1, 0.1, 0.1, 0.2, 0.1, 0.2), sessions, scores(persona, runnerUp), Optional.empty());
    result = result.withDepth(new DepthAnalyzer(dev.personas.study.PopulationModels.load(Optional.empty())).analyse(result));
    new PersonalSite(Path.of("content"), Path.of("templates"), Path.of("static"), PersonalSite.RELATIVE)
        .write(new PersonalFiguresMaker().figures(result), "Compared with a test population.", out);
    Document page = Jsoup.parse(out.resolve("index.html").toFile());
    assertEquals(persona.displayName(), page.selectFirst("h1").text());
    assertTrue(page.select("dl.stats").text().contains("70.0 %"), page.select("dl.stats").text());
    assertTrue(page.select("dl.stats").text().contains(runnerUp.displayName()));
    // The measures by the names the rest of the site gives them, not their keys.
    assertEquals(List.of("Test runs", "Prompt length"),
        page.select("table.reasons tbody th").stream().map(th -> th.ownText()).toList());
    assertTrue(page.select("table.reasons tbody th code").isEmpty(), page.select("table.reasons tbody").html());
    assertEquals("2 0.50 higher than most", String.join(" ",
        page.select("table.reasons tbody tr").get(0).select("td").eachText().subList(1, 4)));
    assertEquals(5, page.select("table.sessions tbody tr").size());
    assertEquals("plan mode 2 test runs (1 failed)", page.select("table.sessions tbody tr").get(0).select("td").get(5).text());
    assertTrue(page.text().contains("Compared with a test population."));
    assertFalse(page.select("#moves ~ *").text().isBlank(), "signature moves from content/personas");
    assertFalse(page.select("#blind-spot ~ *").text().isBlank(), "blind spot from content/personas");
    assertFalse(page.select("section.borrow li").isEmpty(), "what to borrow from content/personas");
    assertTrue(page.select("p.note").text().contains("cleanupPeriodDays"));
    assertTrue(page.select("a[href]").stream().allMatch(a -> a.attr("href").startsWith("./") || a.attr("href").startsWith("#")),
        "links stay inside the page folder");
  }

  @org.junit.jupiter.api.Test
  void aCloseCallAndAnUncertainSessionTypeAreSaidSoOnThePage() throws IOException {
    List<MeResult.MeSession> sessions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<Double> values = new ArrayList<>(Collections.nCopies(Feature.values().length, 0.0));
      values.set(Feature.PROMPTS.ordinal(), 2.0);
      sessions.add(new MeResult.MeSession(LocalDate.of(2026, 11, 1).plusDays(i), SessionType.ONE_SHOT,
          i == 0 ? 0.45 : 0.8, SessionType.CONSULT, i == 0 ? 0.4 : 0.1, values, "", ""));
    }
    for (boolean decisive : new boolean[] {true, false}) {
      MeResult result = new MeResult("f".repeat(64), Persona.PROMPT_MINIMALIST, 0.5, Persona.QUICK_TURN_SPRINTER,
          decisive, false, List.of(), List.of(0.2, 0.1, 0.1, 0.1, 0.2, 0.1, 0.2), sessions,
          scores(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER), Optional.empty());
      result = result.withDepth(new DepthAnalyzer(dev.personas.study.PopulationModels.load(Optional.empty())).analyse(result));
      Path dir = out.resolve(decisive ? "decisive" : "close");
      new PersonalSite(Path.of("content"), Path.of("templates"), Path.of("static"), PersonalSite.RELATIVE)
          .write(new PersonalFiguresMaker().figures(result), "Compared with a test population.", dir);
      Document page = Jsoup.parse(dir.resolve("index.html").toFile());
      // A close call is borderline, not provisional: four sessions are enough sessions.
      assertEquals(!decisive, page.select("p.note").text().contains("Borderline."),
          "four sessions, " + (decisive ? "a decisive" : "a close") + " call");
      assertFalse(page.select("p.note").text().contains("Provisional."), "four sessions are not too few");
      List<String> confidence = page.select("table.sessions tbody tr td.num").eachText();
      assertTrue(confidence.contains("45.0 % (uncertain)"), confidence.toString());
      assertTrue(confidence.contains("80.0 %"), confidence.toString());
    }
    MeResult few = new MeResult("f".repeat(64), Persona.PROMPT_MINIMALIST, 0.5, Persona.QUICK_TURN_SPRINTER,
        false, true, List.of(), List.of(0.2, 0.1, 0.1, 0.1, 0.2, 0.1, 0.2), sessions.subList(0, 2),
        scores(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER), Optional.empty());
    Path dir = out.resolve("few");
    new PersonalSite(Path.of("content"), Path.of("templates"), Path.of("static"), PersonalSite.RELATIVE)
        .write(new PersonalFiguresMaker().figures(few), "Compared with a test population.", dir);
    String notes = Jsoup.parse(dir.resolve("index.html").toFile()).select("p.note").text();
    assertTrue(notes.contains("Provisional. Too few sessions were read"), notes);
    assertFalse(notes.contains("Borderline."), notes);
  }

  // 0.7 for the persona, 0.2 for the runner-up, the rest shared.
  static List<Double> scores(Persona persona, Persona runnerUp) {
    List<Double> scores = new ArrayList<>();
    for (Persona p : Persona.values()) {
      scores.add(p == persona ? 0.7 : p == runnerUp ? 0.2 : 0.02);
    }
    return scores;
  }

  @org.junit.jupiter.api.Test
  void aPersonaWithoutPeopleInThePopulationLeavesItsBarsOutRatherThanInventingThem() throws IOException {
    PersonalDepth full = FixtureFigures.depth();
    PersonalDepth depth = new PersonalDepth(full.map(), full.fit(), full.shadow(),
        full.measures().stream().map(m -> new PersonalDepth.Measure(m.rate(), m.yours(), null,
            m.everyone(), m.q1(), m.q3(), m.scale(), m.z())).toList(),
        full.traits(), new PersonalDepth.OutcomeRow(full.outcomes().you(), null, full.outcomes().everyone()),
        full.moves(), List.of());
    Document page = showrunnerPage(depth);
    for (var table : page.select(".traits table")) {
      assertEquals(List.of("Rate", "You", "Everyone (median)"), table.select("thead th").eachText());
    }
    assertEquals(List.of("Ending", "Your sessions", "Everyone's sessions"), page.select("#chart-outcomes thead th").eachText());
    assertTrue(page.select("div.trait-contrast p").first().text().startsWith("Unlike most people,"));
    assertEquals(null, page.getElementById("chart-trend"), "no trend without one");
  }

  /** A strength on the persona's side below most people is headed by what it is, not by a measure it lacks. */
  @org.junit.jupiter.api.Test
  void aStrengthBelowMostPeopleIsHeadedInTheWordsOfItsSentence() throws IOException {
    PersonalDepth full = FixtureFigures.depth();
    PersonalDepth depth = new PersonalDepth(full.map(), full.fit(), full.shadow(), full.measures(),
        List.of(new PersonalDepth.Trait("test_runs_per_session", "strength", false),
            new PersonalDepth.Trait("delegation", "strength", true),
            new PersonalDepth.Trait("prompt_chars", "contrast", true)),
        full.outcomes(), full.moves(), full.trend());
    Document page = showrunnerPage(depth);
    assertEquals(List.of("Strength: Light on test runs", "Strength: Delegates to subagents", "Contrast: Writes long, full prompts"),
        page.select("div.trait h3").eachText());
    assertTrue(page.selectFirst("div.trait-strength p").text().startsWith("Tests run less often in your sessions"),
        page.selectFirst("div.trait-strength p").text());
  }

  /** The page of a Showrunner with one Scaffold session and the given deeper figures, written to {@code out}. */
  private Document showrunnerPage(PersonalDepth depth) throws IOException {
    List<MeResult.MeSession> sessions = List.of(new MeResult.MeSession(LocalDate.of(2026, 11, 1), SessionType.SCAFFOLD, 0.8,
        SessionType.BLUEPRINT, 0.1, Collections.nCopies(Feature.values().length, 1.0), "", ""));
    MeResult result = new MeResult("f".repeat(64), Persona.SHOWRUNNER, 0.78, Persona.SPEC_FIRST_ARCHITECT, true, true, List.of(),
        List.of(0.2, 0.1, 0.1, 0.1, 0.2, 0.1, 0.2), sessions, scores(Persona.SHOWRUNNER, Persona.SPEC_FIRST_ARCHITECT),
        Optional.of(depth));
    new PersonalSite(Path.of("content"), Path.of("templates"), Path.of("static"), PersonalSite.RELATIVE)
        .write(new PersonalFiguresMaker().figures(result), "", out);
    return Jsoup.parse(out.resolve("index.html").toFile());
  }
}
