package dev.personas.load.codex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.personas.load.JsonLines;
import dev.personas.load.LogFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of one Codex session kept in several files: Entire keeps a copy of the rollout at each
 * checkpoint, each a prefix of the longest, and a backup may sit beside the original. Read in
 * path order, a shorter copy first is taken for the session and each longer one's new part for a
 * fork of it, so one session is counted as several, most of them without a prompt. The copies of
 * a session are therefore read together, longest first, where the first of them stands in path
 * order: a shorter copy then adds only what the longest lacks (the finder's codex.js orders them
 * alike).
 */
final class CodexCopies {
  /** A first line longer than this is no session_meta worth reading for its id. */
  private static final int MAX_FIRST_LINE = 1 << 22;

  private CodexCopies() {}

  /** Files in reading order with the session id of the file read at each place (null when not known). */
  record Ordered(List<Path> files, List<String> ids) {}

  /**
   * The files in reading order: path order, except that the copies of a session are read
   * together where the first of them stands, longest (in bytes) first.
   */
  static Ordered longestFirst(List<Path> files) {
    List<String> idOf = new ArrayList<>();
    Map<String, List<Integer>> copies = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      String id = sessionId(files.get(i));
      idOf.add(id);
      if (id != null) {
        copies.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
      }
    }
    List<Path> ordered = new ArrayList<>(files.size());
    List<String> ids = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      List<Integer> group = idOf.get(i) == null ? List.of(i) : copies.get(idOf.get(i));
      if (group.get(0) != i) {
        continue; // read with the first of its copies
      }
      List<Integer> bySize = new ArrayList<>(group);
      if (bySize.size() > 1) {
        // Longest first; copies of one length keep their path order (the sort is stable).
        Map<Integer, Long> sizes = new HashMap<>();
        group.forEach(k -> sizes.put(k, size(files.get(k))));
        bySize.sort(Comparator.comparingLong((Integer k) -> sizes.get(k)).reversed());
      }
      for (int k : bySize) {
        ordered.add(files.get(k));
        ids.add(idOf.get(k));
      }
    }
    return new Ordered(ordered, ids);
  }

  /**
   * The session a file holds: the id in a rollout's name ({@code rollout-…-<id>.jsonl}), else the
   * id of a session_meta first line (an Entire copy is named full.jsonl), else null.
   */
  static String sessionId(Path file) {
    String fromName = CodexReader.fallbackId(file);
    if (!fromName.equals(LogFiles.stem(file))) {
      return fromName;
    }
    byte[] first = firstLine(file);
    if (first.length == 0) {
      return null;
    }
    try (JsonParser p = JsonLines.factory().createParser(first)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String type = null;
      String id = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("type") && value == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else if (name.equals("payload") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("id") && v == JsonToken.VALUE_STRING && id == null) {
              id = p.getText();
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      return "session_meta".equals(type) ? id : null;
    } catch (IOException | RuntimeException e) {
      return null; // the full read reports what is wrong with the line
    }
  }

  private static byte[] firstLine(Path file) {
    try (InputStream in = JsonLines.open(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            out.write(buf, 0, i);
            return out.toByteArray();
          }
        }
        out.write(buf, 0, n);
        if (out.size() > MAX_FIRST_LINE) {
          return new byte[0];
        }
      }
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      return new byte[0];
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
