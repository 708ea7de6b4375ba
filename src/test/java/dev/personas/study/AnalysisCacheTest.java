package dev.personas.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.sample.SampleGenerator;
import dev.personas.sample.SampleOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept analysis is the fresh one, byte for byte, and never outlives a change of its input. */
class AnalysisCacheTest {
  @TempDir static Path temp;
  static Path dataset;
  static Analysis fresh;

  @BeforeAll
  static void analyse() throws IOException {
    dataset = temp.resolve("release");
    new SampleGenerator(new SampleOptions(240, 30, 8, 3L)).generate(dataset);
    fresh = Analysis.of(new StudyRunner(Sources.loader(), m -> { }).run(source()));
  }

  private static DatasetSource source() {
    return Sources.dataset(dataset, Optional.empty());
  }

  @Test
  void aKeptAnalysisReadsBackAsTheFreshOne() throws IOException {
    AnalysisCache cache = new AnalysisCache(temp.resolve("cache"));
    String key = AnalysisCache.key(source());
    assertTrue(cache.load(key).isEmpty());
    cache.store(key, fresh);
    Analysis kept = cache.load(key).orElseThrow();
    // Records compare by value: every figure of every page, every line, every published byte.
    assertEquals(fresh.figures(), kept.figures());
    assertEquals(fresh.readSummary(), kept.readSummary());
    assertEquals(fresh.fitNotice(), kept.fitNotice());
    assertEquals(fresh.skips(), kept.skips());
    assertArrayEquals(fresh.model(), kept.model());
    assertArrayEquals(fresh.validation(), kept.validation());
    assertEquals(new ObjectMapper().readTree(fresh.model()), new ObjectMapper().readTree(kept.model()));
  }

  @Test
  void theKeyIsTheSameForTheSameBytesAndChangesWithOneByte() throws IOException {
    String before = AnalysisCache.key(source());
    assertEquals(before, AnalysisCache.key(source()));
    assertNotEquals(before, AnalysisCache.key(source().keepingExcluded(true)));
    Path table = dataset.resolve("conversations.parquet");
    byte[] bytes = Files.readAllBytes(table);
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(table);
    byte[] changed = bytes.clone();
    changed[bytes.length / 2] ^= 1;
    // Same size, same name, even the same modification time: one bit different is a new key.
    Files.write(table, changed);
    Files.setLastModifiedTime(table, modified);
    try {
      assertNotEquals(before, AnalysisCache.key(source()));
    } finally {
      Files.write(table, bytes);
      Files.setLastModifiedTime(table, modified);
    }
    assertEquals(before, AnalysisCache.key(source()));
    // Touched without a change: analysed afresh rather than trusted.
    Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.fromMillis(modified.toMillis() + 1000));
    try {
      assertNotEquals(before, AnalysisCache.key(source()));
    } finally {
      Files.setLastModifiedTime(table, modified);
    }
  }

  /** A release linked in place: pointing the link at other data is a new key, not a kept analysis. */
  @Test
  void theKeyFollowsALinkToTheDatasetFolder() throws IOException {
    Path other = temp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("sessions.jsonl"), "{\"session_id\":\"a\"}\n");
    // Planted labels beside both, so only the tables differ.
    Files.copy(dataset.resolve("ground-truth.json"), other.resolve("ground-truth.json"));
    Path link = Files.createSymbolicLink(temp.resolve("linked"), dataset);
    String toRelease = AnalysisCache.key(Sources.dataset(link, Optional.empty()));
    Files.delete(link);
    Files.createSymbolicLink(link, other);
    try {
      assertNotEquals(toRelease, AnalysisCache.key(Sources.dataset(link, Optional.empty())));
    } finally {
      Files.delete(link);
    }
  }

  /**
   * Logs holding a link back to a folder above them (the readers report and skip it) are keyed
   * all the same, by the files they hold: following links must not fail on the loop.
   */
  @Test
  void theKeyPassesOverALinkBackToAFolderAbove() throws IOException {
    Path logs = temp.resolve("logs");
    Files.createDirectories(logs.resolve("p1"));
    Files.writeString(logs.resolve("p1/s.jsonl"), "{\"type\":\"user\"}\n");
    String plain = AnalysisCache.key(Sources.dataset(logs, Optional.empty()));
    Files.createSymbolicLink(logs.resolve("p1/up"), logs);
    assertEquals(plain, AnalysisCache.key(Sources.dataset(logs, Optional.empty())));
  }

  /** A per-run stand-in for an unreadable program keys nothing a later build could find: nothing is written. */
  @Test
  void anAnalysisOfAnUnreadableProgramIsNotKept() throws IOException {
    Path folder = temp.resolve("cache-unknown");
    AnalysisCache cache = new AnalysisCache(folder);
    String key = AnalysisCache.key(source());
    cache.store(key, fresh, AnalysisCache.UNKNOWN_PROGRAM + System.nanoTime());
    assertFalse(Files.exists(folder.resolve(key + ".json")));
    cache.store(key, fresh, AnalysisCache.program());
    assertTrue(Files.isRegularFile(folder.resolve(key + ".json")), "the same analysis of a readable program is kept");
    assertTrue(AnalysisCache.keyedByAKnownProgram(AnalysisCache.program()));
  }

  @Test
  void aDamagedEntryIsAMissNotAFailure() throws IOException {
    AnalysisCache cache = new AnalysisCache(temp.resolve("damaged"));
    String key = AnalysisCache.key(source());
    cache.store(key, fresh);
    Path file = cache.folder().resolve(key + ".json");
    Files.writeString(file, Files.readString(file).substring(0, 100));
    assertFalse(cache.load(key).isPresent());
  }

  @Test
  void aJarsHashFollowsEveryEntryAndNotWhereTheJarLies() throws IOException {
    Path jars = Files.createDirectories(temp.resolve("jars"));
    Path a = writeJar(jars.resolve("a.jar"), "dev/personas/A.class", "one body", null);
    Path copy = Files.copy(a, jars.resolve("copy.jar"));
    Path changed = writeJar(jars.resolve("changed.jar"), "dev/personas/A.class", "two body", null);
    Path renamed = writeJar(jars.resolve("renamed.jar"), "dev/personas/B.class", "one body", null);

    String hash = AnalysisCache.programAt(a);
    assertEquals(hash, AnalysisCache.programAt(copy));
    // The same size, another CRC-32 (a rebuilt class of the same length), and another name.
    assertNotEquals(hash, AnalysisCache.programAt(changed));
    assertNotEquals(hash, AnalysisCache.programAt(renamed));
    assertEquals(AnalysisCache.programAt(a), AnalysisCache.programAt(a.toAbsolutePath()));
  }

  @Test
  void aCommentThatLooksLikeTheEndRecordDoesNotHideTheEntries() throws IOException {
    Path jars = Files.createDirectories(temp.resolve("commented"));
    // An end record of an empty directory, as a jar's comment: it must not stand for the jar.
    String fakeEnd = "PK\u0005\u0006" + "\u0000".repeat(18);
    Path one = writeJar(jars.resolve("one.jar"), "dev/personas/A.class", "one body", fakeEnd);
    Path two = writeJar(jars.resolve("two.jar"), "dev/personas/A.class", "two body", fakeEnd);
    Path plain = writeJar(jars.resolve("plain.jar"), "dev/personas/A.class", "one body", "built by hand");
    Path none = writeJar(jars.resolve("none.jar"), "dev/personas/A.class", "one body", null);

    assertNotEquals(AnalysisCache.programAt(one), AnalysisCache.programAt(two));
    assertEquals(AnalysisCache.programAt(one), AnalysisCache.programAt(one));
    assertNotEquals(AnalysisCache.programAt(plain), AnalysisCache.programAt(none));
    assertNotEquals(AnalysisCache.programAt(plain),
        AnalysisCache.programAt(writeJar(jars.resolve("plain2.jar"), "dev/personas/A.class", "two body", "built by hand")));
  }

  @Test
  void aJarWithBytesBeforeItIsHashedByItsEntries() throws IOException {
    Path jars = Files.createDirectories(temp.resolve("stubbed"));
    Path one = writeJar(jars.resolve("one.jar"), "dev/personas/A.class", "one body", null);
    Path two = writeJar(jars.resolve("two.jar"), "dev/personas/A.class", "two body", null);
    byte[] stub = "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (Path jar : java.util.List.of(one, two)) {
      byte[] bytes = Files.readAllBytes(jar);
      byte[] stubbed = java.util.Arrays.copyOf(stub, stub.length + bytes.length);
      System.arraycopy(bytes, 0, stubbed, stub.length, bytes.length);
      Files.write(jars.resolve("stubbed-" + jar.getFileName()), stubbed);
    }
    assertNotEquals(AnalysisCache.programAt(jars.resolve("stubbed-one.jar")),
        AnalysisCache.programAt(jars.resolve("stubbed-two.jar")));
  }

  private static Path writeJar(Path jar, String entry, String body, String comment) throws IOException {
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      if (comment != null) {
        zip.setComment(comment);
      }
      java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(entry);
      e.setTime(0);
      zip.putNextEntry(e);
      zip.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return jar;
  }

}
