package dev.personas.sample;

import dev.personas.PersonasException;
import dev.personas.Sha256;
import dev.personas.features.ToolCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The synthetic sample every build without --dataset analyses: {@link SampleOptions#DEFAULT},
 * generated on first use rather than shipped (the jar stays small), into the temporary folder
 * under a name that carries the generator's version and the options, and reused afterwards.
 * Generation writes into a staging folder that is moved into place whole, with its
 * {@code .complete} marker already inside, so two runs starting at once never see half a sample.
 */
public final class BundledSample {
  /** The options the bundled sample is generated with. */
  public static final SampleOptions OPTIONS = SampleOptions.DEFAULT;

  private static final String COMPLETE = ".complete";
  private static final List<Class<?>> GENERATOR_CLASSES = List.of(SampleGenerator.class,
      SessionScript.class, ClaudeLog.class, Codebase.class, PersonaMix.class, ToolMix.class,
      Annotations.class, PromptIntent.class, ParquetTable.class, ToolCategory.class);
  private static Path root;

  private BundledSample() {}

  /** A folder holding the sample (its four tables, transcripts/, ground-truth.json). */
  public static synchronized Path root() {
    if (root == null) {
      root = prepare(Path.of(System.getProperty("java.io.tmpdir")), OPTIONS);
    }
    return root;
  }

  /**
   * The folder name of a sample made with these options by this generator: a hash of the
   * options, the generator's version and the compiled classes that decide the sample's bytes, so
   * a changed generator never reuses a stale copy, even when its version was not bumped.
   */
  static String folderName(SampleOptions options) {
    try {
      MessageDigest digest = Sha256.digest();
      digest.update((SampleGenerator.VERSION + " " + options).getBytes(StandardCharsets.UTF_8));
      for (Class<?> c : GENERATOR_CLASSES) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
          if (in != null) {
            digest.update(in.readAllBytes());
          }
        }
      }
      return "personas-sample-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw PersonasException.failure("Could not read personas' own classes: " + e.getMessage(), e);
    }
  }

  /** Generates the sample into {@code parent} unless a complete copy is already there. */
  static Path prepare(Path parent, SampleOptions options) {
    Path target = parent.resolve(folderName(options));
    if (Files.exists(target.resolve(COMPLETE))) {
      return target;
    }
    Path staging = null;
    try {
      Files.createDirectories(parent);
      staging = Files.createTempDirectory(parent, "personas-sample-staging-");
      new SampleGenerator(options).generate(staging);
      Files.createFile(staging.resolve(COMPLETE));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileSystemException e) {
        // Another run finished first (keep its copy), or a broken copy is in the way.
        if (!Files.exists(target)) {
          throw e;
        }
        if (!Files.exists(target.resolve(COMPLETE))) {
          delete(target);
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      return target;
    } catch (IOException e) {
      throw PersonasException.failure("Could not generate the bundled sample into " + parent
          + ": " + e.getMessage() + ". Free some space there or pass --dataset PATH.", e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static void deleteQuietly(Path folder) {
    try {
      delete(folder);
    } catch (IOException e) {
      // A staging folder left behind is only litter in the temporary folder.
    }
  }

  private static void delete(Path folder) throws IOException {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
