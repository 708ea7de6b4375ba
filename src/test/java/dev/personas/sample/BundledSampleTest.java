package dev.personas.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSampleTest {
  @TempDir Path tmp;

  @Test
  void bundledSampleUnpacksToADatasetFolderAtSweChatScale() throws IOException {
    Path root = BundledSample.extract(tmp);
    assertTrue(Files.isRegularFile(root.resolve("sessions.parquet")));
    assertTrue(Files.isRegularFile(root.resolve("repositories.parquet")));
    JsonNode truth = new ObjectMapper().readTree(root.resolve("ground-truth.json").toFile());
    assertEquals(BundledSample.OPTIONS.sessions(), truth.get("sessions").size());
    assertEquals(BundledSample.OPTIONS.users(), truth.get("users").size());
    assertEquals(BundledSample.OPTIONS.seed(), truth.get("seed").asLong());
    try (Stream<Path> top = Files.list(root.resolve("transcripts"))) {
      assertEquals(BundledSample.OPTIONS.sessions(),
          top.filter(p -> p.getFileName().toString().endsWith(".jsonl")).count());
    }
  }

  @Test
  void aCompleteExtractionIsReusedNotRepeated() throws IOException {
    Path first = BundledSample.extract(tmp);
    Path marker = first.resolve("README.txt");
    Files.writeString(marker, "touched");
    Path second = BundledSample.extract(tmp);
    assertEquals(first, second);
    assertEquals("touched", Files.readString(marker));
  }

  @Test
  void bundledArchiveStaysWithinItsSizeBudget() throws IOException {
    try (var in = BundledSample.open()) {
      long size = in.transferTo(java.io.OutputStream.nullOutputStream());
      assertTrue(size <= 15L * 1024 * 1024, "bundled sample is " + size + " bytes");
    }
  }
}
