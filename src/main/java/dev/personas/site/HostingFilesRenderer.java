package dev.personas.site;

import java.util.List;

/**
 * The small files a static host reads: robots.txt, and .nojekyll so GitHub Pages publishes the
 * folder as it is instead of running Jekyll over it.
 */
final class HostingFilesRenderer implements Renderer {

  @Override
  public List<Output> render(RenderContext context) {
    StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
    // Crawlers accept only an absolute sitemap URL, so name it only when the origin is known.
    context.options().origin().ifPresent(origin ->
        robots.append("Sitemap: ").append(origin).append(context.site().baseUrl()).append(SitemapRenderer.FILE).append('\n'));
    return List.of(Output.generated("robots.txt", robots.toString()), Output.generated(".nojekyll", ""));
  }
}
