package dev.personas.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regenerating the bundled sample from its documented options gives the committed bytes. */
class BundledSampleIT {
  @TempDir Path tmp;

  @Test
  void regeneratingTheBundledSampleGivesTheCommittedBytes() throws IOException, NoSuchAlgorithmException {
    Path folder = tmp.resolve("sample");
    new SampleGenerator(BundledSample.OPTIONS).generate(folder);
    Path archive = tmp.resolve("personas-sample.tar.gz");
    TarGz.pack(folder, archive);
    assertEquals(BundledSample.sha256(), sha256(archive),
        "regenerate with: java -jar target/personas.jar sample --out src/main/resources/sample/personas-sample.tar.gz");
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }
}
