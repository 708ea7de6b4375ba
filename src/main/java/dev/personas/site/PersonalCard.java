package dev.personas.site;

import java.util.List;

/**
 * A person's share card (SVG and PNG, 1200 × 630, the Open Graph size): the site's name, the persona's
 * name and tagline, and the person's three defining traits as authored short lines. Nothing
 * else: no number, no date, no text from a log. All text is escaped for XML.
 */
final class PersonalCard {
  private PersonalCard() {}

  static String svg(String site, String persona, String tagline, List<String> traits) {
    return drawing(site, persona, tagline, traits).svg();
  }

  /** The card's drawing steps, written as SVG and as PNG. */
  static CardDrawing drawing(String site, String persona, String tagline, List<String> traits) {
    CardDrawing card = new CardDrawing("My coding persona: " + persona + ". " + tagline + " "
        + String.join(". ", traits) + ".")
        .fill("#0f1217")
        .band(0, 24, "#8ab4f8")
        .text(96, 110, "#aab2bf", 30, false, site + " \u00b7 my coding persona")
        .text(96, 210, "#ffffff", CardDrawing.fit(persona, 72, CardDrawing.WIDTH - 96 - 48), true, persona);
    int y = 280;
    for (String line : ShareCardRenderer.wrap(tagline, 60, 2)) {
      card.text(96, y, "#e6e9ef", 32, false, line);
      y += 44;
    }
    y = Math.max(y + 40, 420);
    for (String trait : traits) {
      card.dot(110, y - 10, 8, "#8ab4f8").text(136, y, "#e6e9ef", 32, false, trait);
      y += 56;
    }
    return card;
  }
}
