package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {
  @TempDir Path temp;
  TestSite site;

  @BeforeEach
  void copySources() {
    site = TestSite.copyInto(temp);
  }

  private Document page(String relative) throws IOException {
    return Jsoup.parse(site.out().resolve(relative).toFile(), "UTF-8");
  }

  @Test
  void everyContentPageRendersWithItsTitleNavigationAndPrettyUrl() throws IOException {
    site.build("/");
    Map<String, String> titles = Map.of(
        "index.html", "Usage numbers hide how people work with coding agents",
        "method/index.html", "Method",
        "data/index.html", "About the data",
        "session-types/index.html", "Session types",
        "personas/index.html", "Personas");
    for (var entry : titles.entrySet()) {
      Document doc = page(entry.getKey());
      assertEquals(entry.getValue(), doc.selectFirst("h1").text(), entry.getKey());
      assertTrue(doc.title().contains("Coding personas"), entry.getKey() + " title: " + doc.title());
      List<String> nav = doc.select("nav.site-nav a").eachText();
      assertEquals(List.of("Home", "Session types", "Personas", "Method", "Data"), nav, entry.getKey());
      assertEquals(1, doc.select("nav.site-nav a[aria-current=page]").size(), entry.getKey() + " marks where the reader is");
    }
    assertEquals("Method", page("method/index.html").selectFirst("nav.site-nav a[aria-current=page]").text());
  }

  @Test
  void contentPagesHaveATableOfContentsLinkingToTheirHeadings() throws IOException {
    site.build("/");
    Document method = page("method/index.html");
    List<Element> links = method.select("nav.toc a");
    assertTrue(links.size() >= 4, "method has its sections in the table of contents");
    for (Element link : links) {
      String id = link.attr("href").substring(1);
      Element heading = method.getElementById(id);
      assertNotNull(heading, "heading with id " + id);
      assertEquals(link.text(), heading.text());
    }
  }

  @Test
  void everyPageCarriesTheContentSecurityPolicyAndNoInlineScriptOrStyle() throws IOException {
    site.build("/");
    for (Path file : TestSite.htmlFiles(site.out())) {
      Document doc = Jsoup.parse(file.toFile(), "UTF-8");
      String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
      assertTrue(csp.startsWith("default-src 'self'"), file + ": " + csp);
      assertTrue(doc.select("script:not([src])").isEmpty(), file + " has an inline script");
      assertTrue(doc.select("style, [style]").isEmpty(), file + " has inline style");
      assertEquals("Skip to content", doc.selectFirst("a.skip-link").text(), file.toString());
      assertNotNull(doc.getElementById("main"), file.toString());
    }
  }

  @Test
  void everyHrefAndSrcHonoursANonRootBaseUrl() throws IOException {
    site.build("/personas-repo");
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path file : TestSite.htmlFiles(site.out())) {
      Document doc = Jsoup.parse(file.toFile(), "UTF-8");
      for (Element el : doc.select("[href], [src]")) {
        String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
        checked++;
        boolean external = url.startsWith("https://") || url.startsWith("http://") || url.startsWith("mailto:");
        if (!external && !url.startsWith("#") && !url.startsWith("/personas-repo/")) {
          wrong.add(site.out().relativize(file) + ": " + url);
        } else if (url.startsWith("/personas-repo/")) {
          String target = url.substring("/personas-repo/".length()).replaceAll("#.*$", "");
          Path resolved = site.out().resolve(target.isEmpty() || target.endsWith("/") ? target + "index.html" : target);
          if (!Files.isRegularFile(resolved)) {
            wrong.add(site.out().relativize(file) + ": " + url + " leads nowhere");
          }
        }
      }
    }
    assertTrue(checked > 50, "walked the links of every page");
    assertEquals(List.of(), wrong);
  }

  @Test
  void rebuildingGivesByteIdenticalFiles() {
    site.build("/");
    Map<String, String> first = TestSite.hashes(site.out());
    site.build("/");
    assertEquals(first, TestSite.hashes(site.out()));
    assertTrue(first.size() >= 14, "the site has pages, copies and generated files: " + first.keySet());
  }

  @Test
  void contentReadAheadBuildsTheSiteContentReadWhenBuildingDoes() {
    site.build("/base/");
    Map<String, String> readWhenBuilding = TestSite.hashes(site.out());
    SiteOptions options = site.options("/base/");
    new SiteBuilder(options, Renderers.standard(), () -> 0L)
        .build(SiteData.none(), SiteBuilder.readAhead(() -> options));
    assertEquals(readWhenBuilding, TestSite.hashes(site.out()));
  }

  @Test
  void contentReadAheadThrowsItsErrorFromTheBuildThatUsesIt() {
    site.write("content/extra.md", "---\ndescription: no title here\n---\nBody\n");
    SiteOptions options = site.options("/");
    var ahead = SiteBuilder.readAhead(() -> options);
    SiteBuilder builder = new SiteBuilder(options, Renderers.standard(), () -> 0L);
    PersonasException e = assertThrows(PersonasException.class, () -> builder.build(SiteData.none(), ahead));
    assertTrue(e.getMessage().contains("extra.md:1: the front matter has no 'title'"), e.getMessage());
    assertFalse(Files.exists(site.out()), "a failed first build writes nothing");
  }

  @Test
  void templateErrorLeavesThePreviousSiteIntactAndNamesFileAndLine() {
    site.build("/");
    Map<String, String> before = TestSite.hashes(site.out());
    site.write("templates/data.peb", site.read("templates/data.peb").replace("{{ page.title }}</h1>", "{{ page.title | nosuchfilter }}</h1>"));

    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));

    String line = lineOf(site.read("templates/data.peb"), "nosuchfilter");
    assertTrue(e.getMessage().contains("data.peb:" + line), e.getMessage());
    assertEquals(before, TestSite.hashes(site.out()), "the old site is untouched");
    assertEquals(List.of("site"), leftovers(), "no temporary folder is left beside the site");
  }

  @Test
  void undefinedTemplateVariableNamesFileAndLine() {
    site.write("templates/data.peb", site.read("templates/data.peb").replace("{{ page.title }}</h1>", "{{ page.titel }}</h1>"));
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    String line = lineOf(site.read("templates/data.peb"), "page.titel");
    assertTrue(e.getMessage().contains("data.peb:" + line), e.getMessage());
    assertFalse(Files.exists(site.out()), "a failed first build writes nothing");
  }

  @Test
  void runtimeErrorInTheLayoutNamesTheLayout() {
    site.write("templates/layout.peb", site.read("templates/layout.peb").replace("<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\">{{ nope() }}"));
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    String line = lineOf(site.read("templates/layout.peb"), "nope()");
    assertTrue(e.getMessage().contains("layout.peb:" + line + ": Function or Macro [nope]"), e.getMessage());
  }

  /** page.peb is the default of a Markdown page without a template: broken, it fails the build that broke it. */
  @Test
  void aBrokenTemplateNoPageUsesYetFailsTheBuildNamingFileAndLine() {
    site.write("templates/page.peb", site.read("templates/page.peb") + "\n{% if %}\n");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    String line = lineOf(site.read("templates/page.peb"), "{% if %}");
    assertTrue(e.getMessage().contains("page.peb:" + line), e.getMessage());
  }

  /** A template in a subfolder is named by its path in the folder, not by its file name alone. */
  @Test
  void aBrokenTemplateInASubfolderIsNamedByItsPath() {
    site.write("templates/sub/item.peb", "<p>fine</p>\n{{ \n");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertTrue(e.getMessage().contains("sub/item.peb:"), e.getMessage());
  }

  @Test
  void brokenInternalLinksFailTheBuildNamingEveryFileAndLine() {
    site.write("content/extra.md", "---\ntitle: Extra\n---\nFine: [method](/method/#limits), [away](https://example.org/).\n\nBroken: [typo](/methdo/).\n");
    site.write("templates/404.peb", site.read("templates/404.peb").replace("<ul>", "<ul><li><a href=\"{{ url('/gone.css') }}\">x</a></li>"));

    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));

    assertTrue(e.getMessage().startsWith("2 broken links"), e.getMessage());
    assertTrue(e.getMessage().contains("extra.md:6: the link /methdo/ leads to no page"), e.getMessage());
    assertTrue(e.getMessage().contains("404.peb:" + lineOf(site.read("templates/404.peb"), "gone.css") + ": the link /gone.css"), e.getMessage());
  }

  @Test
  void unknownFrontMatterTemplateIsAClearErrorNamingTheFile() {
    site.write("content/method.md", site.read("content/method.md").replace("template: method", "template: fancy"));
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertTrue(e.getMessage().contains("method.md"), e.getMessage());
    assertTrue(e.getMessage().contains("'fancy'"), e.getMessage());
    assertTrue(e.getMessage().contains("fancy.peb does not exist"), e.getMessage());
  }

  @Test
  void badFrontMatterYamlNamesFileAndLine() {
    site.write("content/extra.md", "---\ntitle: Extra\norder: [1\n---\nBody\n");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertTrue(e.getMessage().matches("(?s).*extra\\.md:[3-5]: the front matter is not valid YAML.*"), e.getMessage());
  }

  @Test
  void pageWithoutTitleIsRefused() {
    site.write("content/extra.md", "---\ndescription: no title here\n---\nBody\n");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertTrue(e.getMessage().contains("extra.md:1: the front matter has no 'title'"), e.getMessage());
  }

  @Test
  void navThatIsNotTrueOrFalseIsRefused() {
    site.write("content/extra.md", "---\ntitle: Extra\nnav: maybe\n---\nBody\n");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertTrue(e.getMessage().contains("extra.md:1: 'nav' must be true or false, not 'maybe'"), e.getMessage());
  }

  @Test
  void nestedMarkdownGetsPrettyUrlsAndRebasedLinks() throws IOException {
    site.write("content/guide/index.md", "---\ntitle: Guide\n---\nSee [the setup](/guide/setup/).\n");
    site.write("content/guide/setup.md", "---\ntitle: Setup\n---\nBack to [the guide](/guide/#top) or [elsewhere](https://example.org/).\n");
    site.build("/base/");
    assertEquals("/base/guide/setup/", page("guide/index.html").selectFirst("article a").attr("href"));
    Document setup = page("guide/setup/index.html");
    assertEquals("/base/guide/#top", setup.select("article a").get(0).attr("href"));
    assertEquals("https://example.org/", setup.select("article a").get(1).attr("href"));
  }

  @Test
  void frontMatterTextIsEscapedWhileTheMarkdownBodyIsKept() throws IOException {
    site.write("content/extra.md", "---\ntitle: \"<script>alert(1)</script> & co\"\n---\nSome *emphasis*.\n");
    site.build("/");
    Document doc = page("extra/index.html");
    assertEquals("<script>alert(1)</script> & co", doc.selectFirst("h1").text());
    assertTrue(doc.select("h1 script").isEmpty());
    assertEquals("emphasis", doc.selectFirst("article em").text());
  }

  @Test
  void sampleBannerIsShownOnEveryPageOnlyWhenTheFiguresComeFromTheSample() throws IOException {
    site.build(site.options("/"), new SiteData(true, Map.of()));
    for (Path file : TestSite.htmlFiles(site.out())) {
      Element banner = Jsoup.parse(file.toFile(), "UTF-8").selectFirst(".sample-banner");
      assertNotNull(banner, file.toString());
      assertTrue(banner.text().contains("synthetic sample"), banner.text());
    }
    site.build("/");
    assertTrue(page("index.html").select(".sample-banner").isEmpty());
  }

  @Test
  void chartJsIsCopiedFromTheWebJarWithItsLicence() throws IOException {
    site.build("/");
    String version = ChartJsRenderer.version();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.js")) {
      assertArrayEquals(in.readAllBytes(), Files.readAllBytes(site.out().resolve(ChartJsRenderer.SCRIPT)));
    }
    assertTrue(Files.readString(site.out().resolve(ChartJsRenderer.LICENSE)).contains("MIT"));
  }

  @Test
  void hostingFilesAndSitemapAreWritten() throws IOException {
    SiteOptions options = site.options("/repo/").withOut(site.out());
    site.build(new SiteOptions(options.content(), options.templates(), options.staticFiles(), options.out(),
        "/repo/", java.util.Optional.empty(), java.util.Optional.of("https://me.github.io")), SiteData.none());
    assertTrue(Files.exists(site.out().resolve(".nojekyll")));
    assertEquals("User-agent: *\nAllow: /\nSitemap: https://me.github.io/repo/sitemap.xml\n",
        Files.readString(site.out().resolve("robots.txt")));
    Document sitemap = Jsoup.parse(Files.readString(site.out().resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
    List<String> expected = new ArrayList<>(List.of("", "data/", "find-your-persona/", "method/", "personas/"));
    for (dev.personas.classify.Persona p : dev.personas.classify.Persona.values()) {
      expected.add("personas/" + p.slug() + "/");
    }
    expected.add("session-types/");
    for (dev.personas.classify.SessionType t : dev.personas.classify.SessionType.values()) {
      expected.add("session-types/" + t.slug() + "/");
    }
    expected.sort(null);
    assertEquals(expected.stream().map(path -> "https://me.github.io/repo/" + path).toList(),
        sitemap.select("loc").eachText(), "every page but the 404 page, in path order");
  }

  @Test
  void shareCardsAreAbsoluteOpenGraphImagesWhenTheOriginIsKnown() throws IOException {
    SiteOptions options = site.options("/repo/").withOut(site.out());
    site.build(new SiteOptions(options.content(), options.templates(), options.staticFiles(), options.out(),
        "/repo/", java.util.Optional.empty(), java.util.Optional.of("https://me.github.io")), SiteData.none());
    Document page = Jsoup.parse(site.out().resolve("personas/showrunner/index.html").toFile(), "UTF-8");
    String image = page.selectFirst("meta[property=og:image]").attr("content");
    assertTrue(image.startsWith("https://me.github.io/repo/"), image);

    site.build("/repo/");
    page = Jsoup.parse(site.out().resolve("personas/showrunner/index.html").toFile(), "UTF-8");
    assertTrue(page.selectFirst("meta[property=og:image]").attr("content").startsWith("/repo/"),
        "without an origin the image stays site-relative");
  }

  @Test
  void notFoundPageLinksHomeWithAbsoluteUrls() throws IOException {
    site.build("/repo/");
    Document doc = page("404.html");
    assertEquals("Page not found", doc.selectFirst("h1").text());
    assertEquals("/repo/", doc.selectFirst("article a").attr("href"));
    assertEquals(5, doc.select("nav.site-nav a").size());
  }

  @Test
  void summaryCountsPagesAndCopiesWithTheInjectedClock() {
    long[] ticks = {1_000_000_000L, 1_042_000_000L};
    int[] call = {0};
    BuildResult result = new SiteBuilder(site.options("/"), Renderers.standard(), () -> ticks[call[0]++]).build(SiteData.none());
    // 21 pages: 6 section and content pages, 7 session types, 7 personas, 404; 7 share cards as SVG and as PNG
    // + 3 hosting files;
    // copied: 7 static files (css/noscript.css among them) and Chart.js, and the 17 modules of the in-browser finder (static/js/finder/).
    assertEquals("Built 21 pages, copied 24 files in 42 ms", result.summary());
    assertAll(() -> assertEquals(21, result.pages()), () -> assertEquals(17, result.generated()), () -> assertEquals(24, result.copied()));
  }

  @Test
  void refusesToReplaceAFolderItDidNotBuild() throws IOException {
    Files.createDirectories(site.out());
    Files.writeString(site.out().resolve("thesis.tex"), "precious");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertEquals(PersonasException.Category.USAGE, e.category());
    assertEquals("precious", Files.readString(site.out().resolve("thesis.tex")));
  }

  /**
   * A hand-made GitHub Pages folder has a .nojekyll too: that is no sign the folder is a site this
   * program wrote. Its own sites carry .personas; one written before that existed is replaced only
   * when it holds nothing this build would not write.
   */
  @Test
  void aPagesFolderWithANojekyllOfItsOwnIsNotReplaced() throws IOException {
    Files.createDirectories(site.out());
    Files.writeString(site.out().resolve(".nojekyll"), "");
    Files.writeString(site.out().resolve("thesis.md"), "precious");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertEquals(PersonasException.Category.USAGE, e.category());
    assertTrue(e.getMessage().contains("has no .personas file"), e.getMessage());
    assertEquals("precious", Files.readString(site.out().resolve("thesis.md")));

    Files.delete(site.out().resolve("thesis.md"));
    Files.writeString(site.out().resolve("index.html"), "an earlier build's page");
    site.build("/");
    assertTrue(Files.readString(site.out().resolve(".personas")).startsWith("This folder was written by personas"));
    Files.writeString(site.out().resolve("thesis.md"), "written after the build");
    site.build("/");
    assertFalse(Files.exists(site.out().resolve("thesis.md")), "a folder with .personas is the program's to replace");
  }

  /** The site's own folder is made as mkdir makes one, so a server running as another user reads it. */
  @Test
  void theSiteFolderIsReadableAsAnyFolderMadeHere() throws IOException {
    site.build("/");
    Path made = Files.createDirectory(site.out().resolveSibling("made-by-mkdir"));
    if (Files.getFileStore(made).supportsFileAttributeView("posix")) {
      assertEquals(Files.getPosixFilePermissions(made), Files.getPosixFilePermissions(site.out()));
      assertEquals(Files.getPosixFilePermissions(made), Files.getPosixFilePermissions(site.out().resolve("method")));
    }
  }

  @Test
  void aStaticFileCollidingWithAPageIsRefused() {
    site.write("static/method/index.html", "<p>shadow</p>");
    PersonasException e = assertThrows(PersonasException.class, () -> site.build("/"));
    assertTrue(e.getMessage().contains("method/index.html"), e.getMessage());
  }

  @Test
  void dataRenderersPlugInThroughTheRendererList() throws IOException {
    Renderer extra = context -> List.of(Output.page("extra/index.html",
        context.templates().render("404", Map.of("current", "/extra/"), "a test page")));
    List<Renderer> renderers = new ArrayList<>(Renderers.standard());
    renderers.add(renderers.size() - 1, extra);
    new SiteBuilder(site.options("/"), renderers, () -> 0L).build(new SiteData(false, Map.of("answer", 42)));
    assertTrue(Files.readString(site.out().resolve("sitemap.xml")).contains("<loc>/extra/</loc>"));
  }

  private static String lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return Integer.toString(i + 1);
      }
    }
    throw new AssertionError(needle + " not found");
  }

  private List<String> leftovers() {
    try (var list = Files.list(temp)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> !List.of("content", "templates", "static").contains(n))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
