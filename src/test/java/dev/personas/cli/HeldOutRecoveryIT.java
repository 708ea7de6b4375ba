package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.site.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery on a sample the method was never tuned on: a fresh seed, generated here, analysed by
 * `build --dataset`. The rules and constants were adjusted while watching the bundled sample, so
 * only this check says whether they generalise.
 */
class HeldOutRecoveryIT {
  @TempDir Path temp;

  @Test
  void sessionTypesAreRecoveredOnASampleWithAnotherSeed() throws Exception {
    TestSite site = TestSite.copyInto(temp);
    Path dataset = temp.resolve("held-out");
    StringWriter err = new StringWriter();
    var cli = App.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(ExitCode.OK, cli.execute("sample", "--seed", "7", "--out", dataset.toString()),
        err.toString());
    assertEquals(ExitCode.OK, cli.execute("build", "--quiet", "--dataset", dataset.toString(),
        "--content", temp.resolve("content").toString(),
        "--templates", temp.resolve("templates").toString(),
        "--static", temp.resolve("static").toString(),
        "--out", site.out().toString()), err.toString());

    JsonNode validation = new ObjectMapper().readTree(site.out().resolve("validation.json").toFile());
    double types = validation.path("typeRecovery").path("accuracy").asDouble();
    double personas = validation.path("personaRecovery").path("accuracy").asDouble();
    assertTrue(types >= 0.90, "session types recovered on a held-out seed: " + types);
    assertTrue(validation.path("stability").path("typesMeanAri").asDouble() >= 0.80);
    // Personas: measured 0.82 on this seed against a target of 0.85 (issue 4 stays open for it);
    // this guards against a collapse, not the target.
    assertTrue(personas >= 0.75, "personas recovered on a held-out seed: " + personas);
  }
}
