package dev.personas.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The log formats personas reads, and how a path tells which one it holds: by its place and
 * name first ({@code .codex/sessions}, {@code rollout-*.jsonl}, {@code .claude/projects}, a
 * folder of SWE-chat tables),
 * else by sniffing the first lines of a JSON Lines file.
 */
public enum SourceFormat {
  CLAUDE_CODE,
  CODEX,
  SWE_CHAT;

  private static final int SNIFF_LINES = 20;
  private static final int SNIFF_FILES = 20;

  /** The format for a {@code --format} value such as "claude-code" or "CODEX". */
  public static Optional<SourceFormat> parse(String name) {
    String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (SourceFormat f : values()) {
      if (f.name().equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The name {@code --format} takes and messages use: "claude-code", "codex", "swe-chat". */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The format a path holds, or empty when nothing tells (missing, unreadable, no logs). */
  public static Optional<SourceFormat> detect(Path path) {
    Optional<SourceFormat> byPath = byPath(path);
    if (byPath.isPresent()) {
      return byPath;
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (Files.isDirectory(path)) {
      if (isSweChatFolder(path)) {
        return Optional.of(SWE_CHAT);
      }
      return sniffFolder(path);
    }
    if (name.startsWith("sessions.") && (name.endsWith(".parquet") || name.endsWith(".csv"))) {
      return Optional.of(SWE_CHAT);
    }
    // A file named on the command line is looked at whatever its name (a log saved as session.log).
    return Files.isRegularFile(path) ? sniff(path) : Optional.empty();
  }

  /**
   * The format a path's place tells: under .codex/sessions or .codex/archived_sessions (where Codex
   * moves an archived thread) or a rollout-*.jsonl, under .claude/projects.
   */
  static Optional<SourceFormat> byPath(Path path) {
    String text = path.toAbsolutePath().normalize().toString().replace('\\', '/');
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (text.contains("/.codex/sessions") || text.contains("/.codex/archived_sessions") || text.endsWith("/.codex")
        || name.startsWith("rollout-")
        && LogFiles.isJsonl(path)) {
      return Optional.of(CODEX);
    }
    if (text.contains("/.claude/projects") || text.endsWith("/.claude")) {
      return Optional.of(CLAUDE_CODE);
    }
    return Optional.empty();
  }

  /**
   * The agent whose log a file in a folder of logs is, as the finder tells it: by its place and
   * name (the two agents' own folders, a rollout, a Claude Code session's {@code subagents}
   * folder inside the folder), else by its first lines; empty when neither tells.
   */
  static Optional<SourceFormat> ofLog(Path folder, Path file) {
    Optional<SourceFormat> byPath = byPath(file);
    if (byPath.isPresent()) {
      return byPath;
    }
    for (Path at = file.getParent(); at != null && at.startsWith(folder); at = at.getParent()) {
      if (at.getFileName() != null && at.getFileName().toString().equals("subagents")) {
        return Optional.of(CLAUDE_CODE);
      }
    }
    return sniff(file);
  }

  /**
   * A folder in one of the layouts the SWE-chat reader accepts (README): a sessions table at the
   * top in any of its formats, sessions/ beside conversations/, or the Hugging Face data/ folder.
   */
  private static boolean isSweChatFolder(Path dir) {
    if (hasTable(dir, "sessions.")) {
      return true;
    }
    if (Files.isDirectory(dir.resolve("sessions")) && Files.isDirectory(dir.resolve("conversations"))) {
      return true;
    }
    Path data = dir.resolve("data");
    if (hasTable(data, "sessions-") || hasTable(data, "sessions_") || hasTable(data, "sessions.")
        || Files.isDirectory(data.resolve("sessions")) && Files.isDirectory(data.resolve("conversations"))) {
      return true;
    }
    // A release's transcripts alone; a folder of someone's own logs may hold a transcripts/ folder
    // too, beside logs elsewhere, and is read as logs then.
    return Files.isDirectory(dir.resolve("transcripts")) && logsOutside(dir, dir.resolve("transcripts")).isEmpty();
  }

  /** Whether the folder holds a table file (.parquet, .jsonl, .ndjson, .json, .csv, gzipped or not) whose name starts so. */
  private static boolean hasTable(Path dir, String prefix) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        name = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return name.startsWith(prefix) && Files.isRegularFile(f)
            && (name.endsWith(".parquet") || name.endsWith(".jsonl") || name.endsWith(".ndjson")
                || name.endsWith(".json") || name.endsWith(".csv"));
      });
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static Optional<Path> logsOutside(Path dir, Path except) {
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(file -> !file.startsWith(except) && LogFiles.isJsonl(file) && Files.isRegularFile(file))
          .findFirst();
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty(); // a folder that cannot be walked: read as the release, which reports what it cannot read
    }
  }

  private static Optional<SourceFormat> sniffFolder(Path dir) {
    int looked = 0;
    for (Path file : LogFiles.jsonl(dir, new ReadReport())) {
      if (file.getFileName().toString().startsWith("rollout-")) {
        return Optional.of(CODEX);
      }
      Optional<SourceFormat> found = sniff(file);
      if (found.isPresent()) {
        return found;
      }
      // Entire's transcripts of other agents' sessions tell nothing of the rest: not counted.
      if (entireAgent(file).isEmpty() && ++looked >= SNIFF_FILES) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The agent an Entire transcript.jsonl names ({@code "v"} and {@code "agent"} on its lines:
   * "claude-code", "codex", "opencode", …), from its first lines; empty for any other file.
   */
  static Optional<String> entireAgent(Path file) {
    String[] agent = new String[1];
    JsonLines.glance(file, SNIFF_LINES, new JsonLines.Handler() {
      boolean entire;
      String named;

      @Override
      public void parse(JsonParser p) throws IOException {
        entire = false;
        named = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("agent") && value == JsonToken.VALUE_STRING) {
            named = p.getText();
          }
          entire |= field.equals("v");
          p.skipChildren();
        }
      }

      @Override
      public boolean accept(long lineNumber) {
        if (agent[0] == null && entire && named != null) {
          agent[0] = named;
        }
        return true;
      }
    }, () -> agent[0] != null);
    return Optional.ofNullable(agent[0]);
  }

  /**
   * Reads the first non-empty lines: {@code {timestamp,type,payload}} is Codex, a Claude envelope is
   * Claude Code, and so is a line of Entire's transcript.jsonl of a Claude Code session ({@code
   * "v"} and {@code "agent":"claude-code"}).
   */
  static Optional<SourceFormat> sniff(Path file) {
    SourceFormat[] found = new SourceFormat[1];
    JsonLines.glance(file, SNIFF_LINES, new JsonLines.Handler() {
      boolean payload;
      boolean claude;
      boolean entire;
      String agent;

      @Override
      public void parse(JsonParser p) throws IOException {
        payload = false;
        claude = false;
        entire = false;
        agent = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("agent") && value == JsonToken.VALUE_STRING) {
            agent = p.getText();
          }
          p.skipChildren();
          switch (field) {
            case "v":
              entire = true;
              break;
            case "payload":
              payload = true;
              break;
            case "sessionId":
            case "parentUuid":
            case "isSidechain":
            case "leafUuid":
            case "uuid":
              claude = true;
              break;
            default:
          }
        }
      }

      @Override
      public boolean accept(long lineNumber) {
        if (found[0] == null) {
          found[0] = payload ? CODEX : claude || entire && "claude-code".equals(agent) ? CLAUDE_CODE : null;
        }
        return true;
      }
    }, () -> found[0] != null); // the first line that tells decides: later lines change nothing
    return Optional.ofNullable(found[0]);
  }
}
