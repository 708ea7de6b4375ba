package dev.personas.sample;

import dev.personas.PersonasException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The synthetic sample shipped inside the jar ({@value #RESOURCE}), made by
 * {@code personas sample --out src/main/resources/sample/personas-sample.tar.gz} with
 * {@link SampleOptions#DEFAULT}. {@link #root()} gives a folder holding it, ready for the
 * SWE-chat reader: extracted once into the temporary folder, under a name that carries the
 * archive's hash, and reused by later runs.
 */
public final class BundledSample {
  /** Where the archive is on the class path. */
  public static final String RESOURCE = "/sample/personas-sample.tar.gz";
  /** The options the bundled archive was generated with. */
  public static final SampleOptions OPTIONS = SampleOptions.DEFAULT;

  private static final String COMPLETE = ".complete";
  private static Path root;

  private BundledSample() {}

  /** The archive's bytes as a stream; the caller closes it. */
  public static InputStream open() {
    InputStream in = BundledSample.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw PersonasException.failure("The bundled sample " + RESOURCE
          + " is missing from this build; pass --dataset PATH or rebuild personas.");
    }
    return in;
  }

  /** A folder holding the extracted sample (sessions.parquet, transcripts/, ground-truth.json). */
  public static synchronized Path root() {
    if (root == null) {
      root = extract(Path.of(System.getProperty("java.io.tmpdir")));
    }
    return root;
  }

  /** Extracts into {@code parent}/personas-sample-HASH unless a complete copy is already there. */
  static Path extract(Path parent) {
    try {
      String hash = sha256();
      Path target = parent.resolve("personas-sample-" + hash.substring(0, 16));
      if (Files.exists(target.resolve(COMPLETE))) {
        return target;
      }
      Path staging = Files.createTempDirectory(parent, "personas-sample-staging-");
      try (InputStream in = open()) {
        TarGz.unpack(in, staging);
      }
      Files.createFile(staging.resolve(COMPLETE));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
          | java.nio.file.DirectoryNotEmptyException e) {
        // Another run extracted it at the same time, or a broken copy is in the way.
        if (!Files.exists(target.resolve(COMPLETE))) {
          delete(target);
          Files.move(staging, target);
        } else {
          delete(staging);
        }
      }
      return target;
    } catch (IOException e) {
      throw PersonasException.failure("Could not unpack the bundled sample into " + parent
          + ": " + e.getMessage(), e);
    }
  }

  /** The archive's SHA-256, hex. */
  public static String sha256() throws IOException {
    try (DigestInputStream in = new DigestInputStream(open(), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
