package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.classify.Model;
import dev.personas.classify.ModelFitter;
import dev.personas.classify.Recovery;
import dev.personas.classify.SessionInput;
import dev.personas.classify.Validator;
import dev.personas.features.FeatureExtractor;
import dev.personas.site.TestSite;
import dev.personas.study.DatasetSource;
import dev.personas.study.Sources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    // One seed's 190 people recover personas with a spread of about ±2.5 points (0.84 here);
    // the target is checked on the mean over fresh seeds below, this guards against collapse.
    assertTrue(personas >= 0.78, "personas recovered on a held-out seed: " + personas);
  }

  /**
   * Personas over three seeds fixed before their result was seen (101, 103, 107; the persona
   * constants were chosen on seeds 7–43 and the bundled sample): one sample's 190 people are too
   * few to tell 85 % from 83 %, 570 are enough to hold the target.
   */
  @Test
  void personasAreRecoveredOnAverageOverFreshSeeds() throws Exception {
    int hits = 0;
    int people = 0;
    StringBuilder perSeed = new StringBuilder();
    for (long seed : new long[] {101, 103, 107}) {
      Path dataset = temp.resolve("seed-" + seed);
      StringWriter err = new StringWriter();
      var cli = App.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
      assertEquals(ExitCode.OK, cli.execute("sample", "--quiet", "--seed", Long.toString(seed),
          "--out", dataset.toString()), err.toString());
      Recovery recovery = personaRecovery(Sources.dataset(dataset, Optional.empty()));
      hits += Math.round(recovery.accuracy() * recovery.items());
      people += recovery.items();
      perSeed.append(seed).append(": ").append(recovery.accuracy()).append("  ");
    }
    double mean = (double) hits / people;
    assertTrue(mean >= 0.85, "persona recovery over " + people + " people: " + mean + " (" + perSeed + ")");
  }

  /** Read, fit, label and check one sample, skipping all but one bootstrap resample. */
  private static Recovery personaRecovery(DatasetSource source) {
    List<SessionInput> inputs = new ArrayList<>();
    FeatureExtractor extractor = new FeatureExtractor();
    Sources.loader().load(source.paths(), source.format(), session -> inputs.add(
        new SessionInput(session.id(), session.userId(), session.start(), extractor.extract(session))));
    inputs.sort(Comparator.comparing(SessionInput::sessionId));
    Model model = new ModelFitter().fit(inputs);
    return new Validator(new ModelFitter(), 1, 1, 2).validate(model, inputs, source.groundTruth())
        .personaRecovery();
  }
}
