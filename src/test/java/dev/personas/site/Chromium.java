package dev.personas.site;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium under chromedriver (nothing is downloaded), with its console and
 * network (performance) logs on, for the browser tests.
 */
final class Chromium {
  private Chromium() {}

  /** A new browser with a fresh profile under {@code temp}. */
  static ChromeDriver start(Path temp) throws IOException {
    Path chromium = executable("chromium", "/usr/bin/chromium");
    Path chromedriver = executable("chromedriver", "/usr/bin/chromedriver");
    ChromeOptions chrome = new ChromeOptions();
    chrome.setBinary(chromium.toFile());
    chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
        "--user-data-dir=" + Files.createTempDirectory(temp, "chromium-profile"), "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    chrome.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, chrome);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  // CI installs Chromium (.ci/run): a missing browser is a failure, never a skip.
  private static Path executable(String name, String usual) {
    Stream<Path> candidates = Stream.concat(Stream.of(Path.of(usual)),
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(d -> Path.of(d, name)));
    Optional<Path> found = candidates.filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      fail(name + " is not installed: the browser tests need Debian's chromium and chromium-driver (bash .ci/run installs them).");
    }
    return found.get();
  }
}
