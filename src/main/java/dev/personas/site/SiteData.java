package dev.personas.site;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the data stages (load, features, classify) hand to the renderers. Templates see it as
 * {@code site.sample} and {@code site.data}.
 *
 * @param sample true when the figures come from the bundled synthetic sample: every page then
 *     says so in a banner
 * @param data named values for templates and data renderers, iterated in key order
 */
public record SiteData(boolean sample, Map<String, Object> data) {

  public SiteData {
    // A sorted copy: templates that loop over the map must print the same order every build.
    data = Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** No data stage has run: the site carries only its authored content. */
  public static SiteData none() {
    return new SiteData(false, Map.of());
  }
}
