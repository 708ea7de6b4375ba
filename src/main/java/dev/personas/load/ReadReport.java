package dev.personas.load;

import dev.personas.Printable;
import dev.personas.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened while reading: files and lines read, and every line or file that was skipped,
 * with its location and a reason. Nothing is dropped silently.
 */
public final class ReadReport {
  /** A line (or, with line 0, a whole file) that was skipped, and why. */
  public record Skip(Path file, long line, String reason) {
    @Override
    public String toString() {
      // File names come from the folders read, which anyone may have named: printed inert.
      return Printable.of(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
    }
  }

  private static final int KEPT = 10_000;

  private final List<Skip> skips = new ArrayList<>();
  private final Set<Path> filesWithSkips = new TreeSet<>();
  private long skipCount;
  private long lineSkipCount;
  private long linesParsed;
  private long linesIgnored;
  private long linesRepaired;
  private Skip firstRepaired;
  private long emptySessions;
  private long subagentSessions;
  private long sessionCopies;
  private long filesRead;
  private long linesRead;
  private long bytesRead;
  private long sessions;
  private long untimedSessions;
  private final java.util.Map<String, Long> exclusions = new java.util.TreeMap<>();
  private final Set<String> notes = new TreeSet<>();

  /** Records a skipped line (line ≥ 1) or a skipped file (line 0). */
  public synchronized void skip(Path file, long line, String reason) {
    skipCount++;
    if (line > 0) {
      lineSkipCount++;
    }
    filesWithSkips.add(file);
    if (skips.size() < KEPT) {
      skips.add(new Skip(file, line, reason));
    }
  }

  public synchronized void fileRead(long lines, long bytes) {
    filesRead++;
    linesRead += lines;
    bytesRead += bytes;
  }

  /**
   * Records a file read as JSON Lines: every line read is either parsed (a line of a kind the
   * reader maps), ignored (blank, or a kind that carries nothing to count) or skipped (reported
   * through {@link #skip}), so {@code lines == parsed + ignored + line skips of the file}.
   * Repaired lines had invalid UTF-8 bytes, read with replacement characters.
   */
  public synchronized void fileRead(long lines, long parsed, long ignored, long repaired, long bytes) {
    fileRead(lines, bytes);
    linesParsed += parsed;
    linesIgnored += ignored;
    linesRepaired += repaired;
  }

  /**
   * Records where a line with invalid UTF-8 was read: the summary names the first, in reading
   * order, so the damage can be found.
   */
  public synchronized void repairedAt(Path file, long line) {
    if (firstRepaired == null) {
      firstRepaired = new Skip(file, line, "invalid UTF-8");
    }
  }

  /**
   * Adds what another report recorded after what this one did, as if one report had recorded
   * both in turn: a part read on another thread is merged in reading order.
   */
  public void add(ReadReport other) {
    ReadReport from = other.copy();
    synchronized (this) {
      skipCount += from.skipCount;
      lineSkipCount += from.lineSkipCount;
      filesWithSkips.addAll(from.filesWithSkips);
      for (Skip skip : from.skips) {
        if (skips.size() < KEPT) {
          skips.add(skip);
        }
      }
      linesParsed += from.linesParsed;
      linesIgnored += from.linesIgnored;
      linesRepaired += from.linesRepaired;
      if (firstRepaired == null) {
        firstRepaired = from.firstRepaired;
      }
      emptySessions += from.emptySessions;
      subagentSessions += from.subagentSessions;
      sessionCopies += from.sessionCopies;
      filesRead += from.filesRead;
      linesRead += from.linesRead;
      bytesRead += from.bytesRead;
      sessions += from.sessions;
      untimedSessions += from.untimedSessions;
      from.exclusions.forEach((reason, n) -> exclusions.merge(reason, n, Long::sum));
      notes.addAll(from.notes);
    }
  }

  private synchronized ReadReport copy() {
    ReadReport copy = new ReadReport();
    copy.skips.addAll(skips);
    copy.filesWithSkips.addAll(filesWithSkips);
    copy.skipCount = skipCount;
    copy.lineSkipCount = lineSkipCount;
    copy.linesParsed = linesParsed;
    copy.linesIgnored = linesIgnored;
    copy.linesRepaired = linesRepaired;
    copy.firstRepaired = firstRepaired;
    copy.emptySessions = emptySessions;
    copy.subagentSessions = subagentSessions;
    copy.sessionCopies = sessionCopies;
    copy.filesRead = filesRead;
    copy.linesRead = linesRead;
    copy.bytesRead = bytesRead;
    copy.sessions = sessions;
    copy.untimedSessions = untimedSessions;
    copy.exclusions.putAll(exclusions);
    copy.notes.addAll(notes);
    return copy;
  }

  /** Records a session file that held no conversation (only titles or snapshots): not a session. */
  public synchronized void emptySession(Path file) {
    emptySessions++;
  }

  /**
   * Records a session file that a sub-agent's run wrote and that is left out (Codex's guardian
   * reviews, and threads spawned in a session that was not read): not one of the person's sessions.
   */
  public synchronized void subagentSession(Path file) {
    subagentSessions++;
  }

  public synchronized long subagentSessions() {
    return subagentSessions;
  }

  /**
   * Records a file that holds a copy of a session already read (Entire keeps a copy of a session
   * at each checkpoint), which added nothing to it: read once, not counted again.
   */
  public synchronized void sessionCopy(Path file) {
    sessionCopies++;
  }

  public synchronized long sessionCopies() {
    return sessionCopies;
  }

  public synchronized long lineSkipCount() {
    return lineSkipCount;
  }

  public synchronized long linesParsed() {
    return linesParsed;
  }

  public synchronized long linesIgnored() {
    return linesIgnored;
  }

  public synchronized long linesRepaired() {
    return linesRepaired;
  }

  public synchronized long emptySessions() {
    return emptySessions;
  }

  public synchronized void sessionRead() {
    sessions++;
  }

  /**
   * Records a session read, and whether none of its events, its subagents' included, records a
   * time (Codex's rollouts of early 2025 have none): its active time is then an estimate, which
   * the summary says.
   */
  public synchronized void sessionRead(Session session) {
    sessionRead();
    if (session.recordsNoTime()) {
      untimedSessions++;
    }
  }

  /** Sessions none of whose events records a time. */
  public synchronized long untimedSessions() {
    return untimedSessions;
  }

  public synchronized long skipCount() {
    return skipCount;
  }

  public synchronized long filesRead() {
    return filesRead;
  }

  public synchronized long linesRead() {
    return linesRead;
  }

  public synchronized long bytesRead() {
    return bytesRead;
  }

  public synchronized long sessions() {
    return sessions;
  }

  /**
   * Records a session left out on purpose (not a fault of the data), under a reason that
   * follows the word "session", such as "of dayhaysoos/nimbus (machine-generated prompts)";
   * counted per reason.
   */
  public synchronized void exclude(String reason) {
    exclusions.merge(reason, 1L, Long::sum);
  }

  /** Sessions left out on purpose, by reason, in reason order. */
  public synchronized java.util.Map<String, Long> exclusions() {
    return Collections.unmodifiableMap(new java.util.TreeMap<>(exclusions));
  }

  /** One line per reason: "1 session without conversation rows", "87 sessions of …". */
  public synchronized List<String> exclusionLines() {
    List<String> lines = new ArrayList<>();
    exclusions.forEach((reason, n) -> lines.add(String.format(java.util.Locale.ROOT, "%,d", n)
        + (n == 1 ? " session " : " sessions ") + reason));
    return lines;
  }

  /** Records a sentence about how the data was read that every summary must say (once). */
  public synchronized void note(String sentence) {
    notes.add(sentence);
  }

  /** Whether {@link #note} recorded this sentence. */
  public synchronized boolean hasNote(String sentence) {
    return notes.contains(sentence);
  }

  /** The sentences recorded with {@link #note}, sorted. */
  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /** The first skips recorded (up to ten thousand), in the order they happened. */
  public synchronized List<Skip> skips() {
    return Collections.unmodifiableList(new ArrayList<>(skips));
  }

  /**
   * The one skip, when it is the only one and a whole file or folder (an empty folder, another
   * format): an error that nothing was read names it with its reason rather than a count.
   */
  public synchronized Optional<Skip> loneWholeSkip() {
    return skips.size() == 1 && skipCount == 1 && skips.get(0).line() == 0 ? Optional.of(skips.get(0)) : Optional.empty();
  }

  /** One line for the end of a run, e.g. "skipped 12 lines in 3 files; --verbose lists them". */
  public synchronized String summary() {
    return summary("--verbose lists them");
  }

  /** The same, saying where the skips are listed ("they are listed below" where they follow). */
  public synchronized String summary(String where) {
    StringBuilder out = new StringBuilder();
    if (skipCount == 0) {
      out.append("skipped nothing");
    } else {
      out.append("skipped ").append(skipCount)
          .append(skipCount == 1 ? " line or file" : " lines or files")
          .append(" in ").append(filesWithSkips.size())
          .append(filesWithSkips.size() == 1 ? " file" : " files")
          .append("; ").append(where);
    }
    if (emptySessions > 0) {
      out.append("; ").append(emptySessions)
          .append(emptySessions == 1 ? " session file held" : " session files held")
          .append(" no conversation");
    }
    if (subagentSessions > 0) {
      out.append("; ").append(subagentSessions)
          .append(subagentSessions == 1 ? " Codex sub-agent session" : " Codex sub-agent sessions")
          .append(" (a guardian's review, or a thread spawned in a session not read) left out");
    }
    if (sessionCopies > 0) {
      out.append("; ").append(sessionCopies)
          .append(sessionCopies == 1 ? " file was a copy" : " files were copies")
          .append(" of a session read from another copy, not counted again");
    }
    if (linesRepaired > 0) {
      out.append("; ").append(linesRepaired)
          .append(linesRepaired == 1 ? " line had" : " lines had")
          .append(" invalid UTF-8, read with replacement characters");
      if (firstRepaired != null) {
        out.append(" (").append(linesRepaired == 1 ? "at " : "the first at ")
            .append(firstRepaired.file()).append(':').append(firstRepaired.line()).append(')');
      }
    }
    if (untimedSessions > 0) {
      out.append("; ").append(untimedSessions)
          .append(untimedSessions == 1 ? " session records no time on its events, so its active time is estimated from its prompts and tool calls"
              : " sessions record no time on their events, so their active time is estimated from their prompts and tool calls");
    }
    if (!exclusions.isEmpty()) {
      out.append("; left out as the SWE-chat paper does: ")
          .append(String.join(", ", exclusionLines())).append(" (build and classify keep them with --keep-excluded)");
    }
    for (String note : notes) {
      out.append("; ").append(note);
    }
    return Printable.of(out.toString());
  }

  /** True when the summary has more to say than "skipped nothing": something was left out or estimated. */
  public synchronized boolean worthSaying() {
    return !summary().equals("skipped nothing");
  }
}
