package dev.personas.site;

import dev.personas.classify.Persona;
import dev.personas.classify.PersonaMap;
import dev.personas.site.figures.PersonalDepth;
import java.util.List;
import java.util.Locale;

/**
 * The persona map as inline SVG: the six personas with a pattern on a hexagon, the Journeyman
 * at its centre, the population's persons as faint dots and the reader as one marked point.
 * Drawn by the build, not by script, so it shows without JavaScript; its colours come from the
 * stylesheet (classes only: the pages' security policy forbids style attributes), so light and
 * dark mode both work. Every text in it is a persona name: nothing from a log.
 */
final class PersonaMapSvg {
  private PersonaMapSvg() {}

  static String svg(PersonalDepth.MapPlot map, Persona persona, Persona shadow, String description) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"persona-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-2.1 -1.3 4.2 2.6\" role=\"img\" ")
        .append("aria-labelledby=\"persona-map-title\">\n");
    svg.append("<title id=\"persona-map-title\">").append(ShareCardRenderer.escape(description)).append("</title>\n");
    StringBuilder hexagon = new StringBuilder();
    for (Persona p : Persona.values()) {
      if (p != Persona.MULTI_MODE_JOURNEYMAN) {
        double[] a = PersonaMap.anchor(p);
        hexagon.append(hexagon.length() == 0 ? "" : " ").append(n(a[0])).append(',').append(n(-a[1]));
      }
    }
    svg.append("<polygon class=\"map-frame\" points=\"").append(hexagon).append("\"/>\n");
    svg.append("<g class=\"map-population\">");
    for (double[] p : map.population()) {
      svg.append("<circle cx=\"").append(n(p[0])).append("\" cy=\"").append(n(-p[1])).append("\" r=\"0.022\"/>");
    }
    svg.append("</g>\n");
    for (Persona p : Persona.values()) {
      double[] a = PersonaMap.anchor(p);
      String kind = p == persona ? " map-yours" : p == shadow ? " map-shadow" : "";
      svg.append("<circle class=\"map-anchor").append(kind).append("\" cx=\"").append(n(a[0])).append("\" cy=\"")
          .append(n(-a[1])).append("\" r=\"0.035\"/>\n");
      // Labels sit outside their corner; the centre's below its dot.
      double lx = a[0] * 1.12;
      double ly = p == Persona.MULTI_MODE_JOURNEYMAN ? 0.13 : -a[1] * 1.12 + (a[1] < -0.1 ? 0.09 : a[1] > 0.9 ? -0.02 : 0.03);
      String anchor = a[0] > 0.1 ? "start" : a[0] < -0.1 ? "end" : "middle";
      svg.append("<text class=\"map-label").append(kind).append("\" x=\"").append(n(lx)).append("\" y=\"").append(n(ly))
          .append("\" text-anchor=\"").append(anchor).append("\">")
          .append(ShareCardRenderer.escape(p.displayName().replaceFirst("^The ", ""))).append("</text>\n");
    }
    double[] you = map.you();
    svg.append("<circle class=\"map-you\" cx=\"").append(n(you[0])).append("\" cy=\"").append(n(-you[1]))
        .append("\" r=\"0.06\"/>\n");
    svg.append("<text class=\"map-you-label\" x=\"").append(n(you[0] + 0.09)).append("\" y=\"").append(n(-you[1] - 0.07))
        .append("\">You</text>\n");
    svg.append("</svg>");
    return svg.toString();
  }

  private static String n(double v) {
    String text = String.format(Locale.ROOT, "%.3f", v);
    return text.equals("-0.000") ? "0.000" : text;
  }

  /** The seven scores as table rows: persona name, score as a percentage. */
  static List<List<String>> rows(List<Double> scores) {
    return java.util.Arrays.stream(Persona.values())
        .map(p -> List.of(p.displayName(), Format.percent(scores.get(p.ordinal())))).toList();
  }
}
