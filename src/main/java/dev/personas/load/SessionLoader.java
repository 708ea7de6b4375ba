package dev.personas.load;

import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.load.codex.CodexReader;
import dev.personas.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
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
    for (Path path : readOnce(paths, override)) {
      if (!Files.exists(path)) {
        report.skip(path, 0, "not found: check the path, skipped");
        continue;
      }
      if (!Files.isReadable(path)) {
        report.skip(path, 0, "not readable: check its permissions, skipped");
        continue;
      }
      Optional<SourceFormat> format = formatOf(path, override);
      if (format.isEmpty()) {
        report.skip(path, 0, "no Claude Code, Codex or SWE-chat logs found here"
            + " (use --format to say which it holds), skipped");
        continue;
      }
      SessionReader reader = readers.get(format.get());
      if (reader == null) {
        report.skip(path, 0, "holds " + format.get() + " logs, which this build cannot read, skipped");
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

  /**
   * The paths left once those that another path's reader reads too are dropped: a path given
   * twice, a file inside a folder given too, a subagent transcript given beside its session.
   * Each file is then read, and reported, once; of two equal paths the first is kept.
   */
  private List<Path> readOnce(List<Path> paths, Optional<SourceFormat> override) {
    List<Path> normal = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    Map<Path, List<Integer>> readersOf = new HashMap<>();
    for (int j = 0; j < normal.size(); j++) {
      SessionReader reader = Files.isReadable(normal.get(j))
          ? formatOf(normal.get(j), override).map(readers::get).orElse(null) : null;
      for (Path root : reader == null ? List.of(normal.get(j)) : reader.roots(normal.get(j))) {
        readersOf.computeIfAbsent(root, r -> new ArrayList<>()).add(j);
      }
    }
    List<Path> kept = new ArrayList<>();
    for (int i = 0; i < normal.size(); i++) {
      if (!readByAnother(normal, i, readersOf)) {
        kept.add(paths.get(i));
      }
    }
    return kept;
  }

  /** True when another path's reader reads the i-th path: it or a folder above it is a root. */
  private static boolean readByAnother(List<Path> normal, int i, Map<Path, List<Integer>> readersOf) {
    for (Path at = normal.get(i); at != null; at = at.getParent()) {
      for (int j : readersOf.getOrDefault(at, List.of())) {
        if (j != i && (j < i || !normal.get(j).equals(normal.get(i)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<SourceFormat> formatOf(Path path, Optional<SourceFormat> override) {
    return override.isPresent() ? override : SourceFormat.detect(path);
  }
}
