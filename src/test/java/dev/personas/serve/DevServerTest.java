package dev.personas.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import dev.personas.site.LiveSite;
import dev.personas.site.Renderers;
import dev.personas.site.SiteBuilder;
import dev.personas.site.SiteData;
import dev.personas.site.SiteOptions;
import dev.personas.site.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DevServerTest {
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @TempDir Path temp;
  TestSite site;
  DevServer server;
  String url;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private void start(String baseUrl) {
    if (site == null) {
      site = TestSite.copyInto(temp);
    }
    SiteOptions options = site.options(baseUrl);
    server = new DevServer(
        options, new LiveSite(() -> new LiveSite.Source(new SiteBuilder(options, Renderers.standard(), System::nanoTime), SiteData.none())),
        0, new PrintWriter(out, true), new PrintWriter(err, true));
    url = server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI base = URI.create(url);
    return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @CsvSource({
    "/, text/html; charset=utf-8",
    "/method/, text/html; charset=utf-8",
    "/css/site.css, text/css; charset=utf-8",
    "/assets/vendor/chart.umd.js, text/javascript; charset=utf-8",
    "/img/logo.svg, image/svg+xml",
    "/sitemap.xml, application/xml",
    "/robots.txt, text/plain; charset=utf-8",
  })
  void servesSiteFilesWithTheirContentTypes(String path, String type) throws Exception {
    start("/");
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path);
    assertEquals(type, response.headers().firstValue("Content-Type").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/method/", "/css/site.css", "/no/such/page/"})
  void headAnswersTheHeadersOfAGetWithoutTheBody(String path) throws Exception {
    start("/");
    HttpResponse<String> got = get(path);
    HttpResponse<String> head = http.send(
        HttpRequest.newBuilder(URI.create(url).resolve(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(got.statusCode(), head.statusCode());
    assertEquals(got.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
    assertEquals(String.valueOf(got.body().getBytes(StandardCharsets.UTF_8).length),
        head.headers().firstValue("Content-Length").orElse("none"), path);
    assertEquals("", head.body());
  }

  @Test
  void servesPagesWithTheirTitlesAndTellsTheUrl() throws Exception {
    start("/");
    assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/"), url);
    assertEquals("Method", Jsoup.parse(get("/method/").body()).selectFirst("h1").text());
    assertTrue(out.toString().startsWith("Built 21 pages"), out.toString());
  }

  @Test
  void aPortInUseIsAUsageErrorBeforeAnyBuild() throws Exception {
    start("/");
    int taken = URI.create(url).getPort();
    Path otherOut = temp.resolve("other-site");
    SiteOptions options = site.options("/").withOut(otherOut);
    try (DevServer second = new DevServer(options, new LiveSite(() -> { throw new AssertionError("built"); }), taken,
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))) {
      PersonasException e = assertThrows(PersonasException.class, second::start);
      assertEquals(PersonasException.Category.USAGE, e.category());
      assertTrue(e.getMessage().contains("pass another --port"), e.getMessage());
    }
    assertFalse(Files.exists(otherOut));
  }

  @Test
  void missingPathGetsTheSitesNotFoundPageWithStatus404() throws Exception {
    start("/");
    HttpResponse<String> response = get("/no/such/page/");
    assertEquals(404, response.statusCode());
    assertEquals("Page not found", Jsoup.parse(response.body()).selectFirst("h1").text());
  }

  @Test
  void folderWithoutTrailingSlashIsRedirected() throws Exception {
    start("/");
    HttpResponse<String> response = get("/method");
    assertEquals(301, response.statusCode());
    assertEquals("/method/", response.headers().firstValue("Location").orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({
    "/a%20folder, /a%20folder/",
    "/caf%C3%A9, /caf%C3%A9/",
    "/method?x=1, /method/?x=1",
  })
  void aFolderIsRedirectedToTheAddressTheBrowserSentWithASlash(String rawPath, String location) throws Exception {
    site = TestSite.copyInto(temp);
    site.write("static/a folder/index.html", "<p>A folder.</p>");
    site.write("static/café/index.html", "<p>Café.</p>");
    start("/");
    HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(url).resolve(rawPath)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(301, moved.statusCode());
    assertEquals(location, moved.headers().firstValue("Location").orElseThrow());
    assertEquals(200, get(location).statusCode(), location);
  }

  /**
   * "//method" names a folder to the server but a host to a browser: a redirect to "//method/"
   * would send the browser off the site. (The JDK's server finds no context for it: 404.)
   */
  @Test
  void aPathOfDoubledSlashesIsNeverRedirectedOffTheSite() throws Exception {
    start("/");
    String response = rawGet("//method?x=1");
    assertTrue(response.startsWith("HTTP/1.1 404 "), response);
    assertFalse(response.lines().anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("location: //")), response);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "/../../../../etc/passwd",
    "/css/../../site/index.html",
    "/%2e%2e%2f%2e%2e%2fetc/passwd",
    "/%2E%2E/%2E%2E/etc/passwd",
    "/css/%2fetc%2fpasswd",
    "/..%5c..%5cetc/passwd",
  })
  void traversalIsRefusedWhateverTheEncoding(String rawPath) throws Exception {
    start("/");
    String response = rawGet(rawPath);
    String status = response.substring(0, response.indexOf("\r\n"));
    assertTrue(status.matches("HTTP/1\\.1 40[04] .*"), rawPath + " answered " + status);
    assertFalse(response.contains("root:"), rawPath);
  }

  /** Slowloris: a client that never finishes its headers must not hold a connection and a thread for good. */
  @Test
  void aClientThatNeverFinishesItsRequestIsCutOff() throws Exception {
    start("/");
    URI base = URI.create(url);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) GENEROUS.toMillis());
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      long started = System.nanoTime();
      assertEquals(-1, socket.getInputStream().read());
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() <= SiteServer.REQUEST_SECONDS + 5);
    }
    assertEquals(200, get("/").statusCode());
  }

  /** DNS rebinding: another site's page, its name resolving to 127.0.0.1, must not read the preview. */
  @ParameterizedTest
  @ValueSource(strings = {"/", "/method/", "/__personas/version", "/__personas/reload.js"})
  void aRequestNamingAnotherHostIsRefused(String path) throws Exception {
    start("/");
    int port = URI.create(url).getPort();
    String response = rawGet(path, "attacker.example:" + port);
    assertTrue(response.startsWith("HTTP/1.1 403 "), response);
    assertFalse(response.contains("<h1>"), response);
    assertFalse(response.contains("attacker.example"), response);
    assertTrue(rawGet(path, "localhost:" + port).startsWith("HTTP/1.1 200 "), path);
    assertTrue(rawGet(path, "127.0.0.1:" + port).startsWith("HTTP/1.1 200 "), path);
  }

  @Test
  void htmlResponsesGetTheReloadScriptButBuiltFilesNeverContainIt() throws Exception {
    start("/");
    assertEquals(1, Jsoup.parse(get("/").body()).select("script[src=" + SiteServer.RELOAD_SCRIPT + "]").size());
    assertEquals(200, get(SiteServer.RELOAD_SCRIPT).statusCode());
    // The page says which version it was served at, so an edit before its first check still reloads it.
    assertEquals(get(SiteServer.VERSION).body(),
        Jsoup.parse(get("/").body()).selectFirst("script[src=" + SiteServer.RELOAD_SCRIPT + "]").attr("data-version"));
    for (Path page : TestSite.htmlFiles(site.out())) {
      assertFalse(Files.readString(page).contains("__personas"), page.toString());
    }
    assertFalse(get("/css/site.css").body().contains("__personas"));
  }

  @Test
  void rebuildsAfterAContentChangeAndOpenPagesSeeANewVersion() throws Exception {
    start("/");
    String version = get(SiteServer.VERSION).body();
    site.write("content/method.md", site.read("content/method.md").replace("title: Method", "title: Method, revised"));

    waitFor(() -> h1("/method/").equals("Method, revised"));

    // The new files are in place a moment before the version moves on.
    waitFor(() -> Long.parseLong(get0(SiteServer.VERSION)) > Long.parseLong(version));
  }

  @Test
  void rebuildsWhenAFileAppearsInANewSubfolder() throws Exception {
    start("/");
    site.write("content/notes/today.md", "---\ntitle: Today\n---\nNew page.\n");
    waitFor(() -> h1("/notes/today/").equals("Today"));
  }

  @Test
  void aFailedRebuildIsReportedAndTheLastGoodSiteStaysUp() throws Exception {
    start("/");
    site.write("templates/data.peb", site.read("templates/data.peb").replace("{{ page.title }}</h1>", "{{ page.title | nosuchfilter }}</h1>"));
    waitFor(() -> err.toString().contains("data.peb:"));
    assertEquals("Method", h1("/method/"));
  }

  /** page.peb, the default of a Markdown page without a template, is used by no page here: still checked. */
  @Test
  void aTemplateNoPageUsesBrokenWhileServedIsReported() throws Exception {
    start("/");
    site.write("templates/page.peb", site.read("templates/page.peb") + "\n{% if %}\n");
    waitFor(() -> err.toString().contains("page.peb:"));
    assertEquals("Method", h1("/method/"));
  }

  @Test
  void anEditedPageBodyIsReRenderedAloneAndServedAsAFullBuildWouldMakeIt() throws Exception {
    start("/");
    Map<String, FileTime> before = modified(site.out());
    long generation = server.generation();
    site.write("content/method.md", site.read("content/method.md") + "\nA sentence added while serving.\n");

    waitFor(() -> server.generation() > generation);

    assertTrue(Jsoup.parse(get("/method/").body()).text().contains("A sentence added while serving."));
    assertTrue(out.toString().contains("Re-rendered /method/ in"), out.toString());
    assertEquals(Set.of("method/index.html"), rewritten(before, modified(site.out())));
    assertSameAsAFullBuild();
  }

  @Test
  void anEditedTemplateReRendersThePagesThatUseIt() throws Exception {
    start("/");
    Map<String, FileTime> before = modified(site.out());
    long generation = server.generation();
    site.write("templates/session-type.peb", site.read("templates/session-type.peb").replace("</h1>", "</h1><p class=\"edited\">Edited.</p>"));

    waitFor(() -> server.generation() > generation);

    assertEquals(1, Jsoup.parse(get("/session-types/consult/").body()).select("p.edited").size());
    Set<String> typePages = Set.of("blueprint", "consult", "marathon", "one-shot", "scaffold", "spiral", "workshop").stream()
        .map(slug -> "session-types/" + slug + "/index.html").collect(Collectors.toSet());
    assertEquals(typePages, rewritten(before, modified(site.out())));
    assertSameAsAFullBuild();
  }

  @Test
  void anEditOfTheLayoutEveryPageTypeUsesRebuildsTheWholeSite() throws Exception {
    start("/");
    long generation = server.generation();
    site.write("templates/layout.peb", site.read("templates/layout.peb").replace("</main>", "<p class=\"edited\">Edited.</p></main>"));

    waitFor(() -> server.generation() > generation);

    assertEquals(1, Jsoup.parse(get("/no/such/page/").body()).select("p.edited").size());
    assertEquals(2, out.toString().lines().filter(line -> line.startsWith("Built ")).count(), out.toString());
    assertSameAsAFullBuild();
  }

  @Test
  void aFrontMatterEditRebuildsTheWholeSiteSinceTheNavigationMayShowIt() throws Exception {
    start("/");
    long generation = server.generation();
    site.write("content/method.md", site.read("content/method.md").replace("title: Method", "title: The method"));

    waitFor(() -> server.generation() > generation);

    assertEquals(2, out.toString().lines().filter(line -> line.startsWith("Built ")).count(), out.toString());
    assertSameAsAFullBuild();
  }

  @Test
  void aPageAskingWithItsVersionIsAnsweredWhenTheSiteChanges() throws Exception {
    start("/");
    String seen = get(SiteServer.VERSION).body();
    var answer = http.sendAsync(
        HttpRequest.newBuilder(URI.create(url).resolve(SiteServer.VERSION + "?seen=" + seen)).build(), HttpResponse.BodyHandlers.ofString());
    site.write("content/method.md", site.read("content/method.md") + "\nAnother sentence.\n");

    String version = answer.get(GENEROUS.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).body();

    assertTrue(Long.parseLong(version) > Long.parseLong(seen), version + " after " + seen);
  }

  @Test
  void anEditorsTemporaryFileThatCameAndWentChangesNothing() throws Exception {
    start("/");
    Map<String, FileTime> before = modified(site.out());
    // What vim does before it saves: a probe file made and removed at once.
    Path probe = site.root().resolve("content/4913");
    Files.writeString(probe, "");
    Files.delete(probe);
    site.write("content/method.md", site.read("content/method.md") + "\nSaved after the probe.\n");

    waitFor(() -> get0("/method/").contains("Saved after the probe."));
    assertEquals(Set.of("method/index.html"), rewritten(before, modified(site.out())));
  }

  private String get0(String path) {
    try {
      return get(path).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  // The served folder must hold exactly what `personas build` makes of the edited sources.
  private void assertSameAsAFullBuild() throws IOException {
    Path fresh = temp.resolve("fresh-site");
    new SiteBuilder(site.options("/").withOut(fresh), Renderers.standard(), System::nanoTime).build(SiteData.none());
    Map<String, FileTime> served = modified(site.out());
    assertEquals(modified(fresh).keySet(), served.keySet());
    for (String file : served.keySet()) {
      assertTrue(Arrays.equals(Files.readAllBytes(fresh.resolve(file)), Files.readAllBytes(site.out().resolve(file))), file);
    }
  }

  private static Map<String, FileTime> modified(Path root) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        times.put(root.relativize(file).toString().replace('\\', '/'), Files.getLastModifiedTime(file));
      }
    }
    return times;
  }

  private static Set<String> rewritten(Map<String, FileTime> before, Map<String, FileTime> after) {
    assertEquals(before.keySet(), after.keySet());
    return after.keySet().stream().filter(file -> !after.get(file).equals(before.get(file))).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void afterAFailedUpdateTheNextSaveBuildsTheWholeSiteAgain() throws Exception {
    start("/");
    String good = site.read("templates/data.peb");
    site.write("templates/data.peb", good.replace("{{ page.title }}</h1>", "{{ page.title | nosuchfilter }}</h1>"));
    waitFor(() -> err.toString().contains("data.peb:"));
    long generation = server.generation();

    site.write("templates/data.peb", good.replace("{{ page.title }}</h1>", "{{ page.title }} (fixed)</h1>"));

    waitFor(() -> server.generation() > generation);
    assertEquals("About the data (fixed)", h1("/data/"));
    assertEquals(2, out.toString().lines().filter(line -> line.startsWith("Built ")).count(), out.toString());
    assertSameAsAFullBuild();
  }

  @Test
  void servesTheSiteUnderItsBaseUrl() throws Exception {
    start("/repo/");
    assertTrue(url.endsWith("/repo/"), url);
    assertEquals("Method", h1("/repo/method/"));
    assertEquals(404, get("/method/").statusCode());
    assertEquals(301, get("/repo").statusCode());
  }

  private String h1(String path) {
    try {
      HttpResponse<String> response = get(path);
      return response.statusCode() == 200 ? Jsoup.parse(response.body()).selectFirst("h1").text() : "";
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + GENEROUS);
      }
      Thread.sleep(100);
    }
  }

  // HttpClient and URI normalise some paths; a raw socket sends the bytes exactly as written.
  private String rawGet(String rawPath) throws IOException {
    return rawGet(rawPath, "127.0.0.1");
  }

  // HttpClient will not send a Host header of the caller's choosing either.
  private String rawGet(String rawPath, String host) throws IOException {
    URI base = URI.create(url);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream o = socket.getOutputStream();
      o.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      o.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
