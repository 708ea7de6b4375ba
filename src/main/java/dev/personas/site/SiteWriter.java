package dev.personas.site;

import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a finished build into a temporary folder beside the target, then swaps it in, so a
 * reader (or a failed build) never sees half a site.
 */
final class SiteWriter {
  /**
   * Every site this program writes has it; a folder that is not empty and has not got it is not
   * ours to replace (a hand-made GitHub Pages folder often has a .nojekyll too, so that is no sign).
   */
  static final String MARKER = ".personas";

  /** What the marker says to whoever opens it. */
  private static final byte[] MARKER_TEXT =
      "This folder was written by personas; each build or `personas me` replaces all of it.\n"
          .getBytes(StandardCharsets.UTF_8);

  /** The marker of GitHub Pages that sites written before {@link #MARKER} carry. */
  private static final String EARLIER_MARKER = ".nojekyll";

  private final Path target;

  SiteWriter(Path out) {
    this.target = out.toAbsolutePath().normalize();
  }

  void write(List<Output> files) {
    Path parent = target.getParent();
    if (parent == null) {
      throw PersonasException.usage("The output folder cannot be the file system root; pass --out site.");
    }
    checkReplaceable(files);
    Path temp = null;
    try {
      Files.createDirectories(parent);
      temp = newFolder(parent, "." + target.getFileName() + "-new-" + ProcessHandle.current().pid() + "-");
      for (Output file : files) {
        Path path = temp.resolve(file.path());
        Files.createDirectories(path.getParent());
        Files.write(path, file.bytes());
      }
      Files.write(temp.resolve(MARKER), MARKER_TEXT);
      swapIn(temp);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw PersonasException.failure("Could not write the site to " + target + ": " + reason(e), e);
    }
  }

  /**
   * A new empty folder beside the site, made as mkdir makes one (the umask's permissions), not as
   * createTempDirectory does (owner only): the folder becomes the site, which a web server running
   * as another user, or a copy made with cp -r or rsync, must be able to read.
   */
  private static Path newFolder(Path parent, String prefix) throws IOException {
    for (int n = 0; ; n++) {
      try {
        return Files.createDirectory(parent.resolve(prefix + n));
      } catch (FileAlreadyExistsException e) {
        // a folder left by a run that was killed, or a second run at once: the next name
      }
    }
  }

  /** What went wrong, in words: a file system error's message is often only the path. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied (" + denied.getFile() + ")";
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file or folder (" + missing.getFile() + ")";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * Replaces single files of a site already written, each in one step (written beside itself,
   * then moved over it), so a reader never sees half a page.
   */
  void replace(List<Output> files) {
    for (Output file : files) {
      Path path = target.resolve(file.path());
      Path temp = null;
      try {
        Files.createDirectories(path.getParent());
        // Not createTempFile: its owner-only permissions would stay on the page.
        temp = path.resolveSibling("." + path.getFileName() + "-" + ProcessHandle.current().pid() + ".new");
        Files.write(temp, file.bytes());
        try {
          Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        deleteQuietly(temp);
        throw PersonasException.failure("Could not write " + path + ": " + reason(e), e);
      }
    }
  }

  private void checkReplaceable(List<Output> files) {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw PersonasException.usage("The output " + target + " is a file, not a folder; pass another --out.");
    }
    if (Files.isDirectory(target) && !Files.exists(target.resolve(MARKER)) && !isEmpty(target)
        && !earlierSite(files) && !onlyOurFolders()) {
      throw PersonasException.usage(
          "The output folder " + target + " is not empty and was not built by personas (it has no "
              + MARKER + " file); pass another --out or empty it, since a build replaces the whole folder.");
    }
  }

  /**
   * A folder holding only folders personas wrote, each with its marker: `personas me` writes its
   * page into site/me by default, and a first build of site must not be refused for it.
   */
  private boolean onlyOurFolders() {
    try (Stream<Path> entries = Files.list(target)) {
      return entries.allMatch(entry -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
          && Files.isRegularFile(entry.resolve(MARKER), LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw PersonasException.failure("Could not read the output folder " + target + ": " + reason(e), e);
    }
  }

  /**
   * A site written before the marker existed: it has GitHub Pages' .nojekyll, and everything at
   * its top level is a name this build writes too (a page since dropped needs the folder emptied).
   */
  private boolean earlierSite(List<Output> files) {
    if (!Files.exists(target.resolve(EARLIER_MARKER))) {
      return false;
    }
    Set<String> written = new HashSet<>(List.of(EARLIER_MARKER));
    for (Output file : files) {
      written.add(Path.of(file.path()).getName(0).toString());
    }
    try (Stream<Path> entries = Files.list(target)) {
      return entries.allMatch(entry -> written.contains(entry.getFileName().toString()));
    } catch (IOException e) {
      throw PersonasException.failure("Could not read the output folder " + target + ": " + reason(e), e);
    }
  }

  private void swapIn(Path temp) throws IOException {
    if (!Files.exists(target)) {
      move(temp, target);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-old-");
    Files.delete(old);
    move(target, old);
    try {
      move(temp, target);
    } catch (IOException e) {
      move(old, target);
      throw e;
    }
    deleteQuietly(old);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw PersonasException.failure("Could not read the output folder " + folder + ": " + reason(e), e);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary folder is harmless: the next build makes a new one.
    }
  }
}
