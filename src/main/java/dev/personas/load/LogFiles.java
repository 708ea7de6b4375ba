package dev.personas.load;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds JSON Lines logs under a folder, in a stable order, reporting folders it cannot read. */
public final class LogFiles {
  private LogFiles() {}

  /** True for {@code .jsonl} and {@code .jsonl.gz} file names. */
  public static boolean isJsonl(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  /** The file name without {@code .gz} and {@code .jsonl}. */
  public static String stem(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl")) {
      name = name.substring(0, name.length() - 6);
    }
    return name;
  }

  /**
   * Every JSON Lines file under a folder, recursively, sorted by path. Symbolic links are followed
   * (a log folder kept in a dotfiles repository and linked into place is common); a file reached
   * twice through links is read once, at its first path, and a link back to a folder above it is
   * reported and not entered.
   */
  public static List<Path> jsonl(Path dir, ReadReport report) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && isJsonl(file)) {
            found.add(file);
          } else if (attrs.isSymbolicLink() && isJsonl(file)) {
            // Followed links arrive as what they point to; a link arriving as itself points nowhere.
            report.skip(file, 0, "a link to a file that does not exist, skipped");
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          report.skip(file, 0, e instanceof FileSystemLoopException
              ? "a symbolic link back to a folder above it, not entered"
              : "cannot read (" + JsonLines.describe(e) + "), skipped");
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      report.skip(dir, 0, "cannot list the folder (" + JsonLines.describe(e) + "), skipped");
    }
    found.sort(null);
    return once(found);
  }

  /** The files in order, each real file kept at its first path only. */
  private static List<Path> once(List<Path> files) {
    Set<Path> seen = new HashSet<>();
    List<Path> kept = new ArrayList<>(files.size());
    for (Path file : files) {
      Path real;
      try {
        real = file.toRealPath();
      } catch (IOException e) {
        real = file.toAbsolutePath().normalize();
      }
      if (seen.add(real)) {
        kept.add(file);
      }
    }
    return kept;
  }
}
