package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.classify.BehaviourRate;
import dev.personas.classify.ModelFile;
import dev.personas.classify.Persona;
import dev.personas.site.figures.FixtureFigures;
import dev.personas.site.figures.RateLabels;
import dev.personas.study.PopulationModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Find your persona" page as the build writes it, read without running any script. */
class FinderPageTest {
  @TempDir Path temp;
  private TestSite site;

  private Document build(boolean withModel) throws IOException {
    site = TestSite.copyInto(temp);
    SiteData data = SiteData.of(FixtureFigures.sample());
    if (withModel) {
      data = data.withFiles(Map.of(FinderView.MODEL, ModelFile.bytes(PopulationModels.load(Optional.empty()))));
    }
    site.build(site.options("/repo/"), data);
    return Jsoup.parse(site.out().resolve("find-your-persona/index.html").toFile(), "UTF-8");
  }

  @Test
  void withoutJavaScriptTheFinderIsHiddenAndTheCommandLineIsExplained() throws IOException {
    Document page = build(true);
    Element finder = page.getElementById("finder");
    assertFalse(finder.hasAttr("hidden"), "the finder is in the first paint, so that showing it moves nothing");
    assertTrue(page.select("#finder input[type=file]").stream().allMatch(input -> input.hasAttr("disabled")),
        "its inputs wait for the script to load the model");
    Element noscript = page.selectFirst("head > noscript > link[rel=stylesheet]");
    assertNotNull(noscript, "without JavaScript a stylesheet of its own applies");
    assertEquals("/repo/css/noscript.css", noscript.attr("href"));
    assertTrue(Files.readString(site.out().resolve("css/noscript.css")).contains("#finder { display: none; }"),
        "and it hides the finder");
    Element howTo = page.getElementById("how-it-works");
    assertNotNull(howTo, "the authored explanation is on the page");
    assertTrue(howTo.parents().stream().noneMatch(e -> e.hasAttr("hidden")), "and visible without JavaScript");
    assertTrue(page.select("article.prose").text().contains("personas me"), "it names the command");
  }

  @Test
  void theContentSecurityPolicyAllowsTheSiteOnlyAndNamesWorkers() throws IOException {
    String csp = build(true).selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(csp.contains("connect-src 'self'"), csp);
    assertTrue(csp.contains("worker-src 'self'"), csp);
    assertTrue(csp.contains("script-src 'self'"), csp);
  }

  @Test
  void thePageCarriesEveryPersonasAuthoredWordsAndTheModelsAddress() throws IOException {
    Document page = build(true);
    Element finder = page.getElementById("finder");
    assertEquals("/repo/model.json", finder.attr("data-model"));
    // The finder tells the bundled sample's model, which small builds publish, by its fingerprint.
    assertEquals(PopulationModels.load(Optional.empty()).datasetFingerprint(), finder.attr("data-bundled-model"));
    assertEquals("/repo/", finder.attr("data-base"));
    JsonNode data = new ObjectMapper().readTree(finder.attr("data-finder"));
    assertEquals(Persona.values().length, data.path("personas").size());
    assertEquals(7, data.path("types").size());
    for (BehaviourRate rate : BehaviourRate.values()) {
      JsonNode row = data.path("rates").get(rate.ordinal());
      assertEquals(rate.key(), row.path("key").asText());
      assertEquals(RateLabels.unit(rate.key()), row.path("unit").asText());
      assertFalse(row.path("unit").asText().isEmpty(), rate.key() + " has a unit");
      for (String field : List.of("name", "unit", "higher", "lower", "card_higher", "card_lower")) {
        assertFalse(row.path("words").path(field).asText().isBlank(), rate.key() + " has its authored " + field);
      }
    }
    for (Persona p : Persona.values()) {
      Element template = page.getElementById("finder-persona-" + p.slug());
      assertNotNull(template, p.slug());
      assertFalse(template.selectFirst("[data-part=signature-moves]").text().isBlank(), p.slug() + " signature moves");
      assertFalse(template.selectFirst("[data-part=blind-spot]").text().isBlank(), p.slug() + " blind spot");
    }
    JsonNode showrunner = data.path("personas").get(Persona.SHOWRUNNER.ordinal());
    assertEquals("The Showrunner", showrunner.path("name").asText());
    assertTrue(showrunner.path("borrows").size() > 0 && showrunner.path("reflection").size() > 0);
    // The deeper page's words: moves by rate, reflection questions tagged with the rate they ask about.
    assertFalse(showrunner.path("moves").path("delegation").asText().isBlank(), "a move to borrow by rate");
    JsonNode question = showrunner.path("reflection").get(0);
    assertEquals("spec_first", question.path("about").asText());
    assertTrue(question.path("higher").asBoolean());
    assertFalse(question.path("ask").asText().isBlank());
    assertEquals("", showrunner.path("reflection").get(2).path("about").asText(), "an untagged question");
    assertFalse(data.path("site").asText().isBlank(), "the site's title, for the share card");
  }

  @Test
  void thePageLoadsOnlyTheFindersModuleAndNoChartJs() throws IOException {
    Document page = build(true);
    assertEquals(List.of("/repo/js/finder/page.js"), page.select("script").eachAttr("src"),
        "the results' charts are drawn by the finder's own modules (plot.js), not by charts.js and Chart.js");
    assertEquals("module", page.selectFirst("script").attr("type"));
  }

  @Test
  void aSiteWithoutAModelNamesNoneSoThePageRequestsNothing() throws IOException {
    Document page = build(false);
    assertFalse(page.getElementById("finder").hasAttr("data-model"));
    assertFalse(Files.exists(temp.resolve("site/model.json")));
  }
}
