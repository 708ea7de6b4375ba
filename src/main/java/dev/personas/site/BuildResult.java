package dev.personas.site;

import java.util.List;

/**
 * What a build made.
 *
 * @param pages HTML pages rendered
 * @param generated other files the build wrote itself (sitemap.xml, robots.txt…)
 * @param copied files copied as they are (static/ and vendored libraries)
 * @param millis how long the build took
 */
public record BuildResult(int pages, int generated, int copied, long millis) {

  public BuildResult {
    if (pages < 0 || generated < 0 || copied < 0 || millis < 0) {
      throw new IllegalArgumentException("Counts and time are never negative");
    }
  }

  static BuildResult of(List<Output> files, long millis) {
    return new BuildResult(
        count(files, Output.Kind.PAGE), count(files, Output.Kind.GENERATED), count(files, Output.Kind.COPY), millis);
  }

  private static int count(List<Output> files, Output.Kind kind) {
    return (int) files.stream().filter(f -> f.kind() == kind).count();
  }

  /** The one line a build ends with. */
  public String summary() {
    return "Built " + pages + (pages == 1 ? " page" : " pages") + ", copied " + copied
        + (copied == 1 ? " file" : " files") + " in " + millis + " ms";
  }
}
