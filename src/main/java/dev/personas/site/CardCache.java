package dev.personas.site;

import dev.personas.Sha256;
import dev.personas.study.AnalysisCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Share cards' PNGs kept between builds (issue 15): starting Java2D's fonts and drawing and
 * encoding the seven persona cards is a third of the CPU time of a build whose analysis is cached.
 * A PNG is filed under a SHA-256 of everything its bytes depend on: the card's drawing steps (its
 * SVG, which writes down every step) and the environment that draws it: the program, the Java
 * runtime, and the fonts and font libraries installed (the name, size and modification time of
 * every file in the usual font folders, fontconfig's caches, which {@code fc-cache} renews when
 * fonts change, and the dynamic linker's cache, which changes when a library such as FreeType is
 * updated). A changed card, program, runtime, font or font library is drawn afresh; an environment
 * that cannot be read whole keeps nothing. Files of other environments are removed when a card is
 * kept, so the folder holds one program's cards. It is a cache: deleting it costs the next build
 * its time, nothing else.
 */
final class CardCache {
  /** Changes when the layout of this cache changes. */
  static final String FORMAT = "personas-card-2";
  private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
  /** How many hex digits of the environment's hash begin each file's name. */
  private static final int PREFIX = 16;
  private static final CardCache NONE = new CardCache(null, Optional.empty());

  private final Path folder;
  /** The environment's hash; empty when there is no folder or the environment could not be read. */
  private final Optional<String> environment;

  private CardCache(Path folder, Optional<String> environment) {
    this.folder = folder;
    this.environment = environment;
  }

  /** A cache in this folder, its environment read from these font folders and files (tests). */
  static CardCache in(Path folder, List<Path> fontPlaces) {
    return new CardCache(folder, environment(fontPlaces));
  }

  /** The cache the options name, or one that draws every card. */
  static CardCache of(SiteOptions options) {
    return options.cardCache().map(folder -> new CardCache(folder, Standard.ENVIRONMENT)).orElse(NONE);
  }

  /** The card's PNG: the one kept for the same drawing in the same environment, else drawn (and kept). */
  Optional<byte[]> png(CardDrawing card) {
    if (environment.isEmpty()) {
      return card.png();
    }
    Path file = folder.resolve(key(card.svg()) + ".png");
    try {
      byte[] kept = Files.readAllBytes(file);
      // Written whole and moved in, so a file cut short was not written by us: draw it again.
      if (endsWith(kept, PNG_END)) {
        return Optional.of(kept);
      }
    } catch (IOException e) {
      // Not kept yet, or unreadable: draw it.
    }
    Optional<byte[]> png = card.png();
    png.ifPresent(bytes -> store(file, bytes));
    return png;
  }

  /**
   * Whether this machine draws PNG cards: known without starting the fonts when a card was drawn
   * here before in the same environment.
   */
  boolean pngAvailable() {
    if (environment.isEmpty()) {
      return CardDrawing.pngAvailable();
    }
    Path marker = folder.resolve(environment.get().substring(0, PREFIX) + "-draws");
    if (Files.isRegularFile(marker)) {
      return true;
    }
    boolean available = CardDrawing.pngAvailable();
    if (available) {
      store(marker, new byte[0]);
    }
    return available;
  }

  /** The Open Graph image of a card written beside a page at {@code pageFolder}: the PNG where there is one. */
  String openGraphImage(String pageFolder) {
    return pageFolder + (pngAvailable() ? PageFigures.CARD_PNG : PageFigures.CARD);
  }

  /** The media type of {@link #openGraphImage}. */
  String openGraphImageType() {
    return pngAvailable() ? "image/png" : "image/svg+xml";
  }

  /** The file name (without ".png") a drawing is kept under: the environment's prefix, then the key. */
  String key(String svg) {
    String env = environment.orElseThrow();
    MessageDigest sha = Sha256.digest();
    sha.update(env.getBytes(StandardCharsets.UTF_8));
    sha.update(svg.getBytes(StandardCharsets.UTF_8));
    return env.substring(0, PREFIX) + "-" + HexFormat.of().formatHex(sha.digest());
  }

  /** The environment of the standard font places, read once per run. */
  private static final class Standard {
    static final Optional<String> ENVIRONMENT = environment(fontPlaces());
  }

  /** A hash of what a drawing's bytes depend on besides its steps; empty when it cannot be read whole. */
  private static Optional<String> environment(List<Path> fontPlaces) {
    String program = AnalysisCache.program();
    if (!AnalysisCache.keyedByAKnownProgram(program)) {
      return Optional.empty();
    }
    MessageDigest sha = Sha256.digest();
    for (String part : List.of(FORMAT, program, System.getProperty("java.vm.vendor", ""),
        System.getProperty("java.runtime.version", ""), System.getProperty("os.name", ""),
        System.getProperty("os.arch", ""))) {
      sha.update((part + "\n").getBytes(StandardCharsets.UTF_8));
    }
    try {
      for (Path place : fontPlaces) {
        sha.update(("place " + place + "\n").getBytes(StandardCharsets.UTF_8));
        for (String file : files(place)) {
          sha.update((file + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * Where Java2D and fontconfig find fonts on Linux, macOS and Windows, fontconfig's caches and
   * the dynamic linker's: the places that exist on this machine are hashed, file by file.
   */
  static List<Path> fontPlaces() {
    String home = System.getProperty("user.home", "");
    List<Path> places = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home", ""), "lib", "fonts"),
        Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"), Path.of("/usr/X11R6/lib/X11/fonts"),
        Path.of("/etc/fonts"), Path.of(home, ".fonts"), Path.of(home, ".local", "share", "fonts"),
        Path.of("/var/cache/fontconfig"), Path.of(home, ".cache", "fontconfig"), Path.of("/etc/ld.so.cache"),
        Path.of("/System/Library/Fonts"), Path.of("/Library/Fonts"), Path.of(home, "Library", "Fonts")));
    String dataHome = System.getenv("XDG_DATA_HOME");
    if (dataHome != null && !dataHome.isBlank()) {
      places.add(Path.of(dataHome, "fonts"));
    }
    String cacheHome = System.getenv("XDG_CACHE_HOME");
    if (cacheHome != null && !cacheHome.isBlank()) {
      places.add(Path.of(cacheHome, "fontconfig"));
    }
    String windows = System.getenv("WINDIR");
    if (windows != null && !windows.isBlank()) {
      places.add(Path.of(windows, "Fonts"));
    }
    String local = System.getenv("LOCALAPPDATA");
    if (local != null && !local.isBlank()) {
      places.add(Path.of(local, "Microsoft", "Windows", "Fonts"));
    }
    return places;
  }

  /**
   * Every file under the place (links followed), in path order: its name, size and modification
   * time; a link to nothing is listed as a link.
   */
  private static List<String> files(Path place) throws IOException {
    if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
      return List.of("none");
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(place, FileVisitOption.FOLLOW_LINKS)) {
      for (Path file : walk.sorted().toList()) {
        BasicFileAttributes a = Files.exists(file)
            ? Files.readAttributes(file, BasicFileAttributes.class)
            : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        files.add(place.relativize(file) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis()
            + (a.isSymbolicLink() ? "\tlink" : ""));
      }
    }
    return files;
  }

  /** Kept as {@link AnalysisCache#keep} keeps a file, once other environments' files are gone. */
  private void store(Path file, byte[] bytes) {
    try {
      removeOtherEnvironments();
    } catch (IOException e) {
      // A folder that cannot be listed: nothing to remove, and likely nothing keep can write.
    }
    AnalysisCache.keep(file, bytes);
  }

  private void removeOtherEnvironments() throws IOException {
    String prefix = environment.orElseThrow().substring(0, PREFIX) + "-";
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.startsWith(prefix) && (name.endsWith(".png") || name.endsWith("-draws"))) {
          deleteQuietly(f);
        }
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left for the next build to replace or remove.
    }
  }

  private static boolean endsWith(byte[] bytes, byte[] end) {
    return bytes.length >= end.length
        && Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
  }
}
