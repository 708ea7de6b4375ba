package dev.personas.me;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.site.PersonalSite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose log carries no timestamp (dated on the epoch day inside) is counted and listed
 * as "undated", never shown as 1970-01-01, and kept out of the dates and the chart over time.
 */
class UndatedSessionsTest {
  @TempDir Path out;

  @Test
  void undatedSessionsAreListedAsSuchAndLeftOutOfTheDates() throws IOException {
    Document page = page(List.of(LocalDate.EPOCH, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 9)));
    assertEquals(3, page.select("table.sessions tbody tr").size());
    assertEquals(List.of("undated", "2026-10-02", "2026-10-09"),
        page.select("table.sessions tbody tr td:first-child").eachText());
    String stats = page.select("dl.stats").text();
    assertTrue(stats.contains("From 2026-10-02") && stats.contains("To 2026-10-09"), stats);
    assertFalse(page.text().contains("1970"), "the epoch day never shows");
    assertFalse(page.select("#chart-over-time").isEmpty(), "the dated sessions still make a chart");
  }

  @Test
  void withNoDatedSessionThereIsNoChartOverTime() throws IOException {
    Document page = page(List.of(LocalDate.EPOCH, LocalDate.EPOCH, LocalDate.EPOCH));
    assertTrue(page.select("dl.stats").text().contains("From undated"), page.select("dl.stats").text());
    assertTrue(page.select("#chart-over-time").isEmpty());
    assertFalse(page.text().contains("1970"));
  }

  /**
   * A session whose events record no time has estimated active minutes and no span: its minutes
   * show as an estimate, and the page says what the mark means; measured minutes show plain.
   */
  @Test
  void minutesEstimatedForALogWithNoTimeAreMarked() throws IOException {
    Document page = page(List.of(LocalDate.EPOCH, LocalDate.of(2026, 10, 2)), List.of(3.24, 12.5), List.of(0.0, 40.0));
    assertEquals(List.of("\u2248 3.2", "12.5"), page.select("table.sessions tbody tr td:nth-child(4)").eachText());
    assertTrue(page.select("p.minutes-estimated").text().startsWith("\u2248: the log records no time"),
        page.select("p.minutes-estimated").text());
    Document measured = page(List.of(LocalDate.of(2026, 10, 2)), List.of(12.5), List.of(40.0));
    assertTrue(measured.select("p.minutes-estimated").isEmpty(), "no note without an estimate");
  }

  private Document page(List<LocalDate> dates) throws IOException {
    return page(dates, Collections.nCopies(dates.size(), 0.0), Collections.nCopies(dates.size(), 0.0));
  }

  private Document page(List<LocalDate> dates, List<Double> active, List<Double> wall) throws IOException {
    List<MeResult.MeSession> sessions = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      LocalDate date = dates.get(i);
      List<Double> values = new ArrayList<>(Collections.nCopies(Feature.values().length, 0.0));
      values.set(Feature.PROMPTS.ordinal(), 2.0);
      values.set(Feature.ACTIVE_MINUTES.ordinal(), active.get(i));
      values.set(Feature.WALL_MINUTES.ordinal(), wall.get(i));
      sessions.add(new MeResult.MeSession(date, SessionType.ONE_SHOT, 0.9, SessionType.CONSULT, 0.05, values, "", ""));
    }
    MeResult result = new MeResult("f".repeat(64), Persona.PROMPT_MINIMALIST, 0.7, Persona.QUICK_TURN_SPRINTER, true,
        false, List.of(), List.of(0.2, 0.1, 0.1, 0.1, 0.2, 0.1, 0.2), sessions,
        PersonalPageTest.scores(Persona.PROMPT_MINIMALIST, Persona.QUICK_TURN_SPRINTER), Optional.empty());
    result = result.withDepth(new DepthAnalyzer(dev.personas.study.PopulationModels.load(Optional.empty())).analyse(result));
    new PersonalSite(Path.of("content"), Path.of("templates"), Path.of("static"), PersonalSite.RELATIVE)
        .write(new PersonalFiguresMaker().figures(result), "Compared with a test population.", out);
    return Jsoup.parse(out.resolve("index.html").toFile());
  }
}
