package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.serve.DevServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The built site in a real headless Chromium (Debian's chromium and chromedriver; nothing is
 * downloaded), served by the project's own server under a sub-path. Every page: no console
 * error, no request leaving the site, every chart drawn, no serious or critical axe-core
 * violation, in light and dark mode. Screenshots for review go to target/screenshots/.
 */
class SiteBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  static TestSite site;
  static DevServer server;
  static String home;
  static ChromeDriver driver;
  static String axe;

  @BeforeAll
  static void start() throws IOException {
    Path axeFile = Path.of(System.getProperty("axe.script", "target/npm/node_modules/axe-core/axe.min.js"));
    assertTrue(Files.isRegularFile(axeFile), "axe-core is fetched by the build (exec-maven-plugin, npm) into " + axeFile);
    axe = Files.readString(axeFile);

    site = TestSite.copyInto(temp);
    SiteOptions options = site.options(FixtureSite.BASE_URL);
    FixtureSite.Served served = FixtureSite.serve(options, FixtureSite.renderers(),
        SiteData.of(dev.personas.site.figures.FixtureFigures.sample()));
    server = served.server();
    home = served.home();

    driver = Chromium.start(temp);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Every page of the built site, as URLs under the base URL. */
  private static List<String> pageUrls() throws IOException {
    List<String> urls = new ArrayList<>();
    for (Path file : TestSite.htmlFiles(site.out())) {
      String relative = site.out().relativize(file).toString().replace('\\', '/');
      urls.add(home + (relative.endsWith("index.html") ? relative.substring(0, relative.length() - "index.html".length()) : relative));
    }
    return urls;
  }

  private static void open(String url) {
    driver.get(url);
    // charts.js draws a chart when it comes near the screen: bring each into view in turn and
    // wait until it says it is drawn, then go back to the top.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Object pending = js().executeScript(
          "if (document.readyState !== 'complete') return -1;"
              + " var left = document.querySelectorAll('canvas[data-chart]:not([data-drawn])');"
              + " if (left.length > 0) left[0].scrollIntoView({ block: 'center' }); else window.scrollTo(0, 0);"
              + " return left.length;");
      if (((Number) pending).intValue() == 0) {
        return;
      }
      sleep(100);
    }
    fail(url + ": the charts were not drawn within 20 s");
  }

  private static JavascriptExecutor js() {
    return driver;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyPageLoadsWithoutConsoleErrorsAndEveryRequestStaysOnTheSite() throws IOException {
    List<String> urls = pageUrls();
    assertEquals(22, urls.size(), "21 site pages and the personal page");
    driver.manage().logs().get(LogType.BROWSER); // drop anything logged before this test
    driver.manage().logs().get(LogType.PERFORMANCE);
    Map<String, List<String>> errors = new TreeMap<>();
    List<String> requests = new ArrayList<>();
    for (String url : urls) {
      open(url);
      if (!url.endsWith("404.html")) {
        assertNotEquals("Page not found", driver.findElement(org.openqa.selenium.By.tagName("h1")).getText().strip(), url + " is served");
      }
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
          errors.computeIfAbsent(url, k -> new ArrayList<>()).add(entry.getLevel() + " " + entry.getMessage());
        }
      }
      for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
          requests.add(message.path("params").path("request").path("url").asText());
        }
      }
    }
    assertEquals(Map.of(), errors, "console errors and warnings");
    String origin = home.substring(0, home.indexOf('/', "http://".length()));
    assertTrue(requests.contains(home + "assets/vendor/chart.umd.js"), "the request log works: Chart.js was requested from the site");
    assertTrue(requests.contains(home + "js/charts.js"));
    List<String> away = requests.stream().filter(u -> !u.startsWith(origin + "/") && !u.startsWith("data:")).distinct().toList();
    assertEquals(List.of(), away, "requests leaving the site");
  }

  @Test
  void everyChartCanvasIsActuallyDrawnInLightAndDarkMode() throws IOException {
    int charts = 0;
    for (String scheme : List.of("light", "dark")) {
      colourScheme(scheme);
      for (String url : pageUrls()) {
        open(url);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> canvases = (List<Map<String, Object>>) js().executeScript(
            "return Array.from(document.querySelectorAll('canvas[data-chart]')).map(function (c) {"
                + "  var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, painted = 0, colours = {};"
                + "  for (var i = 3; i < d.length; i += 4 * 7) { if (d[i] > 0) { painted++; colours[d[i-3] + ',' + d[i-2] + ',' + d[i-1]] = 1; } }"
                + "  return { id: c.closest('figure').id, width: c.width, height: c.height, painted: painted, colours: Object.keys(colours).length };"
                + "});");
        for (Map<String, Object> canvas : canvases) {
          String where = scheme + " " + url + " #" + canvas.get("id");
          assertTrue(((Number) canvas.get("width")).intValue() > 100 && ((Number) canvas.get("height")).intValue() > 100, where + " has a size");
          assertTrue(((Number) canvas.get("painted")).intValue() > 200, where + " has drawn pixels: " + canvas);
          assertTrue(((Number) canvas.get("colours")).intValue() >= 3, where + " is drawn in several colours: " + canvas);
          charts++;
        }
      }
    }
    colourScheme("light");
    // … and SWE-chat's annotations: 4 on each type page, 3 on each persona page with people, the
    // data page's 6 and its tool-call mix.
    assertEquals(2 * (2 + 7 * 4 - 1 + 6 + 3 + 7 + 7 * 4 + 6 * 3 + 6 + 1), charts, "every chart of every page, in both schemes");
  }

  @Test
  void personalPageDrawsItsPersonaMapTraitBarsAndShareCard() {
    open(home + "me/");
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) js().executeScript(
        "var svg = document.querySelector('svg.persona-map'), you = svg.querySelector('circle.map-you').getBoundingClientRect();"
            + "var dots = Array.from(svg.querySelectorAll('.map-population circle')).filter(function (c) {"
            + "  var r = c.getBoundingClientRect(), s = getComputedStyle(c);"
            + "  return r.width > 1 && s.fill !== 'none' && parseFloat(s.fillOpacity) > 0 && parseFloat(s.fillOpacity) < 1; });"
            + "var labels = Array.from(svg.querySelectorAll('text.map-label')).filter(function (t) { return t.getBoundingClientRect().width > 10; });"
            + "return { width: svg.getBoundingClientRect().width, you: you.width, youFill: getComputedStyle(svg.querySelector('circle.map-you')).fill,"
            + "  faint: dots.length, labels: labels.length };");
    assertTrue(((Number) map.get("width")).doubleValue() > 300, "the map has a size: " + map);
    assertTrue(((Number) map.get("you")).doubleValue() > 5, "the person's point is drawn: " + map);
    assertNotEquals("none", map.get("youFill"));
    assertEquals(24L, ((Number) map.get("faint")).longValue(), "every person of the population, drawn faint: " + map);
    assertEquals(7L, ((Number) map.get("labels")).longValue(), "every persona named on the map: " + map);
    @SuppressWarnings("unchecked")
    List<Object> bars = (List<Object>) js().executeScript(
        "return Array.from(document.querySelectorAll('.traits canvas[data-chart]')).map(function (c) {"
            + "  var chart = Chart.getChart(c); return chart ? chart.data.datasets.map(function (d) {"
            + "    return chart.getDatasetMeta(chart.data.datasets.indexOf(d)).data[0].width; }) : null; });");
    assertEquals(3, bars.size(), "three traits");
    for (Object bar : bars) {
      @SuppressWarnings("unchecked")
      List<Number> widths = (List<Number>) bar;
      assertEquals(3, widths.size(), "you, your persona, everyone: " + bars);
      assertTrue(widths.stream().allMatch(w -> w.doubleValue() > 0), "every bar drawn: " + bars);
    }
    Number card = (Number) js().executeScript("var img = document.querySelector('img.share-card'); return img.complete ? img.naturalWidth : -1;");
    assertEquals(1200L, card.longValue(), "the share card loads");
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolationsInLightAndDarkMode() throws IOException {
    Map<String, List<String>> violations = new TreeMap<>();
    for (String scheme : List.of("light", "dark")) {
      colourScheme(scheme);
      for (String url : pageUrls()) {
        open(url);
        // Open every table behind a chart, so axe checks the text alternatives too.
        js().executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        js().executeScript(axe);
        String result = (String) js().executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
                + "  done(JSON.stringify(r.violations.map(function (v) {"
                + "    return { id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 5) }; })));"
                + "}).catch(function (e) { done('axe failed: ' + e); });");
        assertTrue(result.startsWith("["), result);
        for (JsonNode v : JSON.readTree(result)) {
          String impact = v.path("impact").asText();
          if (impact.equals("serious") || impact.equals("critical")) {
            violations.computeIfAbsent(scheme + " " + url, k -> new ArrayList<>())
                .add(impact + " " + v.path("id").asText() + " " + v.path("nodes"));
          }
        }
      }
    }
    colourScheme("light");
    assertEquals(Map.of(), violations);
  }

  @Test
  void keyboardUsersReachTheSkipLinkFirstAndSeeWhereFocusIs() {
    open(home);
    new Actions(driver).sendKeys(Keys.TAB).perform();
    WebElement focused = driver.switchTo().activeElement();
    assertEquals("Skip to content", focused.getText());
    assertNotEquals("none", focused.getCssValue("outline-style"), "focus is visible");
    assertTrue(focused.getRect().getY() >= 0, "the skip link comes into view when focused");
    focused.sendKeys(Keys.ENTER);
    assertEquals("main", driver.switchTo().activeElement().getAttribute("id"));
  }

  @Test
  void screenshotsOfHomeATypeAndAPersonaAtPhoneAndDesktopWidths() throws IOException {
    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    Map<String, String> pages = Map.of(
        "home", home,
        "session-type", home + "session-types/spiral/",
        "persona", home + "personas/showrunner/",
        "method", home + "method/",
        "me", home + "me/");
    for (var page : new TreeMap<>(pages).entrySet()) {
      for (int width : List.of(375, 1280)) {
        for (String scheme : List.of("light", "dark")) {
          if (scheme.equals("dark") && width == 375) {
            continue;
          }
          colourScheme(scheme);
          Path file = dir.resolve(page.getKey() + "-" + width + (scheme.equals("dark") ? "-dark" : "") + ".png");
          Files.write(file, screenshot(page.getValue(), width));
          assertTrue(Files.size(file) > 10_000, file + " holds a picture");
        }
      }
    }
    colourScheme("light");
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  // A full-page screenshot at a given viewport width, through the DevTools protocol.
  private static byte[] screenshot(String url, int width) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
    open(url);
    // The charts were drawn for the previous width: give Chart.js its resize.
    sleep(400);
    Number height = (Number) js().executeScript("return document.documentElement.scrollHeight;");
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height.intValue(), 12000), "scale", 1)));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }

  private static void colourScheme(String scheme) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }
}
