package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.serve.DevServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * `personas serve` with a page open in headless Chromium: saving a Markdown page or a template
 * reloads the open page, which then shows the edit.
 */
class LiveReloadIT {
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @TempDir static Path temp;
  static TestSite site;
  static DevServer server;
  static String home;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.copyInto(temp.resolve("source"));
    FixtureSite.Served served = FixtureSite.serve(site.options("/"), Renderers.standard(), SiteData.none());
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

  @Test
  void anOpenPageShowsItsEditedMarkdownAfterTheSave() {
    LiveReload page = new LiveReload(driver);
    page.open(home + "method/");
    site.write("content/method.md", site.read("content/method.md") + "\nA paragraph written while the page was open.\n");

    page.awaitReloadShowing("A paragraph written while the page was open.", GENEROUS);

    assertEquals("Method", driver.findElement(By.tagName("h1")).getText());
  }

  @Test
  void anOpenPageShowsItsEditedTemplateAfterTheSave() {
    LiveReload page = new LiveReload(driver);
    page.open(home + "session-types/consult/");
    site.write("templates/session-type.peb",
        site.read("templates/session-type.peb").replace("</h1>", "</h1><p class=\"edited\">Template edited while open.</p>"));

    page.awaitReloadShowing("Template edited while open.", GENEROUS);

    List<?> edited = driver.findElements(By.cssSelector("p.edited"));
    assertEquals(1, edited.size());
    assertTrue(driver.getCurrentUrl().endsWith("/session-types/consult/"), driver.getCurrentUrl());
  }
}
