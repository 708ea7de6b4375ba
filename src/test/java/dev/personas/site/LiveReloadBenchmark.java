package dev.personas.site;

import dev.personas.serve.DevServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Save-to-visible latency of `personas serve` (issue 15): the repository's site served by the
 * project's server, one page open in headless Chromium; each edit appends a sentence to a
 * Markdown page (or a template) and the time is from just before the file is written to the
 * reloaded page's first contentful paint, both on this machine's clock. Run by
 * bench/serve-latency.sh; prints every edit and the median.
 *
 *   java -cp CLASSPATH dev.personas.site.LiveReloadBenchmark [edits]
 */
public final class LiveReloadBenchmark {
  private LiveReloadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int edits = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    Path temp = Files.createTempDirectory("personas-serve-bench");
    TestSite site = TestSite.copyInto(temp.resolve("source"));
    SiteOptions options = site.options("/");
    DevServer server = new DevServer(
        options, new LiveSite(() -> new LiveSite.Source(new SiteBuilder(options, Renderers.standard(), System::nanoTime), SiteData.none())),
        0, new PrintWriter(System.err, true), new PrintWriter(System.err, true));
    String home = server.start();
    ChromeDriver driver = Chromium.start(temp);
    try {
      measure("Markdown page content/method.md", site, driver, home + "method/", "content/method.md", edits,
          (text, marker) -> text + "\n" + marker + "\n");
      measure("template templates/session-type.peb (7 pages)", site, driver, home + "session-types/consult/",
          "templates/session-type.peb", edits, (text, marker) -> text.replace("</h1>", "</h1><p>" + marker + "</p>"));
    } finally {
      driver.quit();
      server.close();
    }
  }

  private interface Edit {
    String apply(String text, String marker);
  }

  private static void measure(String what, TestSite site, ChromeDriver driver, String url, String file, int edits, Edit edit)
      throws IOException {
    LiveReload page = new LiveReload(driver);
    page.open(url);
    String original = site.read(file);
    List<Double> latencies = new ArrayList<>();
    List<Double> toReload = new ArrayList<>();
    // Two warm-up edits first: the first re-render in a fresh JVM runs interpreted code.
    for (int i = -2; i < edits; i++) {
      String marker = "Edit number " + (i + 3) + " of the latency benchmark.";
      page.mark();
      double saved = System.currentTimeMillis();
      Files.writeString(site.root().resolve(file), edit.apply(original, marker));
      LiveReload.Reloaded reloaded = page.awaitReloadShowing(marker, Duration.ofSeconds(60));
      if (i >= 0) {
        latencies.add(reloaded.painted() - saved);
        toReload.add(reloaded.started() - saved);
      }
      page.mark();
    }
    site.write(file, original);
    List<Double> sorted = latencies.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "%s: save to first paint, median %.0f ms, min %.0f, max %.0f over %d edits (runs: %s);"
            + " save to the reload's start, median %.0f ms%n",
        what, median(latencies), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(),
        latencies.stream().map(l -> String.format(Locale.ROOT, "%.0f", l)).toList(), median(toReload));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
  }
}
