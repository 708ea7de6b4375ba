package dev.personas.site;

import dev.personas.classify.Persona;
import java.util.ArrayList;
import java.util.List;

/**
 * One share card per persona, /personas/<slug>/card.svg and, where this machine can draw text,
 * card.png (the Open Graph image: link previews ignore SVG). It shows only the persona's name, its tagline and the site's name: never a figure or
 * anything from a person's logs. All text is escaped for XML.
 */
final class ShareCardRenderer implements Renderer {
  private static final int LINE = 34;

  @Override
  public List<Output> render(RenderContext context) {
    List<ContentPage> pages = context.content().pages().stream()
        .filter(page -> page.template().equals("persona")).toList();
    // Encoding a PNG is the slowest step of a render: the seven cards are drawn side by side,
    // and come out in page order whatever finishes first.
    return pages.parallelStream().map(page -> card(page, context)).toList().stream()
        .flatMap(List::stream).toList();
  }

  private static List<Output> card(ContentPage page, RenderContext context) {
    Persona persona = Persona.fromSlug(PageFigures.slug(page, context));
    Object tagline = page.frontMatter().get("tagline");
    String text = tagline == null ? persona.tagline() : String.valueOf(tagline);
    CardDrawing card = drawing(context.site().title(), page.title(), text);
    List<Output> outputs = new ArrayList<>();
    outputs.add(Output.generated(page.outputFile().replace("index.html", PageFigures.CARD), card.svg()));
    CardCache.of(context.options()).png(card).ifPresent(png -> outputs.add(
        Output.generated(page.outputFile().replace("index.html", PageFigures.CARD_PNG), png)));
    return outputs;
  }

  /** The card's SVG: a title, a wrapped tagline, the site's name. */
  static String svg(String site, String name, String tagline) {
    return drawing(site, name, tagline).svg();
  }

  /** The card's drawing steps, written as SVG and as PNG. */
  static CardDrawing drawing(String site, String name, String tagline) {
    CardDrawing card = new CardDrawing(name + ": " + tagline)
        .fill("#0f1217")
        .band(0, 24, "#8ab4f8")
        .text(96, 150, "#aab2bf", 34, false, site)
        .text(96, 270, "#ffffff", CardDrawing.fit(name, 76, CardDrawing.WIDTH - 96 - 48), true, name);
    int y = 360;
    for (String line : wrap(tagline, 52, 5)) {
      card.text(96, y, "#e6e9ef", LINE, false, line);
      y += LINE + 14;
    }
    return card;
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
