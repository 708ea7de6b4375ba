package dev.personas.site;

import java.util.List;

/**
 * A person's share card (SVG, 1200 × 630, the Open Graph size): the site's name, the persona's
 * name and tagline, and the person's three defining traits as authored short lines. Nothing
 * else: no number, no date, no text from a log. All text is escaped for XML.
 */
final class PersonalCard {
  private PersonalCard() {}

  static String svg(String site, String persona, String tagline, List<String> traits) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" ")
        .append("role=\"img\" aria-label=\"").append(ShareCardRenderer.escape("My coding persona: " + persona + ". "
            + tagline + " " + String.join(". ", traits) + ".")).append("\">\n");
    svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#0f1217\"/>\n");
    svg.append("  <rect x=\"0\" y=\"0\" width=\"24\" height=\"100%\" fill=\"#8ab4f8\"/>\n");
    text(svg, 96, 110, "#aab2bf", 30, "", site + " \u00b7 my coding persona");
    text(svg, 96, 210, "#ffffff", 72, " font-weight=\"700\"", persona);
    int y = 280;
    for (String line : ShareCardRenderer.wrap(tagline, 60, 2)) {
      text(svg, 96, y, "#e6e9ef", 32, "", line);
      y += 44;
    }
    y = Math.max(y + 40, 420);
    for (String trait : traits) {
      svg.append("  <circle cx=\"110\" cy=\"").append(y - 10).append("\" r=\"8\" fill=\"#8ab4f8\"/>\n");
      text(svg, 136, y, "#e6e9ef", 32, "", trait);
      y += 56;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void text(StringBuilder svg, int x, int y, String fill, int size, String extra, String text) {
    svg.append("  <text x=\"").append(x).append("\" y=\"").append(y).append("\" fill=\"").append(fill)
        .append("\" font-family=\"system-ui, sans-serif\" font-size=\"").append(size).append('"').append(extra).append('>')
        .append(ShareCardRenderer.escape(text)).append("</text>\n");
  }
}
