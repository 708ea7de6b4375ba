package dev.personas.site;

import dev.personas.site.figures.SiteFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a renderer may use.
 *
 * @param site the global template context ({@code site} in templates)
 * @param content the authored Markdown pages
 * @param templates the Pebble templates of this build
 * @param options the build's options (folders to copy from)
 * @param figures what the data stages computed; absent when no dataset was analysed
 * @param earlier the files of the renderers listed before this one (the sitemap lists them)
 */
public record RenderContext(
    SiteContext site, Content content, Templates templates, SiteOptions options, Optional<SiteFigures> figures,
    List<Output> earlier) {

  public RenderContext {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(figures, "figures");
    earlier = List.copyOf(earlier);
  }

  /** The same context after another renderer added its files. */
  RenderContext plus(List<Output> more) {
    List<Output> all = new ArrayList<>(earlier);
    all.addAll(more);
    return new RenderContext(site, content, templates, options, figures, all);
  }
}
