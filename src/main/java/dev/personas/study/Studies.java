package dev.personas.study;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs studies for the commands, remembering the last one: `serve` rebuilds pages on every edit
 * and tests build many sites, but the same dataset gives the same study, so it is analysed once
 * per process.
 */
public final class Studies {
  private static DatasetSource lastSource;
  private static Study lastStudy;
  private static Object lastAnalysed;
  private static Analysis lastAnalysis;

  private Studies() {}

  /**
   * What a build needs from the source's study: remembered for the process like {@link #run},
   * and kept in the cache, when there is one, for the next process that builds the same bytes.
   */
  public static synchronized Analysis analyse(DatasetSource source, Optional<AnalysisCache> cache,
      Consumer<String> progress) {
    // Within a process (serve rebuilds on every edit) the same source from the same cache is
    // the same analysis: the dataset's bytes are hashed once, not on every rebuild.
    Object asked = java.util.List.of(source, cache.map(AnalysisCache::folder).map(Object::toString).orElse(""));
    if (asked.equals(lastAnalysed)) {
      return lastAnalysis;
    }
    Analysis analysis;
    if (cache.isEmpty()) {
      analysis = Analysis.of(run(source, progress));
    } else {
      String key = AnalysisCache.key(source);
      Optional<Analysis> kept = cache.get().load(key);
      if (kept.isPresent()) {
        progress.accept("Reusing the analysis of " + source.label() + " kept in " + cache.get().folder()
            + " (its bytes have not changed)");
        analysis = kept.get();
      } else {
        analysis = Analysis.of(run(source, progress));
        cache.get().store(key, analysis);
      }
    }
    lastAnalysed = asked;
    lastAnalysis = analysis;
    return analysis;
  }

  public static synchronized Study run(DatasetSource source, Consumer<String> progress) {
    if (!source.equals(lastSource)) {
      lastStudy = new StudyRunner(Sources.loader(source.keepExcluded()), progress).run(source);
      lastSource = source;
    }
    return lastStudy;
  }
}
