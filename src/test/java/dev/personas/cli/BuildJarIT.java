package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.site.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

  /** Outside a clone, build draws the site from the copies inside the jar, as `me` does. */
  @Test
  void outsideACloneTheJarBuildsFromItsOwnSiteFolders() throws Exception {
    Path jar = Path.of("target", "personas.jar").toAbsolutePath();
    Result result = run(temp, List.of(javaBin(), "-jar", jar.toString(), "build", "--no-data", "--out", "site"));
    assertEquals(0, result.exit(), result.err());
    assertTrue(Files.isRegularFile(temp.resolve("site/method/index.html")));
    assertTrue(Files.isRegularFile(temp.resolve("site/css/site.css")));
    Result named = run(temp, List.of(javaBin(), "-jar", jar.toString(), "build", "--no-data", "--content", "nowhere"));
    assertEquals(2, named.exit(), named.err());
    assertTrue(named.err().contains("nowhere does not exist"), named.err());
  }

  /** Outside a clone, serve draws the site from the copies inside the jar too, and serves it. */
  @Test
  void outsideACloneTheJarServesFromItsOwnSiteFolders() throws Exception {
    Path jar = Path.of("target", "personas.jar").toAbsolutePath();
    Process serve = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "serve", "--no-data", "--port", "0",
        "--out", temp.resolve("served").toString()).directory(temp.toFile()).redirectErrorStream(true).start();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String url = null;
      StringBuilder said = new StringBuilder();
      while (url == null && (line = lines.readLine()) != null) {
        said.append(line).append('\n');
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/\\S*)").matcher(line);
        url = m.find() ? m.group(1) : null;
      }
      assertTrue(url != null, said.toString());
      var response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "method/")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(response.body().contains("<h1"), response.body());
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theLauncherBuildsTheSameSiteAsJavaJarAndKeepsAClassArchiveForTheNextRun() throws Exception {
    Path launcher = Path.of("bin", "personas").toAbsolutePath();
    Path jar = Path.of("target", "personas.jar").toAbsolutePath();
    TestSite.copyInto(temp);
    Path cache = temp.resolve("xdg-cache");
    List<String> noData = List.of("build", "--no-data", "--quiet", "--out");

    Result plain = run(temp, concat(List.of(javaBin(), "-jar", jar.toString()), noData, "plain"), Map.of());
    Result first = run(temp, concat(List.of(launcher.toString()), noData, "first"), Map.of("XDG_CACHE_HOME", cache.toString()));
    List<Path> archives;
    try (Stream<Path> files = Files.list(cache.resolve("personas/cds"))) {
      archives = files.toList();
    }
    Result second = run(temp, concat(List.of(launcher.toString()), noData, "second"), Map.of("XDG_CACHE_HOME", cache.toString()));
    // -Xshare:on makes the JVM fail rather than quietly run without an archive it cannot use.
    Result required = run(temp, concat(List.of(launcher.toString()), noData, "required"), Map.of(
        "XDG_CACHE_HOME", cache.toString(), "JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:on"));

    assertEquals(0, plain.exit(), plain.err());
    assertEquals(0, first.exit(), first.err());
    assertEquals(0, second.exit(), second.err());
    assertEquals(0, required.exit(), "the archive is usable: " + required.err());
    // No JVM logging reaches the user: the archive's making and use are silent.
    assertEquals("", first.out() + first.err() + second.out() + second.err());
    assertEquals(1, archives.size(), archives.toString());
    assertTrue(archives.get(0).getFileName().toString().matches("personas-\\d+-\\d+-\\d+\\.jsa"), archives.toString());
    assertSameFiles(temp.resolve("plain"), temp.resolve("first"));
    assertSameFiles(temp.resolve("plain"), temp.resolve("second"));
    assertSameFiles(temp.resolve("plain"), temp.resolve("required"));
  }

  /**
   * The launcher's JVM flags, seen by a {@code JAVA} that writes down its arguments before it runs
   * the real java: C1 alone for the commands that end, with the serial collector for me and
   * classify and the parallel one for the others, nothing added for serve, and JAVA_OPTS in their
   * place when it is set (even empty).
   */
  @Test
  void theLauncherPicksItsFlagsByCommandAndJavaOptsReplacesThem() throws Exception {
    Path launcher = Path.of("bin", "personas").toAbsolutePath();
    Path args = temp.resolve("args.txt");
    Path java = temp.resolve("recording-java");
    Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> '" + args + "'\nexec '" + javaBin() + "' \"$@\"\n");
    assertTrue(java.toFile().setExecutable(true));
    Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA", java.toString(),
        "XDG_CACHE_HOME", temp.resolve("xdg-cache").toString()));
    List<String> seen = new java.util.ArrayList<>();
    for (String command : List.of("build", "me", "classify", "serve")) {
      Result r = run(temp, List.of(launcher.toString(), command, "--help"), env);
      assertEquals(0, r.exit(), command + ": " + r.err());
    }
    env.put("JAVA_OPTS", "");
    assertEquals(0, run(temp, List.of(launcher.toString(), "me", "--help"), env).exit());
    env.put("JAVA_OPTS", "-Xmx300m");
    assertEquals(0, run(temp, List.of(launcher.toString(), "build", "--help"), env).exit());
    seen.addAll(Files.readAllLines(args));
    assertEquals(6, seen.size(), seen.toString());
    assertTrue(seen.stream().noneMatch(line -> line.contains("DumpLoadedClassList") || line.contains("Xshare:dump")),
        "a build asked only for its help writes no class archive: " + seen);
    assertTrue(seen.get(0).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar"), seen.get(0));
    assertTrue(seen.get(1).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar"), seen.get(1));
    assertTrue(seen.get(2).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar"), seen.get(2));
    assertTrue(!seen.get(3).contains("TieredStopAtLevel") && !seen.get(3).contains("GC "), seen.get(3));
    assertTrue(!seen.get(4).contains("TieredStopAtLevel") && !seen.get(4).contains("GC "), seen.get(4));
    assertTrue(seen.get(5).contains("-Xmx300m -jar") && !seen.get(5).contains("TieredStopAtLevel"), seen.get(5));
  }

  private static List<String> concat(List<String> command, List<String> args, String out) {
    List<String> all = new java.util.ArrayList<>(command);
    all.addAll(args);
    all.add(out);
    return all;
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(expected)) {
      files = walk.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
    }
    try (Stream<Path> walk = Files.walk(actual)) {
      assertEquals(files, walk.filter(Files::isRegularFile).map(actual::relativize).sorted().toList());
    }
    for (Path file : files) {
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file))), file.toString());
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    return run(dir, command, Map.of());
  }

  private static Result run(Path dir, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("personas-out", ".txt");
    Path stderr = Files.createTempFile("personas-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    // The launcher runs the same JDK as the tests unless the test names its own JAVA, and only the
    // test's JAVA_OPTS.
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA", javaBin());
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the jar did not finish");
      }
      return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      // Each run's output files would otherwise stay behind in the system's temporary folder.
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
