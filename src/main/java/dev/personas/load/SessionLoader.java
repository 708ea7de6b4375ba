package dev.personas.load;

import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.load.codex.CodexReader;
import dev.personas.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads sessions from any number of paths, each with the reader its format needs (detected from
 * the path unless the caller forces one). The readers are passed in: SWE-chat's reader lives in
 * {@code dev.personas.load.swechat} and is wired by whoever builds the loader, through
 * {@link #withReaders}.
 */
public final class SessionLoader {
  private final Map<SourceFormat, SessionReader> readers;

  /** A loader with the given readers; a format with no reader is reported, not read. */
  public SessionLoader(Map<SourceFormat, SessionReader> readers) {
    this.readers = new EnumMap<>(SourceFormat.class);
    this.readers.putAll(readers);
  }

  /** The Claude Code and Codex readers plus any others (the seam for SWE_CHAT). */
  public static SessionLoader withReaders(Map<SourceFormat, SessionReader> more) {
    Map<SourceFormat, SessionReader> all = new EnumMap<>(SourceFormat.class);
    all.put(SourceFormat.CLAUDE_CODE, new ClaudeCodeReader());
    all.put(SourceFormat.CODEX, new CodexReader());
    all.putAll(more);
    return new SessionLoader(all);
  }

  /**
   * Reads every path into the sink, one complete session at a time, and returns what happened.
   * Nothing throws: a path that is missing, of no known format, or of a format without a reader
   * is one plain sentence in the report.
   */
  public ReadReport load(List<Path> paths, Optional<SourceFormat> override, Consumer<Session> sink) {
    ReadReport report = new ReadReport();
    for (Given given : readOnce(paths, override)) {
      Path path = given.path();
      if (!Files.exists(path)) {
        report.skip(path, 0, "not found: check the path, skipped");
        continue;
      }
      if (!Files.isReadable(path)) {
        report.skip(path, 0, "not readable: check its permissions, skipped");
        continue;
      }
      if (given.format().isEmpty()) {
        report.skip(path, 0, "no Claude Code, Codex or SWE-chat logs found here"
            + " (use --format to say which it holds), skipped");
        continue;
      }
      SessionReader reader = readers.get(given.format().get());
      if (reader == null) {
        report.skip(path, 0, "holds " + given.format().get() + " logs, which this build cannot read, skipped");
        continue;
      }
      try {
        reader.read(path, sink, report);
      } catch (dev.personas.PersonasException e) {
        throw e;
      } catch (RuntimeException e) {
        // Readers promise not to throw; if one does, the other paths still load.
        report.skip(path, 0, "reading failed (" + JsonLines.describe(e) + "), skipped");
      }
    }
    return report;
  }

  /** A path as given, with the format it is read as (empty: missing, unreadable or unknown). */
  private record Given(Path path, Path normal, Optional<SourceFormat> format) {}

  /**
   * The paths left once those that another path's reader reads too are dropped: a path given
   * twice, a file inside a folder given too, a subagent transcript given beside its session.
   * Each file is then read, and reported, once; of two equal paths the first is kept.
   */
  private List<Given> readOnce(List<Path> paths, Optional<SourceFormat> override) {
    List<Given> all = new ArrayList<>();
    Map<Path, List<Integer>> readersOf = new HashMap<>();
    for (int j = 0; j < paths.size(); j++) {
      Path normal = paths.get(j).toAbsolutePath().normalize();
      // Detected once here: sniffing a folder walks it.
      Optional<SourceFormat> format = !Files.isReadable(normal) ? Optional.empty()
          : override.isPresent() ? override : SourceFormat.detect(normal);
      all.add(new Given(paths.get(j), normal, format));
      SessionReader reader = format.map(readers::get).orElse(null);
      for (Path root : reader == null ? List.of(normal) : reader.roots(normal)) {
        readersOf.computeIfAbsent(root, r -> new ArrayList<>()).add(j);
      }
    }
    List<Given> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!readByAnother(all, i, readersOf)) {
        kept.add(all.get(i));
      }
    }
    return kept;
  }

  /** True when another path's reader reads the i-th path: it or a folder above it is a root. */
  private static boolean readByAnother(List<Given> all, int i, Map<Path, List<Integer>> readersOf) {
    Path normal = all.get(i).normal();
    for (Path at = normal; at != null; at = at.getParent()) {
      for (int j : readersOf.getOrDefault(at, List.of())) {
        if (j != i && (j < i || !all.get(j).normal().equals(normal))) {
          return true;
        }
      }
    }
    return false;
  }
}
