package dev.personas.classify;

import dev.personas.classify.PopulationStats.Distinctive;
import dev.personas.classify.PopulationStats.GroupProfile;
import dev.personas.classify.PopulationStats.Quartiles;
import dev.personas.classify.PopulationStats.Transitions;
import dev.personas.features.Feature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the {@link PopulationStats} of a labelled dataset. */
public final class PopulationSummarizer {
  /** How many distinctive features a type or persona profile lists. */
  static final int DISTINCTIVE = 5;

  private final Scaler scaler;

  /** A summarizer whose z-scores use {@code scaler}: that of the sessions it summarizes. */
  public PopulationSummarizer(Scaler scaler) {
    this.scaler = scaler;
  }

  /** Shares, profiles and transitions of the dataset under its labels. */
  public PopulationStats summarize(List<SessionInput> input, Labels labels) {
    List<SessionInput> sessions = new ArrayList<>(input);
    sessions.sort(Comparator.comparing(SessionInput::sessionId));
    int n = sessions.size();
    if (n == 0) {
      throw new IllegalArgumentException("no sessions to summarize");
    }

    Map<String, Double> typeShares = new TreeMap<>();
    Map<String, GroupProfile> typeProfiles = new TreeMap<>();
    for (SessionType t : SessionType.values()) {
      List<SessionInput> members = sessions.stream()
          .filter(s -> labels.sessions().get(s.sessionId()).type() == t).toList();
      typeShares.put(t.slug(), Numbers.fixed((double) members.size() / n));
      typeProfiles.put(t.slug(), profile(members.size(), members));
    }

    Map<String, Double> personaShares = new TreeMap<>();
    Map<String, GroupProfile> personaProfiles = new TreeMap<>();
    long established = labels.persons().values().stream().filter(r -> !r.provisional()).count();
    for (Persona p : Persona.values()) {
      List<String> users = labels.persons().values().stream()
          .filter(r -> !r.provisional() && r.persona() == p).map(PersonaResult::userId).toList();
      List<SessionInput> members =
          sessions.stream().filter(s -> users.contains(s.userId())).toList();
      personaShares.put(p.slug(),
          established == 0 ? 0 : Numbers.fixed((double) users.size() / established));
      personaProfiles.put(p.slug(), profile(users.size(), members));
    }

    return new PopulationStats(n, labels.persons().size(), (int) established, typeShares,
        personaShares, quartiles(sessions), typeProfiles, personaProfiles,
        transitions(sessions, labels));
  }

  private GroupProfile profile(int count, List<SessionInput> members) {
    if (members.isEmpty()) {
      return new GroupProfile(count, 0, Map.of(), List.of());
    }
    double[] meanZ = new double[Feature.values().length];
    for (SessionInput s : members) {
      double[] z = scaler.standardize(s.features());
      for (int j = 0; j < z.length; j++) {
        meanZ[j] += z[j] / members.size();
      }
    }
    List<Distinctive> distinctive = new ArrayList<>();
    for (Feature f : Feature.values()) {
      distinctive.add(new Distinctive(f.key(), Numbers.fixed(meanZ[f.ordinal()])));
    }
    distinctive.sort(Comparator.comparingDouble((Distinctive d) -> -Math.abs(d.meanZ()))
        .thenComparing(Distinctive::feature));
    return new GroupProfile(count, members.size(), quartiles(members),
        distinctive.subList(0, Math.min(DISTINCTIVE, distinctive.size())));
  }

  private static Map<String, Quartiles> quartiles(List<SessionInput> members) {
    Map<String, Quartiles> out = new TreeMap<>();
    for (Feature f : Feature.values()) {
      double[] v = new double[members.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = members.get(i).features().get(f);
      }
      Arrays.sort(v);
      out.put(f.key(), new Quartiles(Numbers.fixed(quantile(v, 0.25)),
          Numbers.fixed(quantile(v, 0.5)), Numbers.fixed(quantile(v, 0.75))));
    }
    return out;
  }

  /** Linear interpolation between order statistics (R's type 7), on sorted values. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static Transitions transitions(List<SessionInput> sessions, Labels labels) {
    int k = SessionType.values().length;
    int[][] counts = new int[k][k];
    Map<String, List<SessionInput>> byUser = new TreeMap<>();
    sessions.forEach(s -> byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s));
    Comparator<SessionInput> byStart = Comparator.comparing(SessionInput::start,
        Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
        .thenComparing(SessionInput::sessionId);
    for (List<SessionInput> own : byUser.values()) {
      own.sort(byStart);
      for (int i = 1; i < own.size(); i++) {
        int from = labels.sessions().get(own.get(i - 1).sessionId()).type().ordinal();
        int to = labels.sessions().get(own.get(i).sessionId()).type().ordinal();
        counts[from][to]++;
      }
    }
    double[][] shares = new double[k][k];
    List<String> slugs = new ArrayList<>();
    for (SessionType t : SessionType.values()) {
      slugs.add(t.slug());
      int row = Arrays.stream(counts[t.ordinal()]).sum();
      for (int j = 0; j < k; j++) {
        shares[t.ordinal()][j] = row == 0 ? 0 : Numbers.fixed((double) counts[t.ordinal()][j] / row);
      }
    }
    return new Transitions(slugs, counts, shares);
  }
}
