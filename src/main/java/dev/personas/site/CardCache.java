package dev.personas.site;

import dev.personas.study.AnalysisCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * SVG, which writes down every step), the program, the Java runtime, and the fonts installed (the
 * name, size and modification time of every file in the usual font folders), so a changed card,
 * program, runtime or font is drawn afresh. The folder is a cache: deleting it costs the next
 * build its time, nothing else.
 */
final class CardCache {
  /** Changes when the layout of this cache changes. */
  static final String FORMAT = "personas-card-1";
  private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
  private static final CardCache NONE = new CardCache(null, List.of());
  private static String standardEnvironment;

  private final Path folder;
  private final List<Path> fontFolders;
  private String environment;

  CardCache(Path folder, List<Path> fontFolders) {
    this.folder = folder;
    this.fontFolders = List.copyOf(fontFolders);
  }

  /** The cache the options name, or one that draws every card. */
  static CardCache of(SiteOptions options) {
    return options.cardCache().map(folder -> new CardCache(folder, fontFolders())).orElse(NONE);
  }

  /** The card's PNG: the one kept for the same drawing in the same environment, else drawn (and kept). */
  Optional<byte[]> png(CardDrawing card) {
    if (folder == null) {
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
    if (folder == null) {
      return CardDrawing.pngAvailable();
    }
    Path marker = folder.resolve(environment() + ".draws");
    if (Files.isRegularFile(marker)) {
      return true;
    }
    boolean available = CardDrawing.pngAvailable();
    if (available) {
      store(marker, new byte[0]);
    }
    return available;
  }

  /** The Open Graph image of a card written beside a page at {@code folder}: the PNG where there is one. */
  String openGraphImage(String pageFolder) {
    return pageFolder + (pngAvailable() ? PageFigures.CARD_PNG : PageFigures.CARD);
  }

  /** The media type of {@link #openGraphImage}. */
  String openGraphImageType() {
    return pngAvailable() ? "image/png" : "image/svg+xml";
  }

  String key(String svg) {
    MessageDigest sha = sha256();
    sha.update(environment().getBytes(StandardCharsets.UTF_8));
    sha.update(svg.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A hash of what a drawing's bytes depend on besides its steps: program, runtime, fonts. */
  synchronized String environment() {
    if (environment == null) {
      boolean standard = fontFolders.equals(fontFolders());
      if (standard && standardEnvironment != null) {
        environment = standardEnvironment;
      } else {
        MessageDigest sha = sha256();
        for (String part : List.of(FORMAT, AnalysisCache.program(), System.getProperty("java.vm.vendor", ""),
            System.getProperty("java.runtime.version", ""), System.getProperty("os.name", ""),
            System.getProperty("os.arch", ""))) {
          sha.update((part + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Path fontFolder : fontFolders) {
          sha.update(("fonts " + fontFolder + "\n").getBytes(StandardCharsets.UTF_8));
          for (String file : files(fontFolder)) {
            sha.update((file + "\n").getBytes(StandardCharsets.UTF_8));
          }
        }
        environment = HexFormat.of().formatHex(sha.digest());
        if (standard) {
          standardEnvironment = environment;
        }
      }
    }
    return environment;
  }

  /**
   * Where Java2D and fontconfig find fonts on Linux, macOS and Windows, and the runtime's own:
   * the folders that exist on this machine are hashed, file by file.
   */
  static List<Path> fontFolders() {
    String home = System.getProperty("user.home", "");
    List<Path> folders = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home", ""), "lib", "fonts"),
        Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"), Path.of("/usr/X11R6/lib/X11/fonts"),
        Path.of("/etc/fonts"), Path.of(home, ".fonts"), Path.of(home, ".local", "share", "fonts"),
        Path.of("/System/Library/Fonts"), Path.of("/Library/Fonts"), Path.of(home, "Library", "Fonts")));
    for (String variable : List.of("XDG_DATA_HOME", "WINDIR", "LOCALAPPDATA")) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        folders.add(variable.equals("LOCALAPPDATA") ? Path.of(value, "Microsoft", "Windows", "Fonts")
            : variable.equals("WINDIR") ? Path.of(value, "Fonts") : Path.of(value, "fonts"));
      }
    }
    return folders;
  }

  /** Every file under the folder, in path order: its name, size and modification time. */
  private static List<String> files(Path fontFolder) {
    if (!Files.isDirectory(fontFolder)) {
      return List.of("none");
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(fontFolder)) {
      for (Path file : walk.sorted().toList()) {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        files.add(fontFolder.relativize(file) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis());
      }
    } catch (IOException | RuntimeException e) {
      // A folder that cannot be read whole: a key that changes every run never serves a stale card.
      files.add("unreadable " + System.nanoTime());
    }
    return files;
  }

  /** Written beside its final name and moved there, so a build at the same time never reads half of one. */
  private void store(Path file, byte[] bytes) {
    try {
      Files.createDirectories(folder);
      Path staging = Files.createTempFile(folder, "card", ".tmp");
      Files.write(staging, bytes);
      try {
        Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // A cache that cannot be written costs the next build its time, nothing else.
    }
  }

  private static boolean endsWith(byte[] bytes, byte[] end) {
    return bytes.length >= end.length
        && Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
