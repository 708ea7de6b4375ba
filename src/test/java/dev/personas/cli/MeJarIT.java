package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `personas me` as the packaged jar runs it: the population model comes from inside the jar,
 * the logs from $HOME, the site's templates and styles from inside the jar too (it runs in a
 * folder that is not a clone), and stderr says what was found, with no progress bar (not a
 * terminal).
 */
class MeJarIT {
  @TempDir Path home;
  @TempDir Path work;

  @Test
  void jarFindsTheLogsUnderHomeAndWritesThePage() throws IOException, InterruptedException {
    MeCommandTest.copy(Path.of("src/test/resources/fixtures/claude-code/projects"), home.resolve(".claude/projects"));
    Path out = work.resolve("me");
    ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "personas.jar").toAbsolutePath().toString(), "me", "--out", out.toString()));
    builder.directory(work.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("CLAUDE_CONFIG_DIR");
    builder.environment().remove("CODEX_HOME");
    Path err = work.resolve("stderr.txt");
    Process p = builder.redirectError(err.toFile()).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String stderr = Files.readString(err);
    assertEquals(0, p.exitValue(), stderr);
    assertEquals(out.resolve("index.html") + "\n", stdout);
    assertTrue(stderr.contains("Found 2 sessions from 1 project, first 2025-10-03, last 2025-10-04."), stderr);
    assertTrue(!stderr.contains("Reading logs") && !stderr.contains("%"), "no progress bar off a terminal: " + stderr);
    assertTrue(Files.readString(out.resolve("index.html")).contains("cleanupPeriodDays"));
    assertTrue(Files.exists(out.resolve("css/site.css")), "styles copied from inside the jar");
  }
}
