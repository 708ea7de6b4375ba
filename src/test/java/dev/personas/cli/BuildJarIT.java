package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.site.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user would: `java -jar target/personas.jar build`. */
class BuildJarIT {
  @TempDir Path temp;

  @Test
  void packagedJarStaysWithinTwentyFiveMegabytes() throws IOException {
    // The promise to users (issue 4): one download that runs anywhere, at most 25 MB; the
    // bundled sample, Smile without its native builds and the site's own folders share it.
    long size = Files.size(Path.of("target", "personas.jar"));
    assertTrue(size <= 25_000_000L, "target/personas.jar is " + size + " bytes");
  }

  @Test
  void packagedJarBuildsTheSiteEndToEnd() throws Exception {
    Path jar = Path.of("target", "personas.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "mvn package made " + jar);
    TestSite.copyInto(temp);

    Result result = run(temp, List.of(javaBin(), "-jar", jar.toString(), "build", "--base-url", "/personas/"));

    assertEquals(0, result.exit(), result.err());
    assertTrue(result.out().matches("(?s)Read 5640 sessions .*\\RBuilt \\d+ pages, copied \\d+ files in \\d+ ms\\R"), result.out());
    // Only the build's own progress lines on stderr: no logging noise from the libraries.
    for (String line : result.err().split("\\R")) {
      assertTrue(line.matches("(Reading|Fitting|Validating|Reusing) .*\\.\\.\\."), "unexpected stderr line: " + line);
    }
    Path site = temp.resolve("site");
    Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    assertEquals("/personas/css/site.css", home.selectFirst("link[rel=stylesheet]").attr("href"));
    assertTrue(Files.size(site.resolve("assets/vendor/chart.umd.js")) > 100_000);
    assertTrue(Files.isRegularFile(site.resolve("css/site.css")));

    Result version = run(temp, List.of(javaBin(), "-jar", jar.toString(), "--version"));
    assertTrue(version.out().startsWith("personas "), version.out());
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("personas-out", ".txt");
    Path stderr = Files.createTempFile("personas-err", ".txt");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not finish");
    }
    return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
