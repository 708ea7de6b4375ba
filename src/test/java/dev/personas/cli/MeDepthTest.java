package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.classify.Persona;
import dev.personas.me.PlantedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `personas me` gives the map, shadow, traits, outcomes, moves, questions, trend and a card with nothing private. */
class MeDepthTest {
  /** Planted in every place a log carries text: prompts, paths, branch, titles, tool output, answers. */
  private static final String SECRET = "zebra-Quokka-7731";

  @TempDir Path home;
  @TempDir Path work;

  /** {@code count} sessions, one every {@code days} days, with the secret everywhere. */
  private void logs(int count, int days) {
    Instant start = Instant.parse("2026-08-03T09:00:00Z");
    for (int i = 0; i < count; i++) {
      PlantedLogs.claude(home.resolve(".claude/projects"), "-home-dev-" + SECRET, "s-" + i,
          start.plus((long) i * days, ChronoUnit.DAYS), List.of("Fix " + SECRET + " in app.py please", "still " + SECRET), SECRET);
    }
  }

  @Test
  void cardAloneHoldsThePersonaTaglineAndThreeTraitsAndNothingFromTheLogs() throws IOException {
    logs(6, 2);
    Path card = work.resolve("out/card.svg");
    MeRun.Result run = MeRun.run(home, "--card", card.toString(), "--out", work.resolve("page").toString(), "--quiet");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertEquals(card + "\n", run.out());
    assertFalse(Files.exists(work.resolve("page")), "--card writes the card alone");
    String svg = Files.readString(card);
    assertFalse(svg.toLowerCase(java.util.Locale.ROOT).contains("zebra") || svg.contains("7731") || svg.contains("app.py"), svg);
    Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
    List<String> texts = doc.select("text").eachText();
    assertEquals(3, doc.select("circle").size(), "one bullet per trait");
    assertTrue(java.util.Arrays.stream(Persona.values()).anyMatch(p -> texts.contains(p.displayName())), texts.toString());
    // Site name, persona, the tagline (one or two lines) and three traits: nothing else is written.
    assertTrue(texts.size() == 6 || texts.size() == 7, texts.toString());
    for (String text : texts) {
      assertFalse(text.matches(".*\\d.*"), "no number on the card: " + text);
    }
  }

  @Test
  void pageLinksItsCardAsOpenGraphImageAndShowsEveryDeeperSection() throws IOException {
    logs(6, 2);
    Path out = work.resolve("me");
    MeRun.Result run = MeRun.run(home, "--out", out.toString(), "--quiet");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    Document page = Jsoup.parse(out.resolve("index.html").toFile());
    // The PNG is the Open Graph image (link previews ignore SVG); both cards are the card --card writes.
    assertEquals("./card.png", page.selectFirst("meta[property=og:image]").attr("content"));
    assertEquals("image/png", page.selectFirst("meta[property=og:image:type]").attr("content"));
    assertEquals(Files.readString(out.resolve("card.svg")), Files.readString(cardOf(work.resolve("alone.svg"))));
    assertArrayEquals(Files.readAllBytes(out.resolve("card.png")), Files.readAllBytes(cardOf(work.resolve("alone.png"))));
    var image = javax.imageio.ImageIO.read(out.resolve("card.png").toFile());
    assertEquals(List.of(1200, 630), List.of(image.getWidth(), image.getHeight()));
    assertEquals(1, page.select("svg.persona-map circle.map-you").size());
    assertFalse(page.select("svg.persona-map .map-population circle").isEmpty(), "the population behind");
    assertTrue(page.selectFirst("p.fit").text().matches("(Decisive|Typical|Borderline).*"), page.selectFirst("p.fit").text());
    assertTrue(page.selectFirst("#shadow-title").text().startsWith("Your shadow: The "));
    assertTrue(page.selectFirst("p.axis").text().startsWith("What separates the two: "));
    assertEquals(List.of("strength", "strength", "contrast"), page.select("div.trait").stream()
        .map(d -> d.className().replace("trait trait-", "")).toList());
    assertNotNull(page.getElementById("chart-outcomes"));
    assertEquals(2, page.select("section.borrow li").size());
    assertEquals(3, page.select("#reflect ~ ul li").size());
    assertNull(page.getElementById("chart-trend"), "eleven days of logs: no trend");
    String html = Files.readString(out.resolve("index.html"));
    assertFalse(html.contains("7731") || html.toLowerCase(java.util.Locale.ROOT).contains("zebra"), "nothing private by default");
  }

  @Test
  void trendAppearsOnlyWhenTheLogsSpanMoreThanFourWeeks() throws IOException {
    logs(8, 7);
    Path out = work.resolve("me");
    MeRun.Result run = MeRun.run(home, "--out", out.toString(), "--json", "--quiet");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    Document page = Jsoup.parse(out.resolve("index.html").toFile());
    assertNotNull(page.getElementById("chart-trend"));
    // 2026-08-03 to 2026-09-21: August and September.
    assertEquals(List.of("2026-08", "2026-09"), page.select("#chart-trend tbody th").eachText());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(2, json.path("depth").path("trend").size());
    assertEquals(3, json.path("depth").path("traits").size());
    assertTrue(json.path("card").asText().endsWith("card.svg"));
  }

  private Path cardOf(Path card) {
    MeRun.Result run = MeRun.run(home, "--card", card.toString(), "--quiet");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    return card;
  }
}
