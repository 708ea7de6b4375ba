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
 * a session are therefore read longest first, in the places path order gave them: a shorter copy
 * then replays only what was read and adds nothing (the finder's codex.js orders them alike).
 */
final class CodexCopies {
  /** A first line longer than this is no session_meta worth reading for its id. */
  private static final int MAX_FIRST_LINE = 1 << 22;

  private CodexCopies() {}

  /**
   * Files in reading order with the session id of the file read at each place (null when not
   * known); copies only trade places, so a place's id is the same before and after.
   */
  record Ordered(List<Path> files, List<String> ids) {}

  /** The files in reading order, the copies of each session longest (in bytes) first. */
  static Ordered longestFirst(List<Path> files) {
    List<String> ids = new ArrayList<>();
    Map<String, List<Integer>> places = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      String id = sessionId(files.get(i));
      ids.add(id);
      if (id != null) {
        places.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
      }
    }
    List<Path> ordered = new ArrayList<>(files);
    for (List<Integer> slots : places.values()) {
      if (slots.size() > 1) {
        // Longest first; copies of one length keep their path order (the sort is stable).
        Map<Integer, Long> sizes = new HashMap<>();
        slots.forEach(i -> sizes.put(i, size(files.get(i))));
        List<Integer> bySize = new ArrayList<>(slots);
        bySize.sort(Comparator.comparingLong((Integer i) -> sizes.get(i)).reversed());
        for (int k = 0; k < slots.size(); k++) {
          ordered.set(slots.get(k), files.get(bySize.get(k)));
        }
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
