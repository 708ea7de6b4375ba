package dev.personas.site;

import java.util.List;
import java.util.Map;

/**
 * The 404 page. GitHub Pages serves it for any missing path at any depth, so its links are all
 * absolute (the url() function makes them so).
 */
final class NotFoundRenderer implements Renderer {
  static final String FILE = "404.html";
  static final String TEMPLATE = "404";

  @Override
  public List<Output> render(RenderContext context) {
    return List.of(Output.page(FILE, context.templates().render(TEMPLATE, Map.of("current", ""), "the 404 page")));
  }
}
