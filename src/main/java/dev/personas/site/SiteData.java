package dev.personas.site;

import dev.personas.site.figures.SiteFigures;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the data stages (load, features, classify) hand to the renderers. Templates see it as
 * {@code site.sample} and {@code site.data}.
 *
 * @param sample true when the figures come from the bundled synthetic sample: every page then
 *     says so in a banner
 * @param data named values for templates and data renderers, iterated in key order
 * @param figures what the data stages computed for the figure pages; absent when no dataset was
 *     analysed (the pages then say so instead of drawing charts)
 * @param files data files published as they are, by site path (model.json, validation.json)
 */
public record SiteData(
    boolean sample, Map<String, Object> data, Optional<SiteFigures> figures, Map<String, byte[]> files) {

  public SiteData {
    // A sorted copy: templates that loop over the map must print the same order every build.
    data = Collections.unmodifiableMap(new TreeMap<>(data));
    Objects.requireNonNull(figures, "figures");
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    if (figures.isPresent() && figures.get().dataset().sample() != sample) {
      throw new IllegalArgumentException("SiteData.sample must match the figures' dataset.sample");
    }
  }

  /** Data without figures: the figure pages say that no dataset was analysed. */
  public SiteData(boolean sample, Map<String, Object> data) {
    this(sample, data, Optional.empty(), Map.of());
  }

  /** The same data, also publishing these files (site path → bytes), e.g. model.json. */
  public SiteData withFiles(Map<String, byte[]> more) {
    Map<String, byte[]> all = new TreeMap<>(files);
    all.putAll(more);
    return new SiteData(sample, data, figures, all);
  }

  /** The site of a dataset the data stages analysed; the sample banner follows the dataset. */
  public static SiteData of(SiteFigures figures) {
    return new SiteData(figures.dataset().sample(), Map.of(), Optional.of(figures), Map.of());
  }

  /** No data stage has run: the site carries only its authored content. */
  public static SiteData none() {
    return new SiteData(false, Map.of());
  }
}
