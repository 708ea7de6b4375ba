package dev.personas.cli;

import dev.personas.PersonasException;
import dev.personas.load.SourceFormat;
import dev.personas.site.BundledSiteSources;
import dev.personas.site.SiteOptions;
import dev.personas.study.AnalysisCache;
import dev.personas.study.DatasetSource;
import dev.personas.study.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

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

  @Option(names = "--origin", paramLabel = "URL", description = "Scheme and host the site is published at (https://me.github.io), for absolute URLs in sitemap.xml, robots.txt and the pages' og:image links.")
  String origin;

  @Option(names = "--dataset", paramLabel = "PATH", description = "A dataset to analyse instead of the bundled synthetic sample: a SWE-chat folder (Parquet, JSONL or CSV tables and/or transcripts/) or folders of Claude Code or Codex logs.")
  Path dataset;

  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatNames.class, description = "Read --dataset as this format instead of detecting it: ${COMPLETION-CANDIDATES}.")
  SourceFormat format;

  @Option(names = "--me", paramLabel = "PATH", description = "Also render a personal page at /me/: from a me.json written by `personas me --export`, or from log files or folders.")
  Path me;

  @Option(names = "--keep-excluded", description = "Also analyse what the SWE-chat paper leaves out of a SWE-chat release: the repository whose prompts are machine-generated (dayhaysoos/nimbus) and sessions without conversation rows (read from their transcripts). Left out by default, as in the paper.")
  boolean keepExcluded;

  @Option(names = "--person-per-folder", description = "Take each folder directly inside --dataset as one person's logs (a team's logs gathered as DIR/alice/..., DIR/bob/...): the folder's name is the person. Without it every Claude Code or Codex log is one person's, since logs name nobody.")
  boolean personPerFolder;

  @Option(names = "--cache", paramLabel = "DIR", description = "Folder of analyses kept between builds, keyed by a hash of every byte of the dataset, how it is read and the program: a build of unchanged data reuses its analysis instead of reading, fitting and validating again; share cards' PNGs are kept there too (default: $XDG_CACHE_HOME/personas, else ~/.cache/personas; safe to delete).")
  Path cache;

  @Option(names = "--no-cache", description = "Analyse the dataset even when an analysis of the same bytes is cached, draw every share card, and keep neither.")
  boolean noCache;

  @Option(names = "--no-data", description = "Build only the authored pages, analysing no dataset (the figure pages say so).")
  boolean noData;

  /**
   * Checks the folders before anything is analysed: a folder named wrong is said at once, one not
   * named and absent here (run outside a clone) is the copy inside the jar, as for `me`; nothing
   * the build reads may sit in the folder it replaces.
   */
  public void resolveFolders(ParseResult given) {
    content = folderOrBundled(given, content, "content", "--content", "the folder of Markdown pages");
    templates = folderOrBundled(given, templates, "templates", "--templates", "the folder of .peb files");
    staticFiles = folderOrBundled(given, staticFiles, "static", "--static", "the folder of CSS, scripts and images");
    List<Path> inputs = new ArrayList<>();
    for (Path path : new Path[] {dataset, me, content, templates, staticFiles}) {
      if (path != null) {
        inputs.add(path);
      }
    }
    OutputFolder.refuseInputsInside(out, inputs);
  }

  private static Path folderOrBundled(ParseResult given, Path folder, String what, String option, String meaning) {
    if (Files.isDirectory(folder)) {
      return folder;
    }
    if (!given.hasMatchedOption(option)) {
      return BundledSiteSources.folder(what);
    }
    throw PersonasException.usage("The " + what + " folder " + folder.toAbsolutePath().normalize()
        + " does not exist; pass " + option + " with " + meaning + ", or leave it out to use the copy inside personas.");
  }

  /** The dataset this build analyses: the named one, the bundled sample, or none. */
  public Optional<DatasetSource> datasetSource() {
    if (noData) {
      return Optional.empty();
    }
    return Optional.of((dataset == null
        ? Sources.bundledSample()
        : Sources.dataset(dataset, Optional.ofNullable(format))).keepingExcluded(keepExcluded)
        .withPersonPerFolder(personPerFolder));
  }

  /** The analysis cache this build uses, or none with --no-cache. */
  public Optional<AnalysisCache> analysisCache() {
    if (noCache) {
      return Optional.empty();
    }
    return cache != null ? Optional.of(new AnalysisCache(cache)) : AnalysisCache.standard();
  }

  /** The me.json or logs of the personal page at /me/, if asked for. */
  public Optional<Path> me() {
    return Optional.ofNullable(me);
  }

  /** The options as the site engine takes them. */
  public SiteOptions toSiteOptions() {
    return new SiteOptions(
        content, templates, staticFiles, out, baseUrl,
        Optional.ofNullable(sourceUrl).filter(s -> !s.isBlank()),
        Optional.ofNullable(origin),
        // Share cards' PNGs are kept beside the analyses, and go with them under --no-cache.
        analysisCache().map(cache -> cache.folder().resolve("cards")));
  }
}
