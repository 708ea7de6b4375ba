package dev.personas.me;

import dev.personas.classify.BehaviourRate;
import dev.personas.classify.Cohort;
import dev.personas.classify.Model;
import dev.personas.classify.Outcomes;
import dev.personas.classify.Persona;
import dev.personas.classify.PersonaMap;
import dev.personas.classify.PersonaModel;
import dev.personas.classify.SessionType;
import dev.personas.features.FeatureVector;
import dev.personas.site.figures.PersonalDepth;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes a person's {@link PersonalDepth} from their result and the model alone (its persona
 * model and its published cohort): nothing else is read, so the in-browser page can port it
 * exactly. Each step is described where it is computed; the README repeats it.
 */
public final class DepthAnalyzer {
  /** Logs spanning more than this many days get a month-by-month trend. */
  static final int TREND_DAYS = 28;
  private static final double MIN_SCALE = 0.05;

  private final PersonaModel personas;
  private final Cohort cohort;

  public DepthAnalyzer(Model model) {
    this.personas = model.personas();
    this.cohort = model.cohort();
  }

  /** Everything deeper the page shows for this result (its own depth, if any, is ignored). */
  public PersonalDepth analyse(MeResult result) {
    List<FeatureVector> features = result.sessions().stream()
        .map(s -> new FeatureVector("s", s.features().stream().mapToDouble(Double::doubleValue).toArray())).toList();
    double[] rates = BehaviourRate.ofFeatures(features);
    double[] scores = result.scores().stream().mapToDouble(Double::doubleValue).toArray();
    List<PersonalDepth.Measure> measures = measures(result.persona(), rates);
    return new PersonalDepth(
        new PersonalDepth.MapPlot(PersonaMap.project(scores), result.scores(), cohort.points()),
        fit(result, scores),
        new PersonalDepth.Shadow(result.runnerUp().slug(), scores[result.runnerUp().ordinal()],
            scores[result.persona().ordinal()], axis(result, rates)),
        measures,
        traits(result.persona(), measures),
        outcomes(result.persona(), features),
        moves(result.persona(), rates, measures),
        trend(result.sessions()));
  }

  /**
   * Decisive when the classifier called the persona decisive (score and margin over the model's
   * thresholds); otherwise borderline when the two highest scores lie less than half the
   * model's minimum margin apart, typical in between.
   */
  private PersonalDepth.Fit fit(MeResult result, double[] scores) {
    Integer[] order = byScore(scores);
    Persona best = Persona.values()[order[0]];
    Persona second = Persona.values()[order[1]];
    double margin = scores[order[0]] - scores[order[1]];
    String word = result.decisive() ? "decisive" : margin < personas.minMargin() / 2 ? "borderline" : "typical";
    return new PersonalDepth.Fit(word, best.slug(), scores[order[0]], second.slug(), scores[order[1]]);
  }

  // Persona indices by score, highest first; ties keep persona order.
  private static Integer[] byScore(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    return order;
  }

  /**
   * The persona classifier's log-odds of persona A over shadow B is a sum of terms (see
   * PersonaModel): ln prior_A − ln prior_B; per session type t, n_t·(ln proto_A[t] − ln
   * proto_B[t]) with n_t the person's sessions of type t; per behaviour rate r,
   * w·(agree_A[r]/K_A − agree_B[r]/K_B), where K is the persona's count of signature rates,
   * agree is 1 on the signed side of the median, ½ on it, 0 otherwise (and the term is 0 for a
   * persona without a stance on r). The axis is the type or rate term of largest absolute
   * value (the prior is no axis); ties go to the first, types before rates.
   */
  private PersonalDepth.Axis axis(MeResult result, double[] rates) {
    Persona a = result.persona();
    Persona b = result.runnerUp();
    double[] protoA = personas.prototypes().get(a.slug());
    double[] protoB = personas.prototypes().get(b.slug());
    PersonalDepth.Axis best = null;
    for (SessionType t : SessionType.values()) {
      long count = result.sessions().stream().filter(s -> s.type() == t).count();
      double pull = count * (Math.log(protoA[t.ordinal()]) - Math.log(protoB[t.ordinal()]));
      if (best == null || Math.abs(pull) > Math.abs(best.pull())) {
        best = new PersonalDepth.Axis("type", t.slug(), (double) count / result.sessions().size(), protoA[t.ordinal()],
            protoB[t.ordinal()], result.populationMix().get(t.ordinal()), pull);
      }
    }
    double[] signA = personas.signatures().get(a.slug());
    double[] signB = personas.signatures().get(b.slug());
    double[] medians = personas.rateMedians();
    for (BehaviourRate r : BehaviourRate.values()) {
      int i = r.ordinal();
      double pull = personas.behaviourWeight() * (agree(signA, rates, medians, i) - agree(signB, rates, medians, i));
      if (Math.abs(pull) > Math.abs(best.pull())) {
        best = new PersonalDepth.Axis("rate", r.key(), rates[i], signA[i], signB[i], medians[i], pull);
      }
    }
    return best;
  }

  // One rate's share of a persona's behaviour score: agreement over its count of signature rates.
  private static double agree(double[] signs, double[] rates, double[] medians, int i) {
    if (signs[i] == 0) {
      return 0;
    }
    long stances = java.util.Arrays.stream(signs).filter(s -> s != 0).count();
    double side = Math.signum(signs[i] * (rates[i] - medians[i]));
    return (side > 0 ? 1 : side == 0 ? 0.5 : 0) / stances;
  }

  /** Every rate against the cohort: scale = q3 − q1, or max(|median|, 0.05) when that is 0. */
  private List<PersonalDepth.Measure> measures(Persona persona, double[] rates) {
    List<PersonalDepth.Measure> measures = new ArrayList<>();
    for (BehaviourRate r : BehaviourRate.values()) {
      Cohort.Spread spread = cohort.rates().get(r.key());
      double scale = spread.q3() - spread.q1() > 0 ? spread.q3() - spread.q1() : Math.max(Math.abs(spread.median()), MIN_SCALE);
      Double personaMedian = cohort.personaRate(persona, r).isPresent() ? cohort.personaRate(persona, r).getAsDouble() : null;
      measures.add(new PersonalDepth.Measure(r.key(), rates[r.ordinal()], personaMedian, spread.median(), spread.q1(),
          spread.q3(), scale, (rates[r.ordinal()] - spread.median()) / scale));
    }
    return measures;
  }

  /**
   * Two strengths: the rates with the largest |z| among those where the person lies on the
   * persona's side of everyone's median (the persona's median's side, else the sign of its
   * signature), then, if fewer than two, among the rest with z ≠ 0. One contrast: among the
   * remaining rates, the largest |yours − persona's median| / scale (everyone's median when
   * the persona has no persons). Ties go to the rate listed first.
   */
  private List<PersonalDepth.Trait> traits(Persona persona, List<PersonalDepth.Measure> measures) {
    double[] signature = personas.signatures().get(persona.slug());
    List<PersonalDepth.Measure> typical = new ArrayList<>();
    List<PersonalDepth.Measure> other = new ArrayList<>();
    for (int i = 0; i < measures.size(); i++) {
      PersonalDepth.Measure m = measures.get(i);
      double side = m.persona() != null && m.persona() != m.everyone() ? Math.signum(m.persona() - m.everyone())
          : Math.signum(signature[i]);
      if (m.z() != 0 && side != 0 && Math.signum(m.z()) == side) {
        typical.add(m);
      } else if (m.z() != 0) {
        other.add(m);
      }
    }
    Comparator<PersonalDepth.Measure> farthest = Comparator.comparingDouble(m -> -Math.abs(m.z()));
    typical.sort(farthest);
    other.sort(farthest);
    List<PersonalDepth.Measure> strengths = new ArrayList<>(typical.subList(0, Math.min(2, typical.size())));
    for (int i = 0; strengths.size() < 2 && i < other.size(); i++) {
      strengths.add(other.get(i));
    }
    List<PersonalDepth.Trait> traits = new ArrayList<>();
    strengths.forEach(m -> traits.add(new PersonalDepth.Trait(m.rate(), "strength", m.z() > 0)));
    measures.stream().filter(m -> !strengths.contains(m))
        .min(Comparator.comparingDouble(m -> -Math.abs(m.yours() - reference(m)) / m.scale()))
        .ifPresent(m -> traits.add(new PersonalDepth.Trait(m.rate(), "contrast", m.yours() > reference(m))));
    return traits;
  }

  private static double reference(PersonalDepth.Measure m) {
    return m.persona() != null ? m.persona() : m.everyone();
  }

  /** The person's sessions against the cohort's published outcomes. */
  private PersonalDepth.OutcomeRow outcomes(Persona persona, List<FeatureVector> features) {
    return new PersonalDepth.OutcomeRow(ending(Outcomes.of(features)),
        Optional.ofNullable(cohort.outcomes().get(persona.slug())).map(DepthAnalyzer::ending).orElse(null),
        ending(cohort.outcomes().get(Cohort.EVERYONE)));
  }

  private static PersonalDepth.Ending ending(Outcomes o) {
    return new PersonalDepth.Ending(o.sessions(), o.agentCommit(), o.testsPassing(), o.afterError());
  }

  /**
   * Candidates are (persona P, rate r) with P neither the person's persona nor the Journeyman,
   * P's signature sign s ≠ 0 on r, and s not opposite to the person's own persona's sign on r
   * (a move that would undo what defines their persona is no advice). P's stand on r is its median among its persons, else
   * everyone's q3 (s &gt; 0) or q1 (s &lt; 0). gap = s·(stand − yours)/scale: how far the
   * person is from P's side. The first move is the largest positive gap (ties: persona order,
   * then rate order); the second the next largest with another persona and another rate.
   */
  private List<PersonalDepth.Move> moves(Persona persona, double[] rates, List<PersonalDepth.Measure> measures) {
    List<PersonalDepth.Move> candidates = new ArrayList<>();
    for (Persona p : Persona.values()) {
      if (p == persona || p == Persona.MULTI_MODE_JOURNEYMAN) {
        continue;
      }
      double[] signs = personas.signatures().get(p.slug());
      double[] own = personas.signatures().get(persona.slug());
      for (BehaviourRate r : BehaviourRate.values()) {
        double s = signs[r.ordinal()];
        if (s == 0 || s * own[r.ordinal()] < 0) {
          continue;
        }
        PersonalDepth.Measure m = measures.get(r.ordinal());
        double stand = cohort.personaRate(p, r).orElse(s > 0 ? m.q3() : m.q1());
        double gap = s * (stand - rates[r.ordinal()]) / m.scale();
        if (gap > 0) {
          candidates.add(new PersonalDepth.Move(p.slug(), r.key(), gap));
        }
      }
    }
    // Stable sort: equal gaps keep persona order, then rate order.
    candidates.sort(Comparator.comparingDouble(m -> -m.gap()));
    List<PersonalDepth.Move> chosen = new ArrayList<>();
    for (PersonalDepth.Move m : candidates) {
      if (chosen.isEmpty() || (!chosen.get(0).from().equals(m.from()) && !chosen.get(0).rate().equals(m.rate()))) {
        chosen.add(m);
      }
      if (chosen.size() == 2) {
        break;
      }
    }
    return chosen;
  }

  /**
   * Month by month (UTC calendar months, empty months included) from the first to the last
   * dated session, when those are more than {@value #TREND_DAYS} days apart; undated sessions
   * (shown on 1970-01-01) are left out.
   */
  static List<PersonalDepth.Month> trend(List<MeResult.MeSession> sessions) {
    List<MeResult.MeSession> dated = sessions.stream().filter(MeResult.MeSession::dated).toList();
    if (dated.isEmpty()) {
      return List.of();
    }
    LocalDate first = dated.stream().map(MeResult.MeSession::date).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = dated.stream().map(MeResult.MeSession::date).max(Comparator.naturalOrder()).orElseThrow();
    if (java.time.temporal.ChronoUnit.DAYS.between(first, last) <= TREND_DAYS) {
      return List.of();
    }
    List<PersonalDepth.Month> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
      YearMonth month = m;
      int[] types = new int[SessionType.values().length];
      List<MeResult.MeSession> in = dated.stream().filter(s -> YearMonth.from(s.date()).equals(month)).toList();
      in.forEach(s -> types[s.type().ordinal()]++);
      months.add(new PersonalDepth.Month(month.toString(), in.size(), types));
    }
    return months;
  }
}
