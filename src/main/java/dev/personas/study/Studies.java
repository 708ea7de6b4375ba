package dev.personas.study;

import java.util.function.Consumer;

/**
 * Runs studies for the commands, remembering the last one: `serve` rebuilds pages on every edit
 * and tests build many sites, but the same dataset gives the same study, so it is analysed once
 * per process.
 */
public final class Studies {
  private static DatasetSource lastSource;
  private static Study lastStudy;

  private Studies() {}

  public static synchronized Study run(DatasetSource source, Consumer<String> progress) {
    if (!source.equals(lastSource)) {
      lastStudy = new StudyRunner(Sources.loader(source.keepExcluded()), progress).run(source);
      lastSource = source;
    }
    return lastStudy;
  }
}
