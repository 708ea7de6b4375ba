package dev.personas.site;

import java.util.List;

/** Every renderer of the site, in the one place they are listed. */
public final class Renderers {
  private Renderers() {}

  /**
   * The renderers in the order they run. Order matters once: the sitemap comes last because it
   * lists the pages of the renderers before it. Data-driven page types go before it.
   */
  public static List<Renderer> standard() {
    return List.of(
        new ContentPageRenderer(),
        new ShareCardRenderer(),
        new NotFoundRenderer(),
        new StaticFilesRenderer(),
        new ChartJsRenderer(),
        new HostingFilesRenderer(),
        new SitemapRenderer());
  }
}
