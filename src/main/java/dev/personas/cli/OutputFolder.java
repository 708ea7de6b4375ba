package dev.personas.cli;

import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks on the folder a command replaces as a whole: it must not hold what the command reads. */
final class OutputFolder {
  private OutputFolder() {}

  /**
   * Refuses a run whose output folder holds one of its inputs: replacing the folder would delete
   * the logs it was built from. Checked before anything is read, on the paths as given and, where
   * they exist, as the file system resolves them (a symbolic link into the folder counts).
   */
  static void refuseInputsInside(Path out, List<Path> inputs) {
    for (Path input : inputs) {
      if (inside(out, input)) {
        throw PersonasException.usage("The output folder " + out + " holds " + input
            + ", which this run reads, and each run replaces the whole folder; pass another --out, or move "
            + input + " out of it.");
      }
    }
  }

  private static boolean inside(Path out, Path input) {
    Path folder = out.toAbsolutePath().normalize();
    if (input.toAbsolutePath().normalize().startsWith(folder)) {
      return true;
    }
    try {
      return Files.exists(out) && Files.exists(input) && input.toRealPath().startsWith(out.toRealPath());
    } catch (IOException | SecurityException e) {
      return false; // an unreadable path is reported when it is read
    }
  }
}
