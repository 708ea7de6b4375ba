package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import dev.personas.classify.PersonaResult;
import dev.personas.classify.SessionInput;
import dev.personas.sample.SampleGenerator;
import dev.personas.sample.SampleOptions;
import dev.personas.site.TestSite;
import dev.personas.study.Sources;
import dev.personas.study.Studies;
import dev.personas.study.Study;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `personas build --dataset` on a generated release in SWE-chat's v2 layout (four tables, the
 * authors' annotations, a machine-generated repository, sessions without conversation rows):
 * what the summary says was left out, and every number of the annotation charts, recomputed
 * here from the Parquet files themselves and the build's own labels.
 */
class SweChatReleaseBuildTest {
  @TempDir static Path temp;
  static Path release;
  static TestSite site;
  static String out;
  static Study study;

  @BeforeAll
  static void build() throws IOException {
    release = temp.resolve("release");
    new SampleGenerator(new SampleOptions(700, 36, 24, 5L)).generate(release);
    site = TestSite.copyInto(temp.resolve("sources"));
    StringWriter stdout = new StringWriter();
    int code = App.commandLine(new PrintWriter(stdout, true), new PrintWriter(new StringWriter(), true))
        .execute("build", "--dataset", release.toString(),
            "--content", temp.resolve("sources/content").toString(),
            "--templates", temp.resolve("sources/templates").toString(),
            "--static", temp.resolve("sources/static").toString(),
            "--out", site.out().toString());
    assertEquals(ExitCode.OK, code, stdout.toString());
    out = stdout.toString();
    // The same dataset gives the same study: this is the build's own, not a second analysis.
    study = Studies.run(Sources.dataset(release, Optional.empty()), message -> { });
  }

  /** Every row of a Parquet table as column name to value (strings as text), read directly. */
  private static List<Map<String, Object>> rows(String table) throws IOException {
    Hydrator<Map<String, Object>, Map<String, Object>, String> hydrator = new Hydrator<>() {
      @Override
      public Map<String, Object> start() {
        return new HashMap<>();
      }

      @Override
      public Map<String, Object> add(Map<String, Object> row, String column, Object value) {
        row.put(column, value instanceof org.apache.parquet.io.api.Binary b ? b.toStringUsingUTF8() : value);
        return row;
      }

      @Override
      public Map<String, Object> finish(Map<String, Object> row) {
        return row;
      }
    };
    try (Stream<Map<String, Object>> s = ParquetReader.streamContent(release.resolve(table + ".parquet").toFile(), hydrator, path -> String.join(".", path))) {
      return s.toList();
    }
  }

  @Test
  void theV2LayoutIsThereAndTheSummaryCountsWhatThePaperLeavesOut() throws IOException {
    for (String table : List.of("repositories", "sessions", "checkpoints", "conversations")) {
      assertTrue(Files.exists(release.resolve(table + ".parquet")), table);
    }
    String nimbusId = rows("repositories").stream().filter(r -> "dayhaysoos/nimbus".equals(r.get("name")))
        .map(r -> (String) r.get("repo_id")).findFirst().orElseThrow();
    Set<String> withRows = new HashSet<>();
    rows("conversations").forEach(r -> withRows.add((String) r.get("session_id")));
    List<Map<String, Object>> sessions = rows("sessions");
    long nimbus = sessions.stream().filter(r -> nimbusId.equals(r.get("repo_id"))).count();
    long noRows = sessions.stream()
        .filter(r -> !nimbusId.equals(r.get("repo_id")) && !withRows.contains((String) r.get("session_id"))).count();
    assertTrue(nimbus > 0 && noRows > 0, nimbus + " " + noRows);
    long kept = sessions.size() - nimbus - noRows;
    assertTrue(out.startsWith("Read " + kept + " sessions of "), out);
    assertTrue(out.contains("left out as the SWE-chat paper does: " + nimbus + " sessions of dayhaysoos/nimbus"
        + " (machine-generated prompts), " + noRows + " sessions without conversation rows (build and classify keep them with --keep-excluded)"), out);
    assertEquals(kept, study.sessions().size());
    Document data = page("data/index.html");
    assertEquals(List.of(nimbus + " sessions of dayhaysoos/nimbus (machine-generated prompts)",
        noRows + " sessions without conversation rows"), data.select("#left-out ~ ul li").eachText());
  }

  @Test
  void everyAnnotationChartCountsWhatTheTablesSay() throws IOException {
    Map<String, Map<String, Object>> sessions = new TreeMap<>();
    rows("sessions").forEach(r -> sessions.put((String) r.get("session_id"), r));
    Map<String, Map<String, Integer>> intents = new HashMap<>();
    for (Map<String, Object> r : rows("conversations")) {
      if (r.get("prompt_intent") != null) {
        intents.computeIfAbsent((String) r.get("session_id"), k -> new HashMap<>())
            .merge((String) r.get("prompt_intent"), 1, Integer::sum);
      }
    }
    // Expected counts by row label ("One-shot", "The Showrunner", "All sessions") and column.
    Map<String, Map<String, Integer>> modeByType = new HashMap<>();
    Map<String, Map<String, Integer>> modeByPersona = new HashMap<>();
    Map<String, Map<String, Integer>> userByPersona = new HashMap<>();
    Map<String, Map<String, Integer>> intentByType = new HashMap<>();
    Map<String, List<Double>> successByType = new HashMap<>();
    for (SessionInput s : study.sessions()) {
      Map<String, Object> row = sessions.get(s.sessionId());
      String type = study.labels().sessions().get(s.sessionId()).type().displayName();
      PersonaResult person = study.labels().persons().get(s.userId());
      List<String> typeRows = List.of(type, "All sessions");
      List<String> personaRows = person != null && !person.provisional()
          ? List.of(person.persona().displayName(), "All sessions") : List.of("All sessions");
      double agent = ((Number) row.get("agent_percentage")).doubleValue();
      String mode = agent == 0 ? "Human-only" : agent >= 99 ? "Vibe coding" : "Collaborative";
      typeRows.forEach(t -> modeByType.computeIfAbsent(t, k -> new HashMap<>()).merge(mode, 1, Integer::sum));
      personaRows.forEach(p -> modeByPersona.computeIfAbsent(p, k -> new HashMap<>()).merge(mode, 1, Integer::sum));
      String userPersona = (String) row.get("user_persona");
      personaRows.forEach(p -> userByPersona.computeIfAbsent(p, k -> new HashMap<>()).merge(userPersona, 1, Integer::sum));
      double success = ((Number) row.get("session_success")).doubleValue();
      typeRows.forEach(t -> successByType.computeIfAbsent(t, k -> new ArrayList<>()).add(success));
      intents.getOrDefault(s.sessionId(), Map.of()).forEach((intent, n) ->
          typeRows.forEach(t -> intentByType.computeIfAbsent(t, k -> new HashMap<>()).merge(intent, n, Integer::sum)));
    }
    Document data = page("data/index.html");
    assertEquals(modeByType, counts(data.getElementById("chart-coding-mode-types")));
    assertEquals(modeByPersona, counts(data.getElementById("chart-coding-mode-personas")));
    assertEquals(userByPersona, counts(data.getElementById("chart-user-personas-personas")));

    // Success: the mean score and "n of N" scoring 50 or more, per type.
    Element success = data.getElementById("chart-success-types");
    for (Element tr : success.select("tbody tr")) {
      List<Double> scores = successByType.get(tr.child(0).text());
      double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertEquals(mean, Double.parseDouble(tr.child(1).text()), 0.051, tr.text());
      assertTrue(tr.child(2).text().endsWith(" of " + scores.size()), tr.text());
      double half = scores.stream().filter(v -> v >= 50).count() / (double) scores.size();
      assertEquals(100 * half, Double.parseDouble(tr.child(2).text().split(" ")[0]), 0.051, tr.text());
    }

    // Intents: shares of each type's prompts, and the number of prompts.
    Element table = data.getElementById("table-intents-types");
    List<String> headers = table.select("thead th").eachText();
    for (Element tr : table.select("tbody tr")) {
      Map<String, Integer> expected = intentByType.getOrDefault(tr.child(0).text(), Map.of());
      int total = expected.values().stream().mapToInt(Integer::intValue).sum();
      assertEquals(String.format("%,d", total), tr.child(headers.size() - 1).text(), tr.text());
      for (int c = 1; c < headers.size() - 1; c++) {
        double share = total == 0 ? 0 : 100.0 * expected.getOrDefault(headers.get(c), 0) / total;
        assertEquals(share, Double.parseDouble(tr.child(c).text().replace(" %", "")), 0.051, tr.text() + " " + headers.get(c));
      }
    }

    // A type page sets its own row beside all sessions.
    Document consult = page("session-types/consult/index.html");
    Map<String, Map<String, Integer>> beside = counts(consult.getElementById("chart-coding-mode"));
    assertEquals(modeByType.getOrDefault("Consult", Map.of()), beside.get("Consult"));
    assertEquals(modeByType.get("All sessions"), beside.get("All sessions"));
  }

  private static final Pattern COUNT = Pattern.compile("\\(([\\d,]+)\\)$");

  /**
   * The counts in a chart's table, "20.0 % (14)" read as 14: by row label then column for a
   * chart of rows, by series then label for a chart beside all sessions. Zero counts are left out.
   */
  private static Map<String, Map<String, Integer>> counts(Element figure) {
    List<String> headers = figure.select("thead th").eachText();
    boolean besideAll = headers.contains("All sessions");
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Element tr : figure.select("tbody tr")) {
      for (int c = 1; c < headers.size(); c++) {
        Matcher m = COUNT.matcher(tr.child(c).text());
        assertTrue(m.find(), tr.text());
        int n = Integer.parseInt(m.group(1).replace(",", ""));
        if (n > 0) {
          String row = besideAll ? headers.get(c) : tr.child(0).text();
          String column = besideAll ? tr.child(0).text() : headers.get(c);
          counts.computeIfAbsent(row, k -> new HashMap<>()).put(column, n);
        }
      }
    }
    return counts;
  }

  private static Document page(String relative) throws IOException {
    return Jsoup.parse(site.out().resolve(relative).toFile(), "UTF-8");
  }
}
