package dev.personas.site;

import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Copies static/ into the site as it is: stylesheets, scripts, images. */
final class StaticFilesRenderer implements Renderer {

  @Override
  public List<Output> render(RenderContext context) {
    Path root = context.options().staticFiles();
    if (!Files.isDirectory(root)) {
      throw PersonasException.usage(
          "The static folder " + root + " does not exist; pass --static with the folder of CSS, scripts and images.");
    }
    List<Output> copies = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        copies.add(Output.copy(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file)));
      }
    } catch (IOException e) {
      throw PersonasException.failure("Could not copy the static folder " + root + ": " + e.getMessage(), e);
    }
    return copies;
  }
}
