package dev.personas.load.codex;

import com.fasterxml.jackson.core.JsonParser;
import dev.personas.PersonasException;
import dev.personas.load.JsonLines;
import dev.personas.load.LogFiles;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionReader;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads Codex CLI rollout logs: {@code ~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl(.gz)}, a
 * folder searched recursively or single files. Each rollout file is one session (a resumed
 * session appends to its file); files are read in path order, which is oldest first, so a
 * forked session's replay of its parent is recognised and not counted twice
 * (see {@link CodexSessionBuilder}).
 */
public final class CodexReader implements SessionReader {

  @Override
  public void read(Path path, Consumer<Session> sink, ReadReport report) {
    try {
      if (!Files.exists(path)) {
        report.skip(path, 0, "not found, skipped");
        return;
      }
      List<Path> files = Files.isDirectory(path) ? LogFiles.jsonl(path, report) : List.of(path);
      CodexSessionBuilder.Run run = new CodexSessionBuilder.Run();
      CodexLine line = new CodexLine();
      for (Path file : files) {
        CodexSessionBuilder builder = new CodexSessionBuilder(run, fallbackId(file));
        boolean readable = JsonLines.read(file, new JsonLines.Handler() {
          @Override
          public void parse(JsonParser parser) throws IOException {
            line.parse(parser);
          }

          @Override
          public boolean accept(long lineNumber) {
            return builder.accept(line);
          }
        }, report);
        Session session = builder.build(file);
        if (builder.startedBySubagent()) {
          report.subagentSession(file);
        } else if (session.events().isEmpty()) {
          if (readable) {
            report.emptySession(file); // an unreadable file is already reported
          }
        } else {
          report.sessionRead(session);
          sink.accept(session);
        }
      }
    } catch (PersonasException e) {
      throw e; // the sink's own failure, not the log's
    } catch (RuntimeException e) {
      report.skip(path, 0, "could not read (" + e + "), skipped");
    }
  }

  /** The session id in a rollout file name ({@code rollout-2025-09-01T10-00-00-<uuid>}). */
  static String fallbackId(Path file) {
    String stem = LogFiles.stem(file);
    if (stem.startsWith("rollout-") && stem.length() >= 36) {
      String tail = stem.substring(stem.length() - 36);
      if (tail.charAt(8) == '-' && tail.charAt(13) == '-') {
        return tail;
      }
    }
    return stem;
  }
}
