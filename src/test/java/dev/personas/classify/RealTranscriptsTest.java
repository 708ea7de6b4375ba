package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.features.Feature;
import dev.personas.features.FeatureExtractor;
import dev.personas.features.FeatureVector;
import dev.personas.study.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real transcripts whose licences allow redistribution (src/test/resources/real) read, with
 * the program's own reader, to exactly the features the real corpus ships for them: the corpus's
 * numbers stay the program's numbers.
 */
class RealTranscriptsTest {
  private static final Path REAL = Path.of("src", "test", "resources", "real");

  @Test
  void committedRealTranscriptsGiveTheFeaturesTheCorpusShips() throws IOException {
    Map<String, RealCorpus.Session> corpus = RealCorpus.shipped().sessions().stream()
        .collect(Collectors.toMap(RealCorpus.Session::id, Function.identity()));
    int checked = 0;
    List<String> sources = Files.readAllLines(Path.of("corpus", "sources.tsv"), StandardCharsets.UTF_8);
    for (String line : sources.subList(1, sources.size())) {
      String[] c = line.split("\t");
      Path file = REAL.resolve(c[3].replace('/', '+')).resolve(c[5]);
      if (!Files.exists(file)) {
        continue;
      }
      assertTrue(c[6].equals("MIT") || c[6].equals("Apache-2.0"), c[0] + " is " + c[6] + ": not ours to commit");
      assertEquals(c[7], sha256(file), c[0] + " is not the file that was labelled");
      List<FeatureVector> read = new ArrayList<>();
      FeatureExtractor extractor = new FeatureExtractor();
      Sources.loader().load(List.of(file), Optional.empty(), s -> read.add(extractor.extract(s)));
      assertEquals(1, read.size(), c[0]);
      FeatureVector expected = corpus.get(c[0]).features();
      for (Feature f : Feature.values()) {
        assertEquals(expected.get(f), read.get(0).get(f), 1e-9, c[0] + " " + f.key());
      }
      checked++;
    }
    assertEquals(8, checked, "the eight redistributable transcripts under " + REAL);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
