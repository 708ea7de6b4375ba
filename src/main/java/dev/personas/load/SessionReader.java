package dev.personas.load;

import dev.personas.session.Session;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads every session under a path (a file or a folder) and hands each complete session to a
 * sink, so callers can featurize and drop sessions one at a time. Problems never escape as
 * exceptions: a bad line is counted and located in the report, and reading goes on.
 */
public interface SessionReader {
  void read(Path path, Consumer<Session> sink, ReadReport report);
}
