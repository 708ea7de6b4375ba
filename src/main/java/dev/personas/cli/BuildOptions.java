package dev.personas.cli;

import dev.personas.site.SiteOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of a site build, shared by `build` and `serve` (later: --dataset, --me). */
public final class BuildOptions {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "site", description = "Folder the site is written to, replaced as a whole (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--base-url", paramLabel = "PATH", defaultValue = "/", description = "Path the site is served under, e.g. /my-repo/ for a GitHub Pages project site (default: ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "Markdown pages with YAML front matter (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates", description = "Pebble templates (default: ${DEFAULT-VALUE}).")
  Path templates;

  @Option(names = "--static", paramLabel = "DIR", defaultValue = "static", description = "Files copied as they are: CSS, scripts, images (default: ${DEFAULT-VALUE}).")
  Path staticFiles;

  @Option(names = "--source-url", paramLabel = "URL", description = "Where the site's source lives, linked from every page's footer.")
  String sourceUrl;

  @Option(names = "--origin", paramLabel = "URL", description = "Scheme and host the site is published at (https://me.github.io), for absolute URLs in sitemap.xml.")
  String origin;

  /** The options as the site engine takes them. */
  public SiteOptions toSiteOptions() {
    return new SiteOptions(
        content, templates, staticFiles, out, baseUrl,
        Optional.ofNullable(sourceUrl).filter(s -> !s.isBlank()),
        Optional.ofNullable(origin));
  }
}
