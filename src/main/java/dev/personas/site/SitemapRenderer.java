package dev.personas.site;

import java.util.List;

/** sitemap.xml: every page the renderers before it made, except the 404 page, in path order. */
final class SitemapRenderer implements Renderer {
  static final String FILE = "sitemap.xml";

  @Override
  public List<Output> render(RenderContext context) {
    String prefix = context.options().origin().orElse("") + context.site().baseUrl();
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    context.earlier().stream()
        .filter(o -> o.kind() == Output.Kind.PAGE && !o.path().equals(NotFoundRenderer.FILE))
        .map(Output::urlPath)
        .sorted()
        .forEach(path -> xml.append("  <url><loc>").append(escape(prefix + path)).append("</loc></url>\n"));
    xml.append("</urlset>\n");
    return List.of(Output.generated(FILE, xml.toString()));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }
}
