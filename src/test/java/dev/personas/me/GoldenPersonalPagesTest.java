package dev.personas.me;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.personas.classify.Model;
import dev.personas.classify.Persona;
import dev.personas.sample.GroundTruthFile;
import dev.personas.sample.SampleGenerator;
import dev.personas.sample.SampleOptions;
import dev.personas.site.PersonalSite;
import dev.personas.study.PopulationModels;
import dev.personas.study.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden personal pages: one person of each persona, taken from a generated sample with a fixed
 * seed (each person's own transcripts read by `personas me`'s analyzer against the shipped
 * model), rendered as `personas me` renders them; index.html, card.svg and the export me.json
 * (whose depth any port of DepthAnalyzer must reproduce from its sessions and scores) must match
 * src/test/resources/golden/me/&lt;persona&gt;/ byte for byte. After an intended change rewrite them
 * with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenPersonalPagesTest {
  private static final Path SOURCE_DIR = Path.of("src/test/resources/golden/me");
  private static final SampleOptions OPTIONS = new SampleOptions(2_400, 80, 20, 9L);

  @TempDir static Path work;
  private static final Map<Persona, MeResult> PEOPLE = new EnumMap<>(Persona.class);

  @BeforeAll
  static void onePersonOfEachPersona() throws IOException {
    Path dataset = work.resolve("sample");
    new SampleGenerator(OPTIONS, true).generate(dataset);
    Map<String, List<Path>> byUser = new TreeMap<>();
    Sources.loader().load(List.of(dataset), Optional.empty(), session -> byUser
        .computeIfAbsent(session.userId(), u -> new ArrayList<>())
        .add(dataset.resolve("transcripts").resolve(session.id() + ".jsonl")));
    Model model = PopulationModels.load(Optional.empty());
    // Users planted as each persona first (most are classified as planted), then the rest: few analyses.
    Map<String, Persona> planted = GroundTruthFile.read(dataset.resolve(GroundTruthFile.NAME)).personas();
    List<String> order = new ArrayList<>();
    for (Persona p : Persona.values()) {
      byUser.keySet().stream().filter(u -> planted.get(u) == p).findFirst().ifPresent(order::add);
    }
    byUser.keySet().stream().filter(u -> !order.contains(u)).forEach(order::add);
    // A Pair Programmer whose long building sessions come from LongSessions, first in line, so
    // that persona's page does not depend on who the sample happens to hold.
    byUser.put("~long", LongSessions.write(work.resolve("long"), 4, 34));
    order.add(0, "~long");
    for (String user : order) {
      List<Path> files = byUser.get(user);
      files.sort(null);
      MeResult result = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, s -> { })
          .analyse(files).result().orElseThrow();
      PEOPLE.putIfAbsent(result.persona(), result);
      if (PEOPLE.size() == Persona.values().length) {
        break;
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> pageAndCardOfOnePersonOfEachPersonaMatchTheirGoldenFiles() {
    return Stream.of(Persona.values()).map(p -> DynamicTest.dynamicTest(p.slug(), () -> check(p)));
  }

  private static void check(Persona persona) throws IOException {
    MeResult result = PEOPLE.get(persona);
    if (result == null) {
      fail("the sample (" + OPTIONS + ") has nobody classified " + persona.slug() + "; change its seed or size");
    }
    Path out = work.resolve("pages").resolve(persona.slug());
    new PersonalSite(Path.of("content"), Path.of("templates"), Path.of("static"), PersonalSite.RELATIVE)
        .write(new PersonalFiguresMaker().figures(result), Population.describe(result.modelFingerprint()), out);
    // The export too: sessions, scores and depth side by side, a fixture for ports of DepthAnalyzer.
    MeFile.write(result, out.resolve("me.json"));
    Document page = Jsoup.parse(out.resolve("index.html").toFile());
    assertEquals(persona.displayName(), page.selectFirst("h1").text());
    assertFalse(page.select("svg.persona-map circle.map-you").isEmpty(), "the map marks the person");
    assertEquals(3, page.select(".traits canvas[data-chart]").size(), "three traits, each with its bars");
    assertTrue(page.selectFirst("meta[property=og:image]").attr("content").endsWith("card.png"));
    for (String file : List.of("index.html", "card.svg", "me.json")) {
      String actual = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
      Path expected = SOURCE_DIR.resolve(persona.slug()).resolve(file);
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        continue;
      }
      if (!Files.exists(expected)) {
        fail("no golden " + expected + "; create it with -Dgolden.update=true and review it");
      }
      assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, persona.slug() + "/" + file + " changed");
    }
  }
}
