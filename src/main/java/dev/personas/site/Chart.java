package dev.personas.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chart and its text alternative, made from the same numbers. Pages write {@link #json()}
 * into a canvas's {@code data-chart} attribute (static/js/charts.js draws it) and {@link #rows()}
 * into the table beside it, so the two cannot drift apart.
 *
 * @param id a page-unique id, for the table's caption link
 * @param kind "bar" (horizontal bars, one group per label) or "timeline" (marks along minutes)
 * @param title the chart's heading
 * @param summary one sentence saying what the chart shows, the canvas's accessible name
 * @param unit how values read: "percent", "number", "signed" or "minutes"
 * @param labelHeader the table header of the label column
 * @param labels the categories (bars) or lanes (timeline), in display order
 * @param series the plotted values; for a bar chart one value per label
 * @param texts the table's cells for each series, values as the page prints them
 * @param reference a value drawn as a line (a target), or null
 */
public record Chart(
    String id,
    String kind,
    String title,
    String summary,
    String unit,
    String labelHeader,
    List<String> labels,
    List<Series> series,
    List<List<String>> texts,
    Double reference) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Chart {
    Objects.requireNonNull(id, "id");
    if (!kind.equals("bar") && !kind.equals("timeline")) {
      throw new IllegalArgumentException("A chart is a bar chart or a timeline, not " + kind);
    }
    labels = List.copyOf(labels);
    series = List.copyOf(series);
    texts = texts.stream().map(List::copyOf).toList();
    if (texts.size() != series.size()) {
      throw new IllegalArgumentException("One row of table text per series");
    }
  }

  /**
   * One plotted series.
   *
   * @param name its legend entry and table header
   * @param colour the index of its colour in the site's chart palette (CSS --chart-N)
   * @param values the bar values, one per label (bar charts)
   * @param points the marks (timelines): x in minutes, y the lane's label
   */
  public record Series(String name, int colour, List<Double> values, List<Point> points) {
    public Series {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
      points = List.copyOf(points);
    }
  }

  /** A mark on a timeline: minute x in lane y. */
  public record Point(double x, String y) {}

  /** A bar chart: one value per label in each series, with the text the table prints for each. */
  public static Chart bars(String id, String title, String summary, String unit, String labelHeader,
      List<String> labels, List<Series> series, List<List<String>> texts, Double reference) {
    for (Series s : series) {
      if (s.values().size() != labels.size()) {
        throw new IllegalArgumentException("Series " + s.name() + " of chart " + id + " has " + s.values().size() + " values for " + labels.size() + " labels");
      }
    }
    return new Chart(id, "bar", title, summary, unit, labelHeader, labels, series, texts, reference);
  }

  /** The chart as the JSON that static/js/charts.js reads. */
  public String json() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("kind", kind);
    spec.put("unit", unit);
    spec.put("labels", labels);
    List<Map<String, Object>> sets = new ArrayList<>();
    for (Series s : series) {
      Map<String, Object> set = new LinkedHashMap<>();
      set.put("name", s.name());
      set.put("colour", s.colour());
      if (kind.equals("bar")) {
        set.put("values", s.values());
      } else {
        // A record, not Map.of: Map.of's iteration order changes between runs, the output must not.
        set.put("points", s.points());
      }
      sets.add(set);
    }
    spec.put("series", sets);
    if (reference != null) {
      spec.put("reference", reference);
    }
    try {
      return JSON.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A chart spec is plain data and always serialises", e);
    }
  }

  /** The table rows of a bar chart: the label, then one cell per series. */
  public List<List<String>> rows() {
    if (!kind.equals("bar")) {
      throw new IllegalStateException("A timeline's table is its list of marks: use marks()");
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(labels.get(i));
      for (List<String> column : texts) {
        row.add(column.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The table rows of a timeline: minute and kind of every mark, in time order. */
  public List<List<String>> marks() {
    List<String[]> all = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      List<Point> points = series.get(s).points();
      for (int i = 0; i < points.size(); i++) {
        all.add(new String[] {texts.get(s).get(i), points.get(i).y(), String.valueOf(points.get(i).x())});
      }
    }
    // Stable: marks at the same minute keep series order.
    all.sort(java.util.Comparator.comparingDouble(a -> Double.parseDouble(a[2])));
    return all.stream().map(a -> List.of(a[0], a[1])).toList();
  }

  /** The table header: the label column, then one column per series. */
  public List<String> headers() {
    List<String> headers = new ArrayList<>();
    headers.add(labelHeader);
    series.forEach(s -> headers.add(s.name()));
    return headers;
  }
}
