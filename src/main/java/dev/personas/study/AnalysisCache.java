package dev.personas.study;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.personas.Sha256;
import dev.personas.load.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Analyses kept on disk between builds, so a build of data that has not changed skips reading,
 * fitting and validating. An analysis is filed under a key that hashes everything it depends on:
 * the dataset's files (names, sizes, modification times and a CRC-32C of their bytes; see {@link #hashTree}), how
 * the dataset is read (label, format, the paper's exclusions, a person per folder), and the
 * program itself (its jar's entry checksums, or its classes and resources when run from a build
 * folder), so a changed input or a rebuilt program never gets a stale analysis. The folder is a
 * cache: deleting it only costs the next build its time.
 */
public final class AnalysisCache {
  /** Changes when the file layout of this cache changes. */
  static final String FORMAT = "personas-analysis-1";

  /** Made when an analysis is first read or written: a build that only asks for a key needs none. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .registerModule(new Jdk8Module())
        .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
  private static String program;

  private final Path folder;

  /** A cache in this folder (created when the first analysis is stored). */
  public AnalysisCache(Path folder) {
    this.folder = folder;
  }

  /** Names a cache folder, or "off" for none, for every build of this JVM (tests set it). */
  public static final String PROPERTY = "personas.cache";

  /**
   * The cache of a build that names none: the folder of the {@value #PROPERTY} system property
   * (none when it says "off"), else {@link #defaultFolder()}.
   */
  public static Optional<AnalysisCache> standard() {
    String named = System.getProperty(PROPERTY);
    if (named == null || named.isBlank()) {
      return Optional.of(new AnalysisCache(defaultFolder()));
    }
    return named.equals("off") ? Optional.empty() : Optional.of(new AnalysisCache(Path.of(named)));
  }

  /**
   * Where analyses are kept unless the user says otherwise: {@code $XDG_CACHE_HOME/personas},
   * else {@code ~/.cache/personas}; never inside the site.
   */
  public static Path defaultFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("personas");
  }

  public Path folder() {
    return folder;
  }

  /** The analysis filed under the source's key, when there is one that can be read. */
  public Optional<Analysis> load(String key) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(file.toFile(), Analysis.class));
    } catch (IOException | RuntimeException e) {
      // A cache entry cut short or written by another layout: analyse again and replace it.
      return Optional.empty();
    }
  }

  /**
   * Files the analysis under the key (see {@link #keep}), unless the program could not be read:
   * a key made with a per-run stand-in for it is never asked for again, so nothing is written.
   */
  public void store(String key, Analysis analysis) {
    store(key, analysis, program());
  }

  /** {@link #store}, for the program hash given. */
  void store(String key, Analysis analysis, String program) {
    if (!keyedByAKnownProgram(program)) {
      return;
    }
    try {
      keep(file(key), Json.MAPPER.writeValueAsBytes(analysis));
    } catch (IOException e) {
      // An analysis that cannot be written costs the next build its time, nothing else.
    }
  }

  /**
   * Writes a file of a cache: beside its final name, then moved there, so a build at the same time
   * never reads half of one. A cache that cannot be written costs the next build its time, nothing
   * else: failures are swallowed, and no staging file is left.
   */
  public static void keep(Path file, byte[] bytes) {
    Path staging = null;
    try {
      Files.createDirectories(file.getParent());
      staging = Files.createTempFile(file.getParent(), "keep", ".tmp");
      Files.write(staging, bytes);
      try {
        Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // Costs the next build its time.
    } finally {
      if (staging != null) {
        try {
          Files.deleteIfExists(staging);
        } catch (IOException e) {
          // Left for whoever clears the cache.
        }
      }
    }
  }

  private Path file(String key) {
    return folder.resolve(key + ".json");
  }

  /**
   * The key of a dataset's analysis: SHA-256 over this cache's format, the program, how the
   * dataset is read, and every file under its paths (see {@link #hashTree}).
   */
  public static String key(DatasetSource source) {
    MessageDigest sha = Sha256.digest();
    update(sha, FORMAT);
    update(sha, program());
    update(sha, source.label());
    update(sha, String.valueOf(source.format().orElse(null)));
    update(sha, "sample=" + source.sample() + ",keepExcluded=" + source.keepExcluded()
        + ",personPerFolder=" + source.personPerFolder()
        + ",groundTruth=" + source.groundTruth().isPresent());
    for (Path root : source.paths()) {
      update(sha, root.toAbsolutePath().normalize().toString());
      hashTree(sha, root);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** How {@link #program()} begins when the program could not be read: nothing keyed by it holds. */
  public static final String UNKNOWN_PROGRAM = "unknown ";

  /** Whether what is keyed by this program hash can be found again by a later run. */
  public static boolean keyedByAKnownProgram(String program) {
    return !program.startsWith(UNKNOWN_PROGRAM);
  }

  /**
   * A hash of the running program: of its jar, the bytes of the jar's central directory, which
   * lists the name, size and CRC-32 of every entry (the jar's own checksums of every class and
   * resource), read without decompressing anything; of a classes folder, every file.
   */
  public static synchronized String program() {
    if (program == null) {
      try {
        program = programAt(Path.of(AnalysisCache.class.getProtectionDomain().getCodeSource()
            .getLocation().toURI()));
      } catch (URISyntaxException | RuntimeException e) {
        // No readable location: a key that changes every run never serves anything stale.
        program = UNKNOWN_PROGRAM + System.nanoTime();
      }
    }
    return program;
  }

  /** The hash of the program in this jar or classes folder. */
  static String programAt(Path location) {
    MessageDigest sha = Sha256.digest();
    if (Files.isRegularFile(location)) {
      hashJar(sha, location);
    } else {
      hashTree(sha, location);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  // The ZIP format's end-of-central-directory record: its signature, its fixed size, where it
  // names the directory's size and start and its comment's length, and a directory entry's signature.
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int END_SIZE = 22;
  private static final int END_DIRECTORY_SIZE_AT = 12;
  private static final int END_DIRECTORY_START_AT = 16;
  private static final int END_COMMENT_LENGTH_AT = 20;
  private static final int MAX_COMMENT = 0xffff;
  private static final int ENTRY_SIGNATURE = 0x02014b50;

  private static void hashJar(MessageDigest sha, Path jar) {
    try {
      Optional<ByteBuffer> directory = centralDirectory(jar);
      if (directory.isPresent()) {
        update(sha, "jar " + Files.size(jar));
        sha.update(directory.get());
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A jar this reading does not understand (ZIP64, bytes before the archive): every entry's
    // name, size and CRC-32.
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().forEach(e -> update(sha, e.getName() + "\t" + e.getSize() + "\t" + e.getCrc()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The jar's central directory, which lists every entry's name, size, CRC-32 and time: found
   * through the end record, whose comment must reach the end of the file exactly and whose
   * directory must start with an entry; empty when no record passes both checks.
   */
  private static Optional<ByteBuffer> centralDirectory(Path jar) throws IOException {
    try (FileChannel in = FileChannel.open(jar)) {
      long size = in.size();
      int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
      ByteBuffer end = readFully(in, size - tail, tail);
      for (int at = tail - END_SIZE; at >= 0; at--) {
        if (end.getInt(at) != END_SIGNATURE
            || at + END_SIZE + (end.getShort(at + END_COMMENT_LENGTH_AT) & 0xffff) != tail) {
          continue;
        }
        long directorySize = end.getInt(at + END_DIRECTORY_SIZE_AT) & 0xffffffffL;
        long directoryStart = end.getInt(at + END_DIRECTORY_START_AT) & 0xffffffffL;
        if (directorySize < 4 || directoryStart + directorySize != size - tail + at) {
          continue;
        }
        ByteBuffer directory = readFully(in, directoryStart, (int) directorySize);
        if (directory.getInt(0) == ENTRY_SIGNATURE) {
          return Optional.of(directory);
        }
      }
      return Optional.empty();
    }
  }

  private static ByteBuffer readFully(FileChannel in, long from, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, from + buffer.position()) < 0) {
        throw new IOException("the file ended early");
      }
    }
    return buffer.flip();
  }

  /**
   * Every file under the root, in path order: its relative name, size and modification time,
   * and a CRC-32C of its bytes; of a file over {@link #WHOLE_FILE_LIMIT}, its first and last megabyte only
   * (reading all of a release's multi-gigabyte conversations table would cost every build
   * seconds; a changed file of that size has a new size or modification time).
   */
  private static void hashTree(MessageDigest sha, Path root) {
    if (!Files.exists(root)) {
      update(sha, "missing");
      return;
    }
    // Links followed as the readers follow them: a dataset linked in place is keyed by what it holds.
    for (Path f : Trees.regularFiles(root, Integer.MAX_VALUE)) {
      try {
        long size = Files.size(f);
        update(sha, root.relativize(f) + "\t" + size + "\t" + Files.getLastModifiedTime(f).toMillis());
        if (size <= WHOLE_FILE_LIMIT) {
          hashRange(sha, f, 0, size);
        } else {
          hashRange(sha, f, 0, EDGE);
          hashRange(sha, f, size - EDGE, EDGE);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Files up to this size are hashed whole. */
  static final long WHOLE_FILE_LIMIT = 256L << 20;
  private static final long EDGE = 1L << 20;

  // The range's CRC-32C goes into the key rather than the bytes themselves: the JDK computes it
  // several times faster than SHA-256 in a fresh JVM (about 0.15 s instead of 0.5 s for the 28 MB
  // sample), and a change that kept a file's size, modification time and CRC would be a deliberate one.
  private static void hashRange(MessageDigest sha, Path file, long from, long length)
      throws IOException {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    long read = 0;
    try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
      long left = length;
      in.position(from);
      while (left > 0) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), left));
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        buffer.flip();
        crc.update(buffer);
        left -= n;
        read += n;
      }
    }
    update(sha, from + "+" + read + ":" + Long.toHexString(crc.getValue()));
  }


  private static void update(MessageDigest sha, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) ':');
    sha.update(bytes);
  }
}
