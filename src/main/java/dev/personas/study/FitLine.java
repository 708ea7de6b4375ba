package dev.personas.study;

import dev.personas.classify.PersonaModel;
import dev.personas.classify.SessionInput;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The line between a dataset the population model can be fitted on and one too small for it
 * (a handful of one person's own sessions). Session types do not depend on the dataset; what a
 * fit takes from it is above all the persona model's population medians of behaviour rates, one
 * per rate over the people with at least {@link PersonaModel#MIN_SESSIONS} sessions, and the
 * validation (bootstrap refits, silhouettes). Below the line the build classifies against the
 * shipped model instead.
 */
public final class FitLine {
  /**
   * People with at least {@link PersonaModel#MIN_SESSIONS} sessions a fit needs. A person's
   * behaviour counts for a persona by the side of the population median they fall on, so the
   * median must be known better than the spread of the people around it: from 23 people on, the
   * distribution-free 95 % confidence interval of a median (order statistics k and n + 1 − k of
   * a binomial(n, ½) sign test) always lies inside the people's first and third quartiles; with
   * fewer it reaches past one of them (with 10 people it spans the 2nd to the 9th), and the
   * median says little about which side anyone is on.
   */
  public static final int MIN_PEOPLE = 23;

  private FitLine() {}

  /** True when enough people have enough sessions for a population fit of their own. */
  public static boolean enoughToFit(List<SessionInput> sessions) {
    Map<String, Integer> perPerson = new HashMap<>();
    sessions.forEach(s -> perPerson.merge(s.userId(), 1, Integer::sum));
    long established = perPerson.values().stream()
        .filter(n -> n >= PersonaModel.MIN_SESSIONS).count();
    return established >= MIN_PEOPLE;
  }

  /** Why no model was fitted: "3 sessions of 1 person are too few … (a fit needs …)". */
  public static String tooFew(int sessions, int persons) {
    return String.format(Locale.ROOT, "%d %s of %d %s %s too few to fit a population model"
            + " (a fit needs at least %d people with %d or more sessions)",
        sessions, sessions == 1 ? "session" : "sessions", persons,
        persons == 1 ? "person" : "people", sessions == 1 ? "is" : "are",
        MIN_PEOPLE, PersonaModel.MIN_SESSIONS);
  }

  /** The one sentence a build prints when it classified against the shipped model. */
  public static String notice(DatasetSummary dataset) {
    return tooFew(dataset.sessions(), dataset.persons())
        + ": classified against the shipped model fitted on the bundled sample; the figures"
        + " describe these sessions, the persona rules come from the sample.";
  }
}
