package dev.personas.site;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An open page in Chromium that `serve` should reload after an edit: marks the page so a reload
 * can be told from the same page, and reads when the reloaded page was first painted.
 */
final class LiveReload {
  private final ChromeDriver driver;

  LiveReload(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Opens the page and waits until its reload script has learnt the site's version. */
  void open(String url) {
    driver.get(url);
    mark();
  }

  /** Marks the current document: a reloaded page no longer carries the mark. */
  void mark() {
    js("window.__personasOld = true;");
  }

  /**
   * Waits until the page has been reloaded and shows the text, and returns when (epoch
   * milliseconds) the reloaded page's navigation started and when it was first painted with content.
   */
  Reloaded awaitReloadShowing(String text, Duration patience) {
    new WebDriverWait(driver, patience, Duration.ofMillis(20)).until(d -> Boolean.TRUE.equals(js(
        "return window.__personasOld !== true && document.readyState === 'complete'"
            + " && document.body.innerText.includes(arguments[0]);", text)));
    Object painted = js("var p = performance.getEntriesByName('first-contentful-paint')[0];"
        + " var n = performance.getEntriesByType('navigation')[0];"
        + " return [performance.timeOrigin, performance.timeOrigin + (p ? p.startTime : n.domContentLoadedEventEnd)];");
    List<?> times = (List<?>) painted;
    return new Reloaded(((Number) times.get(0)).doubleValue(), ((Number) times.get(1)).doubleValue());
  }

  /** When a reload started and when its page was first painted, epoch milliseconds. */
  record Reloaded(double started, double painted) {}

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
