package dev.personas.site;

import dev.personas.PersonasException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What one build reads and where it writes. Later stages add their inputs here (a dataset, a
 * person's own logs) so the command line maps onto one record.
 *
 * @param content Markdown pages with YAML front matter
 * @param templates Pebble templates ({@code <name>.peb})
 * @param staticFiles files copied as they are (CSS, images, scripts)
 * @param out the folder the site is written to, replaced as a whole at the end of a build
 * @param baseUrl the path the site is served under, always starting and ending with "/"
 * @param sourceUrl where the site's source lives, linked from the footer when present
 * @param origin scheme and host the site is published at ("https://me.github.io"), for the
 *     absolute URLs of sitemap.xml and robots.txt; without it the sitemap lists paths
 * @param cardCache a folder where share cards' PNGs are kept between builds ({@link CardCache}),
 *     or none to draw every card
 */
public record SiteOptions(
    Path content, Path templates, Path staticFiles, Path out, String baseUrl, Optional<String> sourceUrl,
    Optional<String> origin, Optional<Path> cardCache) {

  /** Options with no folder of share-card PNGs kept between builds. */
  public SiteOptions(
      Path content, Path templates, Path staticFiles, Path out, String baseUrl, Optional<String> sourceUrl,
      Optional<String> origin) {
    this(content, templates, staticFiles, out, baseUrl, sourceUrl, origin, Optional.empty());
  }

  public SiteOptions {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(staticFiles, "staticFiles");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    Objects.requireNonNull(cardCache, "cardCache");
    origin = origin.map(o -> o.strip().replaceAll("/+$", "")).filter(o -> !o.isEmpty());
    origin.ifPresent(SiteOptions::checkOrigin);
    baseUrl = normalizeBaseUrl(baseUrl);
    checkOutIsApart(out, content, templates, staticFiles);
  }

  /** The usual layout of a project folder: content/, templates/, static/ and site/ beside each other. */
  public static SiteOptions inFolder(Path root, String baseUrl) {
    return new SiteOptions(
        root.resolve("content"), root.resolve("templates"), root.resolve("static"), root.resolve("site"),
        baseUrl, Optional.empty(), Optional.empty());
  }

  /** The same options writing to another folder. */
  public SiteOptions withOut(Path newOut) {
    return new SiteOptions(content, templates, staticFiles, newOut, baseUrl, sourceUrl, origin, cardCache);
  }

  /** The same options served under another base URL. */
  public SiteOptions withBaseUrl(String newBaseUrl) {
    return new SiteOptions(content, templates, staticFiles, out, newBaseUrl, sourceUrl, origin, cardCache);
  }

  // The whole output folder is replaced on every build, and serve watches the inputs: an output
  // inside an input (or around one) would delete sources or rebuild forever.
  private static void checkOutIsApart(Path out, Path... inputs) {
    Path target = out.toAbsolutePath().normalize();
    if (target.getParent() == null) {
      throw PersonasException.usage("The output folder cannot be the file system root; pass --out site.");
    }
    for (Path input : inputs) {
      Path source = input.toAbsolutePath().normalize();
      if (target.startsWith(source) || source.startsWith(target)) {
        throw PersonasException.usage(
            "The output folder " + out + " overlaps the input folder " + input + "; pass an --out of its own, such as site.");
      }
    }
  }

  private static void checkOrigin(String origin) {
    if (!origin.matches("https?://[^/?#\\s]+")) {
      throw PersonasException.usage(
          "The origin '" + origin + "' is not a scheme and host such as https://me.github.io; leave the path to --base-url.");
    }
  }

  // GitHub's configure-pages hands over "/repo" or "" : both must work, so accept them and add slashes.
  private static String normalizeBaseUrl(String raw) {
    String url = raw == null ? "" : raw.strip();
    if (url.contains("://") || url.startsWith("//") || url.contains("?") || url.contains("#")
        || url.contains("\\") || url.contains("..") || url.contains(" ")) {
      throw PersonasException.usage(
          "The base URL '" + raw + "' is not a path: give the path the site is served under, such as / or /my-repo/.");
    }
    if (!url.startsWith("/")) {
      url = "/" + url;
    }
    if (!url.endsWith("/")) {
      url = url + "/";
    }
    return url.replaceAll("/{2,}", "/");
  }
}
