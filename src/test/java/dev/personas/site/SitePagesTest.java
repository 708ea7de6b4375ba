package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import dev.personas.site.figures.ConfusionMatrix;
import dev.personas.site.figures.DistinctiveFeature;
import dev.personas.site.figures.FixtureFigures;
import dev.personas.site.figures.SiteFigures;
import dev.personas.site.figures.TypeFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figure pages, built from the real content and templates with fixture figures. */
class SitePagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_DATA = "No dataset was analysed for this build.";

  @TempDir Path temp;
  TestSite site;
  final SiteFigures figures = FixtureFigures.sample();

  @BeforeEach
  void copySources() {
    site = TestSite.copyInto(temp);
  }

  private void build(Optional<SiteFigures> with) {
    SiteData data = with.map(SiteData::of).orElse(SiteData.none());
    site.build(site.options("/"), data);
  }

  private Document page(String relative) throws IOException {
    return Jsoup.parse(site.out().resolve(relative).toFile(), "UTF-8");
  }

  /** The chart spec a canvas carries, parsed back from its attribute. */
  private static JsonNode spec(Element figure) throws IOException {
    return JSON.readTree(figure.selectFirst("canvas[data-chart]").attr("data-chart"));
  }

  private static List<Double> values(JsonNode spec, int series) {
    List<Double> values = new ArrayList<>();
    spec.get("series").get(series).get("values").forEach(v -> values.add(v.asDouble()));
    return values;
  }

  @Test
  void homeDrawsTheSharesOfSessionsAndPeopleTheBuildComputed() throws IOException {
    build(Optional.of(figures));
    Document home = page("index.html");
    Element types = home.getElementById("chart-type-shares");
    Element personas = home.getElementById("chart-persona-shares");
    assertNotNull(types);
    assertNotNull(personas);
    List<Double> expectedTypes = figures.types().stream().map(t -> Format.percentValue(t.share())).toList();
    assertEquals(expectedTypes, values(spec(types), 0));
    assertEquals(FigureViews.typeNames(), types.select("tbody th").eachText());
    assertEquals(figures.types().stream().map(t -> Format.percent(t.share())).toList(), types.select("tbody td").eachText());
    assertEquals(figures.personas().stream().map(p -> Format.percent(p.share())).toList(), personas.select("tbody td").eachText());
    assertEquals("25.0 %", personas.select("tbody tr").get(Persona.SHOWRUNNER.ordinal()).selectFirst("td").text());
    assertTrue(home.selectFirst(".dataset-line").text().contains("500 sessions by 60 people in 33 repositories"));
    assertTrue(home.selectFirst(".chart-foot").text().contains("48 people with at least 3 sessions"));
    assertNotNull(home.selectFirst("a[href=/find-your-persona/]"), "home leads to find your persona");
  }

  @Test
  void sectionIndexesListEveryTypeAndPersonaWithItsShare() throws IOException {
    build(Optional.of(figures));
    Document types = page("session-types/index.html");
    assertEquals(FigureViews.typeNames(), types.select(".cards h3 a").eachText(), "in front-matter order");
    assertEquals(figures.types().stream().map(t -> Format.percent(t.share()) + " of sessions Illustrative").toList(),
        types.select(".share-line").eachText());
    Document personas = page("personas/index.html");
    assertEquals(7, personas.select(".cards h3 a").size());
    assertTrue(personas.select(".share-line").eachText().contains("25.0 % of people Illustrative"));
    build(Optional.empty());
    assertTrue(page("session-types/index.html").select(".share-line").isEmpty());
    assertEquals(7, page("session-types/index.html").select(".cards h3 a").size());
  }

  @Test
  void everyChartsTableHoldsExactlyTheNumbersTheChartDraws() throws IOException {
    build(Optional.of(figures));
    int charts = 0;
    for (Path path : TestSite.htmlFiles(site.out())) {
      Document doc = Jsoup.parse(path.toFile(), "UTF-8");
      String file = site.out().relativize(path).toString();
      for (Element figure : doc.select("figure.chart")) {
        charts++;
        JsonNode spec = spec(figure);
        Element canvas = figure.selectFirst("canvas");
        assertEquals("img", canvas.attr("role"), file + " " + figure.id());
        assertFalse(canvas.attr("aria-label").isBlank(), file + " " + figure.id());
        if (spec.get("kind").asText().equals("bar")) {
          List<Element> rows = figure.select("tbody tr");
          assertEquals(spec.get("labels").size(), rows.size(), file + " " + figure.id());
          for (int s = 0; s < spec.get("series").size(); s++) {
            for (int r = 0; r < rows.size(); r++) {
              assertEquals(spec.get("labels").get(r).asText(), rows.get(r).selectFirst("th").text());
              double shown = parse(rows.get(r).select("td").get(s).text());
              assertEquals(values(spec, s).get(r), shown, 1e-9, file + " " + figure.id() + " row " + r);
            }
          }
        } else {
          List<String> minutes = new ArrayList<>();
          spec.get("series").forEach(s -> s.get("points").forEach(p -> minutes.add(Format.minutes(p.get("x").asDouble()))));
          List<String> shown = figure.select("tbody tr td:first-child").eachText();
          assertEquals(minutes.stream().sorted().toList(), shown.stream().sorted().toList(), file + " " + figure.id());
        }
      }
    }
    // Home 2, 7 types x 4 (timeline, distinctive, endings, transitions; Marathon has no next), 6 personas,
    // method 3 (real-corpus agreement, recovery, silhouette); SWE-chat's annotations: 7 types x 4
    // (coding mode, success, user personas, intents), 6 personas x 3, the data page 6, and its tool-call mix.
    assertEquals(2 + 7 * 4 - 1 + 6 + 3 + 7 * 4 + 6 * 3 + 6 + 1, charts);
  }

  // A cell is a number, maybe with a unit and its count after it ("15.0 % (188)", "80.0 % of 10").
  private static double parse(String text) {
    String number = text.replace(",", "").replace('\u2212', '-').split(" ")[0];
    return Double.parseDouble(number);
  }

  @Test
  void sessionTypePagesShowTheirShareTimelineFeaturesEndingsAndNextTypes() throws IOException {
    build(Optional.of(figures));
    for (SessionType type : SessionType.values()) {
      TypeFigures t = figures.of(type);
      Document doc = page("session-types/" + type.slug() + "/index.html");
      String where = type.slug();
      assertEquals(List.of(Format.count(t.sessions()), Format.percent(t.share())), doc.select(".stats dd").eachText(), where);
      Element timeline = doc.getElementById("chart-timeline");
      assertEquals(t.representative().orElseThrow().events().size(), timeline.select("tbody tr").size(), where);
      for (DistinctiveFeature d : t.distinctive()) {
        Element row = doc.select(".figures > .table-scroll > table:has(caption:contains(medians of this type)) tbody tr")
            .stream().filter(r -> r.selectFirst("th").text().equals(d.feature().key())).findFirst().orElseThrow();
        assertEquals(List.of(Format.number(d.typeMedian()), Format.number(d.populationMedian()), Format.signed(d.zDistance())),
            row.select("td.num").eachText(), where);
      }
      Element endings = doc.getElementById("chart-endings");
      assertEquals(List.of(Format.percent(t.endings().orElseThrow().agentCommit()), Format.percent(t.endings().get().testsPassing()),
          Format.percent(t.endings().get().afterError())), endings.select("tbody td").eachText(), where);
      if (type == SessionType.MARATHON) {
        assertNull(doc.getElementById("chart-transitions"), where);
        assertTrue(doc.text().contains("no next step to show"), where);
      } else {
        assertEquals("50.0 %", doc.getElementById("chart-transitions").select("tbody td").get(0).text(), where);
      }
      assertEquals(1, doc.select(".note-sample").size(), where + " labels its figures as illustrative");
      assertFalse(doc.text().contains(NO_DATA), where);
    }
  }

  @Test
  void personaPagesShowTheirShareTypeMixBorrowLinksAndShareCard() throws IOException {
    build(Optional.of(figures));
    Document doc = page("personas/showrunner/index.html");
    assertEquals(List.of("12", "25.0 %", Format.percent(11 / 12.0)), doc.select(".stats dd").eachText());
    Element mix = doc.getElementById("chart-type-mix");
    assertEquals(List.of("The Showrunner", "All sessions"), spec(mix).get("series").findValuesAsText("name"));
    assertEquals(figures.types().stream().map(t -> Format.percentValue(t.share())).toList(), values(spec(mix), 1));
    assertEquals(List.of("/personas/prompt-minimalist/", "/personas/pair-programmer/"), doc.select(".borrow a").eachAttr("href"));
    assertEquals("/personas/showrunner/card.png", doc.selectFirst("meta[property=og:image]").attr("content"));
    assertTrue(site.out().resolve("personas/showrunner/card.svg").toFile().isFile());
    assertTrue(site.out().resolve("personas/showrunner/card.png").toFile().isFile());

    Document nobody = page("personas/prompt-minimalist/index.html");
    assertEquals(List.of("0", "0.0 %"), nobody.select(".stats dd").eachText());
    assertTrue(nobody.select("canvas").isEmpty(), "no empty chart for a persona nobody has");
    assertTrue(nobody.text().contains("Nobody in this dataset was given the persona The Prompt Minimalist"));
    assertTrue(nobody.select("script[src$=charts.js]").isEmpty());
  }

  @Test
  void methodPageGeneratesTheFeatureTableAndDrawsTheValidationFigures() throws IOException {
    build(Optional.of(figures));
    Document doc = page("method/index.html");
    List<Element> rows = doc.select("table.feature-table tbody tr");
    assertEquals(Feature.values().length, rows.size());
    for (Feature f : Feature.values()) {
      Element row = rows.get(f.ordinal());
      var r = figures.features().get(f.ordinal());
      assertAll(f.key(),
          () -> assertEquals(f.key(), row.selectFirst("th").text()),
          () -> assertEquals(f.definition(), row.select("td").get(0).text()),
          () -> assertEquals(List.of(Format.number(r.q1()), Format.number(r.populationMedian()), Format.number(r.q3())),
              row.select("td.num").eachText().subList(0, 3)),
          () -> assertEquals(4, row.select("td.num").size(), "the real corpus's median beside the quartiles"));
    }
    // Real corpus first (held-out, people held out, personas, readers), then the planted-truth recovery.
    assertEquals(List.of("66.0 %", "52.0 %", "55.0 %", "90.0 %", "93.4 %", "87.5 %"),
        doc.select("#validation ~ dl.stats dd, .stats dd").eachText());
    Element real = doc.getElementById("chart-real-agreement");
    assertEquals(List.of(90.0, 70.0, 66.0, 52.0, 85.0, 55.0), values(spec(real), 0));
    assertTrue(doc.text().contains("for 66 of 100 sessions (66.0 %; 95 % interval 57.0 % to 74.0 %; target 80.0 %: not met)"));
    assertTrue(doc.text().contains("On the sessions of people held out as a whole it gave the readers' type for 26 of 50 (52.0 %"),
        "the figure on people held out as a whole");
    ConfusionMatrix held = figures.validation().real().heldOut().confusion();
    Element heldHeat = doc.getElementById("confusion-real-types");
    for (int r = 0; r < held.labels().size(); r++) {
      assertEquals(held.counts().get(r).stream().map(c -> Format.count(c)).toList(),
          heldHeat.select("tbody tr").get(r).select("td:not(.total)").eachText());
    }
    Element recovery = doc.getElementById("chart-recovery");
    assertEquals(List.of(93.4, 87.5), values(spec(recovery), 0));
    assertEquals(List.of(90.0, 85.0), values(spec(recovery), 1));
    ConfusionMatrix m = figures.validation().typeConfusion().orElseThrow();
    Element heat = doc.getElementById("confusion-types");
    for (int r = 0; r < m.labels().size(); r++) {
      List<String> cells = heat.select("tbody tr").get(r).select("td:not(.total)").eachText();
      assertEquals(m.counts().get(r).stream().map(c -> Format.count(c)).toList(), cells);
    }
    assertEquals(m.labels().size(), heat.select("td.diag").size());
    assertTrue(doc.text().contains("Across 50 bootstrap resamples"));
    assertTrue(doc.text().contains("the personas of the people with three or more sessions agreed with the full-data personas"
        + " with a mean adjusted Rand index of 0.87 (lowest 0.74; target 0.80: met)"), doc.text());
    assertTrue(doc.text().contains("81.3 % of the people with three or more sessions were classified decisively;"
        + " the others are borderline"));
    assertTrue(doc.text().contains("sha256:5f2c9e01"));
    assertNotNull(doc.getElementById("chart-silhouette"));
  }

  @Test
  void typePersonaAndDataPagesSetSweChatsAnnotationsBesideAllSessions() throws IOException {
    build(Optional.of(figures));
    Document oneShot = page("session-types/one-shot/index.html");
    JsonNode modes = spec(oneShot.getElementById("chart-coding-mode"));
    assertEquals(List.of("Human-only", "Collaborative", "Vibe coding"), texts(modes.get("labels")));
    // The fixture gives every type 2, 3 and 5 sessions; all sessions are seven times that.
    assertEquals(List.of(20.0, 30.0, 50.0), values(modes, 0));
    assertEquals(List.of(20.0, 30.0, 50.0), values(modes, 1));
    assertEquals("20.0 % (2)", oneShot.getElementById("chart-coding-mode").select("tbody tr td").get(0).text());
    assertEquals("20.0 % (14)", oneShot.getElementById("chart-coding-mode").select("tbody tr td").get(1).text());
    assertEquals(List.of(70.0, 80.0), values(spec(oneShot.getElementById("chart-success")), 0));
    assertEquals(8, spec(oneShot.getElementById("chart-intents")).get("labels").size());
    assertNotNull(oneShot.getElementById("chart-user-personas"));
    assertTrue(oneShot.select("p.note").stream().noneMatch(p -> p.text().contains("this dataset has no")));

    Document persona = page("personas/showrunner/index.html");
    assertNotNull(persona.getElementById("chart-coding-mode"));
    assertNotNull(persona.getElementById("chart-user-personas"));
    assertNull(persona.getElementById("chart-intents"), "intents are tagged per prompt: by type only");

    Document data = page("data/index.html");
    for (String id : List.of("chart-coding-mode-types", "chart-coding-mode-personas", "chart-success-types",
        "chart-success-personas", "chart-user-personas-personas", "chart-user-personas-types")) {
      assertNotNull(data.getElementById(id), id);
    }
    assertEquals(SessionType.values().length + 1, data.select("#table-intents-types tbody tr").size());
    // The fixture's 500 sessions, 6,000 prompts and 50,000 tool calls beside the published release.
    assertEquals(List.of("Sessions", "500", "17,819"), data.select("#table-size tbody tr").get(0).children().eachText());
    assertEquals("100", data.select("#table-size tbody tr").get(2).child(1).text());
    JsonNode categories = spec(data.getElementById("chart-tool-categories"));
    assertEquals(20, categories.get("labels").size());
    assertEquals(5.0, values(categories, 0).get(0), 1e-9);
    assertEquals(14.7, values(categories, 1).get(0), 1e-9);
    assertTrue(data.selectFirst("#left-out ~ ul").text()
        .contains("40 sessions of dayhaysoos/nimbus (machine-generated prompts)"));
    assertTrue(page("index.html").selectFirst(".dataset-line").text().contains("40 sessions of dayhaysoos/nimbus"
        + " (machine-generated prompts) left out, as the SWE-chat paper does"));
  }

  @Test
  void withoutAnnotationsThePagesSayWhatAReleaseWouldShowInsteadOfDrawingEmptyCharts() throws IOException {
    build(Optional.of(FixtureFigures.withoutAnnotations()));
    Document oneShot = page("session-types/one-shot/index.html");
    for (String id : List.of("chart-coding-mode", "chart-success", "chart-user-personas", "chart-intents")) {
      assertNull(oneShot.getElementById(id), id);
    }
    List<String> notes = oneShot.select("p.note").eachText();
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("Coding mode: this dataset has no agent_percentage column.")), notes.toString());
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("Prompt intents: this dataset's conversations carry no prompt_intent.")), notes.toString());
    Document data = page("data/index.html");
    assertTrue(data.select("#annotations ~ figure.chart").isEmpty());
    assertEquals(4, data.select("p.note").stream().filter(p -> p.text().contains("this dataset")).count());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void withoutGroundTruthRecoveryIsNotAvailableAndTheRestIsStillShown() throws IOException {
    build(Optional.of(FixtureFigures.withoutGroundTruth()));
    Document doc = page("method/index.html");
    assertNull(doc.getElementById("chart-recovery"));
    assertNull(doc.getElementById("confusion-types"));
    assertTrue(doc.text().contains("Not available. swe-chat-v1 carries no known session types or personas"));
    assertNotNull(doc.getElementById("chart-silhouette"));
    assertTrue(doc.select(".note-sample").isEmpty(), "a real dataset is not labelled illustrative");
    assertTrue(doc.select(".sample-banner").isEmpty());
  }

  @Test
  void withoutFiguresEveryFigurePageSaysNoDatasetWasAnalysedAndDrawsNothing() throws IOException {
    build(Optional.empty());
    List<String> figurePages = new ArrayList<>(List.of("index.html", "method/index.html"));
    for (SessionType t : SessionType.values()) {
      figurePages.add("session-types/" + t.slug() + "/index.html");
    }
    for (Persona p : Persona.values()) {
      figurePages.add("personas/" + p.slug() + "/index.html");
    }
    for (String file : figurePages) {
      Document doc = page(file);
      assertTrue(doc.text().contains(NO_DATA), file);
      assertTrue(doc.select("canvas, .stats").isEmpty(), file + " draws no chart and shows no figure");
      assertTrue(doc.select("script[src$=charts.js], script[data-chartjs]").isEmpty(), file + " loads no chart library");
    }
    // The catalogue is code, not data: the feature table is there without figures, minus quartiles.
    assertEquals(Feature.values().length, page("method/index.html").select("table.feature-table tbody tr").size());
    // No dataset quartiles; only the real corpus's medians, which do not come from a dataset.
    assertEquals(Feature.values().length, page("method/index.html").select("table.feature-table td.num").size());
  }

  @Test
  void noPageTypesAFigureWhenTheBuildHasNone() throws IOException {
    // Every figure on a page comes from the build: without figures, nothing the templates print
    // holds a digit. Left out: the authored Markdown (checked below), the feature catalogue
    // (code: "under 200 characters") and the project's targets.
    build(Optional.empty());
    for (Path file : TestSite.htmlFiles(site.out())) {
      String relative = site.out().relativize(file).toString();
      Document doc = Jsoup.parse(file.toFile(), "UTF-8");
      Element main = doc.selectFirst("main");
      main.select(".authored, .target, .feature-table").remove();
      assertFalse(main.text().matches("(?s).*\\d.*"), relative + " shows a number without figures: " + main.text());
    }
  }

  @Test
  void authoredPagesTypeNoShareOrPercentageOnlyTheDataPageQuotesTheStudy() throws IOException {
    try (var walk = java.nio.file.Files.walk(site.root().resolve("content"))) {
      for (Path md : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
        String text = java.nio.file.Files.readString(md);
        boolean quotesStudy = md.getFileName().toString().equals("data.md");
        assertEquals(quotesStudy, text.matches("(?s).*\\d+(\\.\\d+)? ?%.*"),
            md + (quotesStudy ? " quotes the study's shares, labelled" : " types a percentage: figures come from the build"));
      }
    }
  }

  @Test
  void chartPagesLoadOnlyTheSmallDrawingScriptWhichNamesChartJsForLater() throws IOException {
    build(Optional.of(figures));
    int pages = 0;
    for (Path path : TestSite.htmlFiles(site.out())) {
      Document doc = Jsoup.parse(path.toFile(), "UTF-8");
      String file = site.out().relativize(path).toString();
      assertTrue(doc.select("script[src$=chart.umd.js], link[href$=chart.umd.js]").isEmpty(),
          file + ": Chart.js is not on the path to the first paint");
      if (!doc.select("canvas[data-chart]").isEmpty()) {
        Element script = doc.selectFirst("script[src$=charts.js]");
        assertNotNull(script, file + " draws its charts");
        assertTrue(script.hasAttr("defer"), file);
        assertEquals("/assets/vendor/chart.umd.js", script.attr("data-chartjs"), file + ": where charts.js finds Chart.js");
        pages++;
      }
    }
    assertTrue(pages > 10, "the figure pages were checked: " + pages);
  }

  @Test
  void buildingTwiceWithTheSameFiguresGivesByteIdenticalFiles() {
    build(Optional.of(figures));
    var first = TestSite.hashes(site.out());
    build(Optional.of(figures));
    assertEquals(first, TestSite.hashes(site.out()));
    assertTrue(site.read("site/session-types/spiral/index.html").contains("{&quot;x&quot;:0.0,&quot;y&quot;:&quot;"),
        "timeline marks are written as {x, y} in that order");
  }

  @Test
  void shareCardsEscapeHostileNamesAndTaglines() throws Exception {
    String hostile = "<script>alert('x')</script> & \"quotes\" \u0007";
    String svg = ShareCardRenderer.svg("Site <b>", hostile, hostile + " " + hostile);
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(0, doc.getElementsByTagName("script").getLength());
    assertEquals(0, doc.getElementsByTagName("b").getLength());
    assertEquals("<script>alert('x')</script> & \"quotes\" ", doc.getElementsByTagName("text").item(1).getTextContent());

    site.write("content/personas/showrunner.md", site.read("content/personas/showrunner.md")
        .replace("title: \"The Showrunner\"", "title: \"<svg onload=alert(1)>\"")
        .replace("tagline: \"Builds the stage, casts the crew, then runs the show.\"", "tagline: \"]]> <script>x</script>\""));
    build(Optional.of(figures));
    String card = site.read("site/personas/showrunner/card.svg");
    assertFalse(card.contains("<script"), card);
    assertFalse(card.contains("<svg onload"), card);
    assertTrue(card.contains("&lt;svg onload=alert(1)&gt;"));
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(site.out().resolve("personas/showrunner/card.svg").toFile());
  }

  @Test
  void personalPageRendersFromPersonalFiguresWithTheAuthoredProfile() throws IOException {
    var renderers = new ArrayList<>(Renderers.standard());
    renderers.add(0, new PersonalPageRenderer(FixtureFigures.personal(), "/me/"));
    new SiteBuilder(site.options("/"), renderers, () -> 0L).build(SiteData.of(figures));
    Document doc = page("me/index.html");
    assertEquals("The Showrunner", doc.selectFirst("h1").text());
    assertEquals(List.of("78.0 %", "6", "2026-10-01", "2026-10-21", "The Spec-First Architect"), doc.select(".stats dd").eachText());
    List<Element> reasons = doc.select("table.reasons tbody tr");
    assertEquals(3, reasons.size());
    assertEquals("plan_mode", reasons.get(0).selectFirst("code").text());
    assertEquals(List.of("2.50", "0"), reasons.get(0).select("td.num").eachText());
    assertTrue(reasons.get(0).selectFirst(".trait").text().contains("plan mode"), "the persona's authored trait line");
    assertEquals("lower than most", reasons.get(2).select("td").last().text());
    assertEquals(6, doc.select("table.sessions tbody tr").size());
    assertEquals(List.of("2026-10-01", "Scaffold", "70.0 % (uncertain)", "12.5", "3", "plan mode 1 subagents"),
        doc.select("table.sessions tbody tr").get(0).select("td").eachText());
    assertEquals("50.0 %", doc.getElementById("chart-your-mix").select("tbody tr").get(SessionType.SCAFFOLD.ordinal()).select("td").get(0).text());
    assertEquals(6, doc.getElementById("chart-over-time").select("tbody tr").size());
    assertTrue(doc.selectFirst("#moves ~ ul").text().contains("Opening in plan mode"), "signature moves from content");
    assertTrue(doc.text().contains("Distance. Delegation hides detail by design"), "blind spot from content");
    // The moves its numbers chose (PersonalDepth), not the persona's authored defaults.
    assertEquals(List.of("/personas/pair-programmer/", "/personas/runtime-mechanic/"), doc.select(".borrow a").eachAttr("href"));
    assertEquals("Test runs", doc.selectFirst(".borrow .move-about").text());
    assertEquals("/personas/spec-first-architect/", doc.selectFirst("#shadow-title a").attr("href"));
    assertEquals(24, doc.select("svg.persona-map .map-population circle").size());
    assertEquals("/me/card.png", doc.selectFirst("meta[property=og:image]").attr("content"));
    // The card marks the contrast as the page heads it: it is where the person differs from the persona.
    assertEquals(List.of("Strength: Delegates to subagents", "Strength: Opens with a spec or a plan", "Contrast: Asks why"),
        doc.select("div.trait h3").eachText());
    List<String> card = Jsoup.parse(java.nio.file.Files.readString(site.out().resolve("me/card.svg")), "",
        org.jsoup.parser.Parser.xmlParser()).select("text").eachText();
    assertEquals(List.of("Delegates to subagents", "Opens with a spec or a plan", "Contrast: Asks why"),
        card.subList(card.size() - 3, card.size()));
    assertNotNull(doc.selectFirst("main a[href=/personas/showrunner/]"), "links to the full profile");
    assertTrue(doc.text().contains("cleanupPeriodDays"));
  }
}
