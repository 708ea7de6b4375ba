package dev.personas.site;

import dev.personas.site.figures.PersonalFigures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The personal page on its own, as `personas me` writes it: one index.html with its stylesheet,
 * scripts and Chart.js copied beside it, every link relative (or under a given base URL), so the
 * folder works opened from the file system and served alike. Its layout (templates/standalone.peb)
 * links to nothing outside the folder; the persona's authored text comes from content/.
 */
public final class PersonalSite {
  /** The base URL that makes every url() relative to the page folder. */
  public static final String RELATIVE = "./";

  private final Path content;
  private final Path templates;
  private final Path staticFiles;
  private final String baseUrl;

  /**
   * @param baseUrl {@link #RELATIVE}, or the path the folder is served under ("/me/")
   */
  public PersonalSite(Path content, Path templates, Path staticFiles, String baseUrl) {
    this.content = content;
    this.templates = templates;
    this.staticFiles = staticFiles;
    this.baseUrl = baseUrl.equals(RELATIVE) ? RELATIVE
        : new SiteOptions(content, templates, staticFiles, Path.of("unused-out"), baseUrl,
            java.util.Optional.empty(), java.util.Optional.empty()).baseUrl();
  }

  /** The person's share card alone (SVG), with the words of this site's content. */
  public String card(PersonalFigures figures) {
    return drawing(figures).svg();
  }

  /** The same card as PNG; empty where this machine has no font to draw text with. */
  public java.util.Optional<byte[]> cardPng(PersonalFigures figures) {
    return drawing(figures).png();
  }

  private CardDrawing drawing(PersonalFigures figures) {
    Content read = new ContentReader(content, new Markdown("/")).read();
    return PersonalPageRenderer.card(read.title(), figures, read);
  }

  /** Writes the page and its assets into {@code out}, replacing the folder; returns the files. */
  public List<Output> write(PersonalFigures figures, String population, Path out) {
    SiteOptions options = new SiteOptions(content, templates, staticFiles, out, "/", java.util.Optional.empty(),
        java.util.Optional.empty());
    Content read = new ContentReader(content, new Markdown(RELATIVE.equals(baseUrl) ? "/" : baseUrl)).read();
    SiteContext site = new SiteContext(read.title(), read.description(), baseUrl, java.util.Optional.empty(),
        List.of(), false, Map.of());
    Templates pebble = new Templates(templates, site);
    RenderContext context = new RenderContext(site, read, pebble, options, java.util.Optional.empty(), List.of());
    List<Output> files = new ArrayList<>();
    for (Renderer renderer : List.of(new PersonalPageRenderer(figures, "/", true, population),
        new StaticFilesRenderer(), new ChartJsRenderer())) {
      List<Output> made = renderer.render(context);
      files.addAll(made);
      context = context.plus(made);
    }
    files.add(Output.generated(".nojekyll", new byte[0])); // GitHub Pages publishes the folder as it is
    files.sort(java.util.Comparator.comparing(Output::path));
    new LinkCheck(files).check(pebble.urlCalls());
    new SiteWriter(out).write(files);
    return files;
  }
}
