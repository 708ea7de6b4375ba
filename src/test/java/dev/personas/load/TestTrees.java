package dev.personas.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies test resource folders into a temporary folder, so tests build real file trees. */
public final class TestTrees {
  private TestTrees() {}

  public static Path resource(String name) {
    try {
      return Path.of(TestTrees.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a resource folder (recursively) to {@code target}. */
  public static void copy(String resourceDir, Path target) throws IOException {
    Path source = resource(resourceDir);
    try (Stream<Path> all = Files.walk(source)) {
      all.forEach(p -> {
        Path to = target.resolve(source.relativize(p).toString());
        try {
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.createDirectories(to.getParent());
            Files.copy(p, to);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
