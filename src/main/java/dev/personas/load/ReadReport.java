package dev.personas.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
      return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
  }

  private static final int KEPT = 10_000;

  private final List<Skip> skips = new ArrayList<>();
  private final Set<Path> filesWithSkips = new TreeSet<>();
  private long skipCount;
  private long filesRead;
  private long linesRead;
  private long bytesRead;
  private long sessions;

  /** Records a skipped line (line ≥ 1) or a skipped file (line 0). */
  public synchronized void skip(Path file, long line, String reason) {
    skipCount++;
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

  public synchronized void sessionRead() {
    sessions++;
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

  /** The first skips recorded (up to ten thousand), in the order they happened. */
  public synchronized List<Skip> skips() {
    return Collections.unmodifiableList(new ArrayList<>(skips));
  }

  /** One line for the end of a run, e.g. "skipped 12 lines in 3 files; --verbose lists them". */
  public synchronized String summary() {
    if (skipCount == 0) {
      return "skipped nothing";
    }
    return "skipped " + skipCount + (skipCount == 1 ? " line or file" : " lines or files")
        + " in " + filesWithSkips.size() + (filesWithSkips.size() == 1 ? " file" : " files")
        + "; --verbose lists them";
  }
}
