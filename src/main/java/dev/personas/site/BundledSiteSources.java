package dev.personas.site;

import dev.personas.PersonasException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The site's own folders (content, templates, static) as shipped inside the jar under
 * {@value #ROOT}, so `personas me` works from any folder, not only from a clone. They are copied
 * once per run into a fresh temporary folder, removed when the JVM exits: about 200 KB, and a
 * fresh copy can never be a stale one from another version.
 */
public final class BundledSiteSources {
  /** Where the folders are on the class path (the pom copies them there). */
  public static final String ROOT = "/site-sources";

  private static Path root;

  private BundledSiteSources() {}

  /** The copied folder of one of the site's source folders: "content", "templates" or "static". */
  public static Path folder(String name) {
    if (!List.of("content", "templates", "static").contains(name)) {
      throw new IllegalArgumentException("not a site folder: " + name);
    }
    return root().resolve(name);
  }

  private static synchronized Path root() {
    if (root == null) {
      root = copyOut();
    }
    return root;
  }

  private static Path copyOut() {
    URL marker = BundledSiteSources.class.getResource(ROOT + "/templates/layout.peb");
    if (marker == null) {
      throw PersonasException.failure("This build of personas carries no site folders (" + ROOT
          + "); run it from a clone of the repository or pass --content, --templates and --static.");
    }
    try {
      Path target = Files.createTempDirectory("personas-site-");
      deleteOnExit(target);
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        copyTree(jarFileSystem(uri).getPath(ROOT), target);
      } else {
        copyTree(Path.of(uri).getParent().getParent(), target);
      }
      return target;
    } catch (IOException e) {
      throw PersonasException.failure("Could not copy the bundled site folders: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("class path resource with a malformed URI", e);
    }
  }

  /** The jar's file system, opened once and shared (another class may have opened it first). */
  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted().toList()) {
        // Resolve by string: the two paths belong to different file systems.
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest);
        }
      }
    }
  }

  private static void deleteOnExit(Path folder) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // Best effort: a leftover copy in the temporary folder does no harm.
      }
    }, "personas-site-cleanup"));
  }
}
