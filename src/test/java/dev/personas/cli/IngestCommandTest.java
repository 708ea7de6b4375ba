package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.features.Feature;
import dev.personas.load.TestTrees;
import dev.personas.sample.SampleGenerator;
import dev.personas.sample.SampleOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return App.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  @Test
  void ingestReadsEveryPathAndSaysWhatItSkipped() {
    int code = run("ingest", TestTrees.resource("fixtures/codex/sessions").toString(),
        TestTrees.resource("fixtures/claude-code/projects").toString(), "--verbose");
    assertEquals(ExitCode.OK, code, err.toString());
    assertTrue(out.toString().startsWith("read 6 sessions"), out.toString());
    assertTrue(out.toString().contains("agent-c3.jsonl: subagent transcript whose parent session"), out.toString());
  }

  @Test
  void ingestWithFeaturesFeaturizesEverySessionItReads() {
    int code = run("ingest", TestTrees.resource("fixtures/codex/sessions").toString(),
        TestTrees.resource("fixtures/claude-code/projects").toString(), "--features");
    assertEquals(ExitCode.OK, code, err.toString());
    assertTrue(out.toString().contains("\nfeaturized 6 sessions (" + Feature.values().length
        + " features each, values sum to "), out.toString());
  }

  @Test
  void ingestWithoutFeaturesDoesNotFeaturize() {
    assertEquals(ExitCode.OK, run("ingest", TestTrees.resource("fixtures/codex/sessions").toString()));
    assertTrue(!out.toString().contains("featurized"), out.toString());
  }

  @Test
  void ingestReadsASweChatReleaseAsClassifyDoes(@TempDir Path dir) throws IOException {
    new SampleGenerator(new SampleOptions(40, 6, 3, 7L)).generate(dir);
    int code = run("ingest", dir.toString());
    assertEquals(ExitCode.OK, code, err.toString() + out);
    assertTrue(out.toString().matches("(?s)read [1-9]\\d* sessions, .*"), out.toString());
    assertTrue(!out.toString().contains("cannot read"), out.toString());
  }

  @Test
  void nothingUsableIsAFailureInOnePlainSentence() {
    int code = run("ingest", "/no/such/folder");
    assertEquals(ExitCode.FAILURE, code);
    assertTrue(err.toString().startsWith("personas: No sessions found in [/no/such/folder]"), err.toString());
    assertTrue(!err.toString().contains("Exception"), err.toString());
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertEquals(ExitCode.USAGE, run("ingest", "x", "--format", "cursor"));
  }
}
