package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Link, anchor and markup checks over every page of a fully built site. */
class SiteMarkupIT {
  /**
   * Nu checker messages we accept, each with its reason. Empty: every page must validate cleanly.
   * (Add a message substring here only with a sentence saying why it is wrong for this site.)
   */
  private static final Map<String, String> IGNORED = Map.of();

  @TempDir static Path temp;
  @TempDir static Path bareTemp;
  static TestSite site;
  static TestSite bare;

  @BeforeAll
  static void build() {
    site = FixtureSite.build(temp);
    // The same site when no dataset was analysed: its pages must be just as valid.
    bare = TestSite.copyInto(bareTemp);
    bare.build(bare.options(FixtureSite.BASE_URL), SiteData.none());
  }

  @Test
  void everyInternalLinkAndAnchorLeadsSomewhere() throws IOException {
    Path out = site.out();
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : TestSite.htmlFiles(out)) {
      Document doc = Jsoup.parse(file.toFile(), "UTF-8");
      URI self = URI.create("http://site" + FixtureSite.BASE_URL + out.relativize(file).toString().replace('\\', '/'));
      for (Element el : doc.select("a[href], link[href], script[src], img[src], meta[property=og:image]")) {
        String ref = el.hasAttr("href") ? el.attr("href") : el.hasAttr("src") ? el.attr("src") : el.attr("content");
        if (ref.startsWith("http://") || ref.startsWith("https://") || ref.startsWith("mailto:")) {
          continue;
        }
        checked++;
        URI target = self.resolve(ref);
        String path = target.getPath();
        if (!path.startsWith(FixtureSite.BASE_URL)) {
          broken.add(file + ": " + ref + " leaves the base URL");
          continue;
        }
        Path local = out.resolve(path.substring(FixtureSite.BASE_URL.length()));
        if (Files.isDirectory(local)) {
          local = local.resolve("index.html");
        }
        if (!Files.isRegularFile(local)) {
          broken.add(out.relativize(file) + ": " + ref + " leads to no file");
          continue;
        }
        String fragment = target.getFragment();
        if (fragment != null && !fragment.isEmpty()) {
          Document linked = Jsoup.parse(local.toFile(), "UTF-8");
          if (linked.getElementById(fragment) == null) {
            broken.add(out.relativize(file) + ": " + ref + " names an anchor its page does not have");
          }
        }
      }
    }
    assertTrue(checked > 300, "the check looked at the links (" + checked + ")");
    assertEquals(List.of(), broken);
  }

  @Test
  void everyPagePassesTheNuHtmlChecker() throws Exception {
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    validator.setNoLangDetect(true);
    ObjectMapper json = new ObjectMapper();
    Map<String, List<String>> problems = new TreeMap<>();
    List<Path> pages = new ArrayList<>(TestSite.htmlFiles(site.out()));
    assertEquals(22, pages.size(), "21 site pages and the personal page: " + pages.size());
    pages.addAll(TestSite.htmlFiles(bare.out()));
    for (Path page : pages) {
      JsonNode result = json.readTree(validator.validate(page));
      for (JsonNode message : result.path("messages")) {
        String type = message.path("type").asText();
        String text = message.path("message").asText();
        boolean counts = type.equals("error") || type.equals("non-document-error")
            || (type.equals("info") && message.path("subType").asText().equals("warning"));
        if (counts && IGNORED.keySet().stream().noneMatch(text::contains)) {
          problems.computeIfAbsent(page.toString(), k -> new ArrayList<>())
              .add(message.path("lastLine").asText() + ": " + type + ": " + text);
        }
      }
    }
    assertEquals(Map.of(), problems);
  }

  @Test
  void shareCardsAreWellFormedSvg() throws Exception {
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    int cards = 0;
    try (var walk = Files.walk(site.out())) {
      for (Path card : walk.filter(p -> p.getFileName().toString().equals("card.svg")).toList()) {
        var svg = factory.newDocumentBuilder().parse(card.toFile()).getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI(), card.toString());
        assertTrue(Set.of("1200").contains(svg.getAttribute("width")));
        cards++;
      }
    }
    assertEquals(dev.personas.classify.Persona.values().length + 1, cards, "one per persona and the personal page's");
  }
}
