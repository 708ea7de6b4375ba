package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return App.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void writesASampleFolderAndSaysWhatWasPlanted() {
    Path dir = tmp.resolve("s");
    int code = run("sample", "--sessions", "40", "--users", "7", "--repos", "3", "--seed", "3", "--out", dir.toString());
    assertEquals(ExitCode.OK, code, err.toString());
    assertTrue(out.toString().startsWith("Wrote 40 sessions of 7 users in 3 repositories to "), out.toString());
    assertTrue(out.toString().contains("Planted personas: pair-programmer=1"), out.toString());
    assertTrue(Files.isRegularFile(dir.resolve("sessions.parquet")));
    assertTrue(Files.isRegularFile(dir.resolve("ground-truth.json")));
  }

  @Test
  void rerunIntoAnEarlierSampleReplacesIt() throws IOException {
    Path dir = tmp.resolve("s");
    assertEquals(ExitCode.OK, run("sample", "--sessions", "40", "--users", "7", "--repos", "3", "--out", dir.toString()));
    assertEquals(ExitCode.OK, run("sample", "--sessions", "10", "--users", "7", "--repos", "3", "--out", dir.toString()));
    var truth = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    assertEquals(10, truth.get("sessions").size());
    try (var files = Files.list(dir.resolve("transcripts"))) {
      files.filter(p -> p.toString().endsWith(".jsonl")).forEach(p -> assertTrue(
          truth.get("sessions").has(p.getFileName().toString().replace(".jsonl", "")), "left over: " + p));
    }
  }

  @Test
  void moreUsersThanSessionsIsAUsageError() {
    assertEquals(ExitCode.USAGE, run("sample", "--sessions", "3", "--users", "5", "--out", tmp.resolve("x").toString()));
    assertTrue(err.toString().contains("at least one session per user"), err.toString());
  }

  @Test
  void aFolderWithOtherFilesIsNotOverwritten() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertEquals(ExitCode.USAGE, run("sample", "--sessions", "10", "--users", "7", "--out", tmp.toString()));
    assertTrue(err.toString().contains("is not empty"), err.toString());
    assertEquals("mine", Files.readString(tmp.resolve("notes.txt")));
  }
}
