package dev.personas.site.figures;

import java.util.List;
import java.util.Objects;

/**
 * The method measured on real sessions that two readers labelled blind (the real corpus). The
 * targets are the project's (issue 13), not data.
 *
 * @param sessions labelled sessions in the corpus
 * @param people labelled people (three or more sessions each)
 * @param setAside labelled sessions in neither half (they share a held-out session's log)
 * @param readers the two readers against each other, over the sessions
 * @param readerKappa Cohen's kappa of the readers over the sessions
 * @param readerPeople the two readers against each other, over the people
 * @param readerPeopleKappa Cohen's kappa of the readers over the people
 * @param calibration the method against the decided types on the half its numbers were set on
 * @param heldOut the method against the decided types on the half it never saw
 * @param newPeople the method against the decided types on sessions of people it never saw
 * @param personas the method against the decided personas, each person left out of the fit
 * @param newPeoplePersonas {@code personas} on the people held out as a whole alone
 * @param personasFromReadersTypes the persona step alone, given the readers' session types
 * @param calibrationCertain {@code calibration} on the sessions whose type is not marked uncertain
 * @param calibrationUncertain {@code calibration} on the sessions marked uncertain
 * @param newPeopleCertain {@code newPeople} on the sessions whose type is not marked uncertain
 * @param newPeopleUncertain {@code newPeople} on the sessions marked uncertain
 * @param personasDecisive {@code personas} on the people the method judged decisively
 * @param personasBorderline {@code personas} on the people it called borderline
 * @param uncertainBelow the probability under which a session's type is marked uncertain
 * @param heldOutTarget held-out agreement the project aims for
 * @param personaTarget persona agreement the project aims for
 * @param rounds the figures round by round, in round order
 */
public record RealAgreement(int sessions, int people, int setAside, Measured readers, double readerKappa,
    Measured readerPeople, double readerPeopleKappa, Measured calibration, Measured heldOut,
    Measured newPeople, Measured personas, Measured newPeoplePersonas, Measured personasFromReadersTypes, Measured calibrationCertain,
    Measured calibrationUncertain, Measured newPeopleCertain, Measured newPeopleUncertain,
    Measured personasDecisive, Measured personasBorderline, double uncertainBelow, double heldOutTarget,
    double personaTarget, List<Round> rounds) {

  /**
   * One labelling round of the corpus.
   *
   * @param round the round (1 on)
   * @param heldOutAsWhole whether its people were held out as a whole (its session figures are then
   *     out of sample)
   * @param sessions the method against the decided types on the round's sessions
   * @param personas the method against the decided personas of the people judged from the round,
   *     each left out of the fit
   * @param personasFromReadersTypes the same people, the persona step given the readers' types
   */
  public record Round(int round, boolean heldOutAsWhole, Measured sessions, Measured personas,
      Measured personasFromReadersTypes) {
    public Round {
      if (round < 1) {
        throw new IllegalArgumentException("rounds count from 1: " + round);
      }
      Objects.requireNonNull(sessions, "sessions");
      Objects.requireNonNull(personas, "personas");
      Objects.requireNonNull(personasFromReadersTypes, "personasFromReadersTypes");
    }
  }

  /**
   * One agreement figure with its 95 % Wilson interval and confusion matrix.
   *
   * @param items sessions or people compared
   * @param hits how many agreed
   * @param accuracy hits / items
   * @param low lower end of the 95 % interval
   * @param high upper end of the 95 % interval
   * @param confusion [readers' label][method's label] counts
   */
  public record Measured(int items, int hits, double accuracy, double low, double high,
      ConfusionMatrix confusion) {
    public Measured {
      Check.count(items, "items");
      Check.count(hits, "hits");
      Check.share(accuracy, "accuracy");
      Check.share(low, "low");
      Check.share(high, "high");
      Objects.requireNonNull(confusion, "confusion");
    }
  }

  public RealAgreement {
    Check.count(setAside, "setAside");
    Objects.requireNonNull(readers, "readers");
    Objects.requireNonNull(readerPeople, "readerPeople");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(heldOut, "heldOut");
    Objects.requireNonNull(newPeople, "newPeople");
    Objects.requireNonNull(newPeoplePersonas, "newPeoplePersonas");
    Objects.requireNonNull(personas, "personas");
    Objects.requireNonNull(calibrationCertain, "calibrationCertain");
    Objects.requireNonNull(calibrationUncertain, "calibrationUncertain");
    Objects.requireNonNull(newPeopleCertain, "newPeopleCertain");
    Objects.requireNonNull(newPeopleUncertain, "newPeopleUncertain");
    Objects.requireNonNull(personasDecisive, "personasDecisive");
    Objects.requireNonNull(personasBorderline, "personasBorderline");
    Check.share(uncertainBelow, "uncertainBelow");
    rounds = List.copyOf(rounds);
  }
}
