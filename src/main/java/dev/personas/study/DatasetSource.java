package dev.personas.study;

import dev.personas.classify.GroundTruth;
import dev.personas.load.SourceFormat;
import dev.personas.session.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a study's sessions come from.
 *
 * @param label how pages name the data ("bundled synthetic sample" or the folder's name)
 * @param paths files or folders to read
 * @param format the source format when the user forced one; detected from the path otherwise
 * @param sample true for the bundled synthetic sample: every page then says so
 * @param groundTruth the planted labels, known only for generated samples
 * @param keepExcluded true to read, from a SWE-chat release, the sessions the SWE-chat paper
 *     leaves out (a machine-generated repository, sessions without conversation rows)
 * @param personPerFolder true when each folder directly inside the dataset's folder holds one
 *     person's logs (a team's logs gathered as {@code team/alice/…}, {@code team/bob/…}): the
 *     folder's name is the person. Logs carry no person, so without it every log is one person's
 */
public record DatasetSource(
    String label,
    List<Path> paths,
    Optional<SourceFormat> format,
    boolean sample,
    Optional<GroundTruth> groundTruth,
    boolean keepExcluded,
    boolean personPerFolder) {

  public DatasetSource {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(groundTruth, "groundTruth");
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a dataset needs at least one path");
    }
  }

  /** The same dataset, read with or without the sessions the paper leaves out. */
  public DatasetSource keepingExcluded(boolean keep) {
    return new DatasetSource(label, paths, format, sample, groundTruth, keep, personPerFolder);
  }

  /** The same dataset, its logs taken as one person's per folder inside it, or as one person's. */
  public DatasetSource withPersonPerFolder(boolean perFolder) {
    return new DatasetSource(label, paths, format, sample, groundTruth, keepExcluded, perFolder);
  }

  /**
   * Whose a session read from this dataset is: the reader's person, unless the logs are taken as
   * one person's per folder and the session's log lies in a folder inside the dataset's (a log
   * read from a SWE-chat release names its person and keeps it).
   */
  public String person(String readAs, Path log) {
    return personPerFolder ? personInFolder(paths, readAs, log) : readAs;
  }

  /**
   * The person of a session read as {@code readAs} from {@code log} when each folder directly
   * inside one of {@code roots} holds one person's logs: that folder's name, for a session of
   * one's own logs in such a folder; {@code readAs} otherwise.
   */
  public static String personInFolder(List<Path> roots, String readAs, Path log) {
    if (!Session.OWN_LOGS.equals(readAs) || log == null) {
      return readAs;
    }
    for (Path given : roots) {
      Path root = given.toAbsolutePath().normalize();
      Path relative = root.relativize(log.toAbsolutePath().normalize());
      if (!relative.startsWith("..") && relative.getNameCount() > 1) {
        return relative.getName(0).toString();
      }
    }
    return readAs;
  }
}
