package dev.personas.study;

import dev.personas.classify.GroundTruth;
import dev.personas.load.SourceFormat;
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
 */
public record DatasetSource(
    String label,
    List<Path> paths,
    Optional<SourceFormat> format,
    boolean sample,
    Optional<GroundTruth> groundTruth,
    boolean keepExcluded) {

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
    return new DatasetSource(label, paths, format, sample, groundTruth, keep);
  }
}
