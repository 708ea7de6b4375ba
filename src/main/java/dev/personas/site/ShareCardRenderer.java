package dev.personas.site;

import dev.personas.classify.Persona;
import java.util.ArrayList;
import java.util.List;

/**
 * One share card per persona, /personas/<slug>/card.svg, linked from its page as the Open Graph
 * image. It shows only the persona's name, its tagline and the site's name: never a figure or
 * anything from a person's logs. All text is escaped for XML.
 */
final class ShareCardRenderer implements Renderer {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 630;
  private static final int LINE = 34;

  @Override
  public List<Output> render(RenderContext context) {
    List<Output> cards = new ArrayList<>();
    for (ContentPage page : context.content().pages()) {
      if (page.template().equals("persona")) {
        Persona persona = Persona.fromSlug(PageFigures.slug(page, context));
        Object tagline = page.frontMatter().get("tagline");
        String text = tagline == null ? persona.tagline() : String.valueOf(tagline);
        cards.add(Output.generated(page.outputFile().replace("index.html", PageFigures.CARD),
            svg(context.site().title(), page.title(), text)));
      }
    }
    return cards;
  }

  /** The card's SVG: a title, a wrapped tagline, the site's name. */
  static String svg(String site, String name, String tagline) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
        .append(escape(name + ": " + tagline)).append("\">\n");
    svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#0f1217\"/>\n");
    svg.append("  <rect x=\"0\" y=\"0\" width=\"24\" height=\"100%\" fill=\"#8ab4f8\"/>\n");
    svg.append("  <text x=\"96\" y=\"150\" fill=\"#aab2bf\" font-family=\"system-ui, sans-serif\" font-size=\"34\">")
        .append(escape(site)).append("</text>\n");
    svg.append("  <text x=\"96\" y=\"270\" fill=\"#ffffff\" font-family=\"system-ui, sans-serif\" font-size=\"76\" font-weight=\"700\">")
        .append(escape(name)).append("</text>\n");
    int y = 360;
    for (String line : wrap(tagline, 52, 5)) {
      svg.append("  <text x=\"96\" y=\"").append(y).append("\" fill=\"#e6e9ef\" font-family=\"system-ui, sans-serif\" font-size=\"")
          .append(LINE).append("\">").append(escape(line)).append("</text>\n");
      y += LINE + 14;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Words wrapped to lines of at most {@code width} characters; beyond {@code max} lines, cut with an ellipsis. */
  static List<String> wrap(String text, int width, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    // What fits the card; a longer tagline is cut with an ellipsis rather than overflowing.
    if (lines.size() > max) {
      lines = new ArrayList<>(lines.subList(0, max));
      lines.set(max - 1, lines.get(max - 1) + "\u2026");
    }
    return lines;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // Control characters are not allowed in XML 1.0 at all: drop them.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }
}
