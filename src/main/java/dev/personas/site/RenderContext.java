package dev.personas.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a renderer may use.
 *
 * @param site the global template context ({@code site} in templates)
 * @param content the authored Markdown pages
 * @param templates the Pebble templates of this build
 * @param options the build's options (folders to copy from)
 * @param earlier the files of the renderers listed before this one (the sitemap lists them)
 */
public record RenderContext(
    SiteContext site, Content content, Templates templates, SiteOptions options, List<Output> earlier) {

  public RenderContext {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(options, "options");
    earlier = List.copyOf(earlier);
  }

  /** The same context after another renderer added its files. */
  RenderContext plus(List<Output> more) {
    List<Output> all = new ArrayList<>(earlier);
    all.addAll(more);
    return new RenderContext(site, content, templates, options, all);
  }
}
