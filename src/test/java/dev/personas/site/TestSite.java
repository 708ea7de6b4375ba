package dev.personas.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A copy of the repository's content/, templates/ and static/ in a temporary folder. */
public final class TestSite {
  private final Path root;

  private TestSite(Path root) {
    this.root = root;
  }

  /** Copies the real site sources (read from the project folder) into {@code temp}. */
  public static TestSite copyInto(Path temp) {
    Path project = Path.of("").toAbsolutePath();
    for (String folder : List.of("content", "templates", "static")) {
      copyTree(project.resolve(folder), temp.resolve(folder));
    }
    return new TestSite(temp);
  }

  public Path root() {
    return root;
  }

  public Path out() {
    return root.resolve("site");
  }

  public SiteOptions options(String baseUrl) {
    return SiteOptions.inFolder(root, baseUrl);
  }

  /** Builds with the standard renderers and a clock that never moves. */
  public BuildResult build(String baseUrl) {
    return build(options(baseUrl), SiteData.none());
  }

  public BuildResult build(SiteOptions options, SiteData data) {
    return new SiteBuilder(options, Renderers.standard(), () -> 0L).build(data);
  }

  public void write(String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String read(String relative) {
    try {
      return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 of every file under a folder, by relative path. */
  public static Map<String, String> hashes(Path folder) {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        hashes.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return hashes;
  }

  /** Every HTML file under a folder. */
  public static List<Path> htmlFiles(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
