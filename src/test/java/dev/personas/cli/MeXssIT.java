package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.personas.me.PlantedLogs;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Script payloads planted in prompts (shown as titles), project folder names, working
 * directories, branch names and file paths stay inert on the personal page: loaded in headless
 * Chromium from the file system and over HTTP, nothing runs, nothing changes the title, nothing
 * is fetched but the page's own files, and the charts are still drawn.
 */
class MeXssIT {
  private static final List<String> PAYLOADS = List.of(
      "<script>window.__pwned = 1; document.title = 'pwned'</script>",
      "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">",
      "\"><svg onload=\"window.__pwned=3\"></svg>",
      "javascript:window.__pwned=4",
      "</td></tr></table><script>window.__pwned = 5</script><table><tr><td>",
      "<a href=\"javascript:window.__pwned=6\">click</a>",
      "<!-- <b><i>unclosed <iframe src=\"https://example.com/\"> '\"`",
      "{{ site.title }} {% if true %}pebble{% endif %} ${7*7}",
      "<style>body{background:url(https://example.com/x.png)}</style>");
  // Folder names cannot hold '/': payloads for the project column.
  private static final List<String> FOLDER_PAYLOADS = List.of(
      "<img src=x onerror=\"window.__pwned=7\">",
      "\"><svg onload=window.__pwned=8>",
      "javascript:window.__pwned=9");

  @TempDir static Path home;
  @TempDir static Path work;
  private static ChromeDriver driver;
  private static Path page;

  @BeforeAll
  static void writePageAndStartBrowser() {
    Instant start = Instant.parse("2026-11-03T09:00:00Z");
    int i = 0;
    for (String payload : PAYLOADS) {
      String folder = FOLDER_PAYLOADS.get(i % FOLDER_PAYLOADS.size());
      PlantedLogs.claude(home.resolve(".claude/projects"), folder, "xss-" + i, start.plus(i, ChronoUnit.HOURS),
          List.of(payload, "and " + payload), payload);
      PlantedLogs.codex(home.resolve(".codex/sessions"), "codex-xss-" + i, start.plus(i, ChronoUnit.DAYS),
          List.of(payload), payload);
      i++;
    }
    Path out = work.resolve("me");
    MeRun.Result run = MeRun.run(home, "--out", out.toString(), "--show-projects", "--show-titles", "--quiet");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    page = out.resolve("index.html");

    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + work.resolve("chromium-profile"), "--allow-file-access-from-files");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void payloadsStayInertOpenedFromTheFileSystem() {
    checkInert(page.toUri().toString(), page.getParent().toUri().toString());
  }

  @Test
  void payloadsStayInertServedOverHttp() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Path root = page.getParent();
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      Path file = root.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
      byte[] body = file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
          : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript"
          : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream");
      exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String origin = "http://127.0.0.1:" + server.getAddress().getPort();
      checkInert(origin + "/", origin + "/");
    } finally {
      server.stop(0);
    }
  }

  private void checkInert(String url, String ownPrefix) {
    driver.manage().logs().get(LogType.PERFORMANCE); // drop entries of earlier pages
    driver.get(url);
    JavascriptExecutor js = driver;
    // Charts are drawn by the page's own scripts as they come near the screen: bring each into
    // view until both canvases have a Chart.
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript(
        "var left = document.querySelectorAll('canvas[data-chart]:not([data-drawn])');"
            + " if (left.length > 0) left[0].scrollIntoView({ block: 'center' });"
            + " return typeof Chart !== 'undefined' && Object.keys(Chart.instances).length >= 2")));
    assertEquals(null, js.executeScript("return window.__pwned === undefined ? null : window.__pwned"));
    assertTrue(driver.getTitle().startsWith("Your persona: "), driver.getTitle());
    assertAlertAbsent();
    // The payloads are on the page as text, in the project · title column.
    String sessions = driver.findElement(By.cssSelector("table.sessions")).getText();
    assertTrue(sessions.contains("<script>window.__pwned = 1;"), sessions);
    assertTrue(sessions.contains("<img src=x onerror="), sessions);
    assertEquals(0L, js.executeScript("return document.querySelectorAll('main script, main img[onerror], "
        + "main svg:not(.persona-map), main iframe, main style, table.sessions a').length"));
    // The one SVG is the persona map, and its only text is persona names and "You".
    String mapText = (String) js.executeScript("return document.querySelector('svg.persona-map').textContent;");
    assertFalse(mapText.contains("pwned") || mapText.contains("<"), mapText);
    List<String> requested = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      String message = entry.getMessage();
      if (message.contains("\"Network.requestWillBeSent\"")) {
        int at = message.indexOf("\"url\":\"");
        String requestUrl = at < 0 ? "" : message.substring(at + 7, message.indexOf('"', at + 7));
        // The browser's own start tab (chrome://new-tab-page…) may log late; a page cannot load chrome:// URLs.
        if (at >= 0 && !requestUrl.startsWith("chrome://") && !requestUrl.startsWith("about:")) {
          requested.add(requestUrl);
        }
      }
    }
    assertFalse(requested.isEmpty(), "the performance log records the page's own requests");
    for (String request : requested) {
      assertTrue(request.startsWith(ownPrefix) || request.startsWith("data:"), "request beyond the page's files: " + request);
    }
  }

  private static void assertAlertAbsent() {
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert opened");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }
}
