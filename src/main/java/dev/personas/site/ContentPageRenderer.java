package dev.personas.site;

import dev.personas.PersonasException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every Markdown page of content/ through the template its front matter names; figure
 * templates (home, session type, persona, method) also get their figures from {@link PageFigures}.
 */
final class ContentPageRenderer implements Renderer {

  @Override
  public List<Output> render(RenderContext context) {
    // Pages render side by side (Pebble's engine is shared, each render has its own context);
    // the list keeps page order whatever finishes first.
    return render(context.content().pages(), context);
  }

  /** Renders the given pages, in their order; `serve` re-renders only the pages an edit changed. */
  static List<Output> render(List<ContentPage> pages, RenderContext context) {
    return pages.parallelStream().map(page -> render(page, context)).toList();
  }

  private static Output render(ContentPage page, RenderContext context) {
    Templates templates = context.templates();
    if (!templates.exists(page.template())) {
      throw PersonasException.failure(
          context.options().content().resolve(page.source()) + ":1: the front matter names the template '"
              + page.template() + "', but " + templates.file(page.template())
              + " does not exist; name an existing template or add it.");
    }
    Map<String, Object> model = new HashMap<>(PageFigures.forPage(page, context));
    model.put("page", page);
    model.put("current", page.path());
    // The one place HTML passes unescaped: the Markdown body is authored content.
    model.put("content", Templates.trusted(page.html()));
    String html = templates.render(page.template(), model, context.options().content().resolve(page.source()).toString());
    return Output.page(page.outputFile(), html);
  }
}
