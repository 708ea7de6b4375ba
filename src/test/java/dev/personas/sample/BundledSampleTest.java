package dev.personas.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSampleTest {
  private static final SampleOptions SMALL = new SampleOptions(120, 9, 4, 5L);

  @TempDir Path tmp;

  @Test
  void aSampleIsGeneratedIntoAFolderNamedAfterTheGeneratorAndOptions() throws IOException {
    Path root = BundledSample.prepare(tmp, SMALL);
    assertEquals(BundledSample.folderName(SMALL), root.getFileName().toString());
    for (String table : List.of("repositories", "sessions", "checkpoints", "conversations")) {
      assertTrue(Files.isRegularFile(root.resolve(table + ".parquet")), table);
    }
    assertTrue(Files.isRegularFile(root.resolve(GroundTruthFile.NAME)));
    assertTrue(Files.exists(root.resolve(".complete")));
    assertNotEquals(BundledSample.folderName(SMALL),
        BundledSample.folderName(new SampleOptions(120, 9, 4, 6L)), "another seed, another folder");
  }

  @Test
  void aCompleteSampleIsReusedNotRegenerated() throws IOException {
    Path first = BundledSample.prepare(tmp, SMALL);
    Path marker = first.resolve("README.txt");
    Files.writeString(marker, "touched");
    Path second = BundledSample.prepare(tmp, SMALL);
    assertEquals(first, second);
    assertEquals("touched", Files.readString(marker));
  }

  @Test
  void twoRunsAtOnceLeaveOneCompleteSampleAndNoStagingFolders() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Path> run = () -> BundledSample.prepare(tmp, SMALL);
      List<Future<Path>> runs = pool.invokeAll(List.of(run, run));
      assertEquals(runs.get(0).get(), runs.get(1).get());
    } finally {
      pool.shutdown();
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(BundledSample.folderName(SMALL)),
          left.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void anIncompleteFolderIsReplaced() throws IOException {
    Path broken = Files.createDirectories(tmp.resolve(BundledSample.folderName(SMALL)));
    Files.writeString(broken.resolve("sessions.parquet"), "half written");
    Path root = BundledSample.prepare(tmp, SMALL);
    assertTrue(Files.exists(root.resolve(".complete")));
    assertNotEquals("half written", new String(Files.readAllBytes(root.resolve("sessions.parquet")), java.nio.charset.StandardCharsets.ISO_8859_1));
  }
}
