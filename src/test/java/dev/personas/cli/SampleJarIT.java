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
 * `personas sample` from the packaged jar: the shaded jar leaves parquet-jackson out and
 * relocates parquet onto our Jackson, so Parquet writing (which loads that code) must work there.
 */
class SampleJarIT {
  @TempDir Path tmp;

  @Test
  void packagedJarWritesAReadableSampleAndPrintsNoLoggingNoise() throws IOException, InterruptedException {
    Path jar = Path.of("target", "personas.jar");
    assertTrue(Files.isRegularFile(jar), "run after mvn package");
    Path out = tmp.resolve("s");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "sample", "--sessions", "30", "--users", "7", "--repos", "3", "--out", out.toString()))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.startsWith("Wrote 30 sessions"), output);
    assertTrue(!output.contains("SLF4J"), output);
    // The jar's Parquet files are read back by the same library (footer parsing included).
    assertTrue(blue.strategic.parquet.ParquetReader.readMetadata(out.resolve("sessions.parquet").toFile())
        .getBlocks().get(0).getRowCount() == 30);
  }
}
