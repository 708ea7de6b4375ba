package dev.personas.load;

import dev.personas.session.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every session under a path (a file or a folder) and hands each complete session to a
 * sink, so callers can featurize and drop sessions one at a time. Problems never escape as
 * exceptions: a bad line is counted and located in the report, and reading goes on.
 */
public interface SessionReader {
  void read(Path path, Consumer<Session> sink, ReadReport report);

  /**
   * What reading {@code path} (absolute and normalized) reads: every file in or under the paths
   * returned. A loader given a path in one of another path's roots reads only the other. By
   * default the path itself.
   */
  default List<Path> roots(Path path) {
    return List.of(path);
  }

  /**
   * Reading {@code path} split into parts that depend on no other part, in reading order: reading
   * them one after the other into one report is {@link #read}; reading them at the same time, each
   * into its own report, and putting the reports and sessions back in this order gives the same.
   * What is found while splitting (a folder that cannot be listed) goes into {@code report}. By
   * default one part, the whole read.
   */
  default List<Part> parts(Path path, ReadReport report) {
    return List.of((sink, into) -> read(path, sink, into));
  }

  /**
   * Reading only {@code files}, some of the logs in the folder {@code dir} (in path order), as
   * reading the folder would read them were they all it held: how a folder holding several
   * agents' logs is read, each reader given its own agent's. What is found while splitting goes
   * into {@code report}. By default each file is read by itself, one part in all.
   */
  default List<Part> parts(Path dir, List<Path> files, ReadReport report) {
    return List.of((sink, into) -> files.forEach(file -> read(file, sink, into)));
  }

  /** One independent part of a read: some sessions, read in order into a sink and a report. */
  @FunctionalInterface
  interface Part {
    void read(Consumer<Session> sink, ReadReport report);
  }
}
