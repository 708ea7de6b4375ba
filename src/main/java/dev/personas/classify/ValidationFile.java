package dev.personas.classify;

import com.fasterxml.jackson.core.JacksonException;
import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code validation.json}: sorted keys, fixed number format, "\n" line ends. */
public final class ValidationFile {
  private ValidationFile() {}

  /** Writes the validation to {@code path}, creating parent directories. */
  public static void write(Validation validation, Path path) {
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.write(path, bytes(validation));
    } catch (IOException e) {
      throw PersonasException.failure("Could not write the validation file " + path + ": "
          + e.getMessage() + ". Check that the folder is writable.", e);
    }
  }

  /** The exact bytes {@link #write} writes. */
  public static byte[] bytes(Validation validation) {
    try {
      return (Json.WRITER.writeValueAsString(validation) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JacksonException e) {
      throw new IllegalStateException("a validation always serializes", e);
    }
  }
}
