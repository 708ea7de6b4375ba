package dev.personas.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The method measured on real sessions labelled blind (the real corpus): how often it gives the
 * readers' type on the calibration half its numbers were set on and on the held-out half it never
 * saw, how often it gives the readers' persona when that person's sessions are left out of the
 * fit, and how often the two readers agreed with each other (the ceiling).
 *
 * @param sessions labelled sessions in the corpus
 * @param people labelled people (three or more sessions)
 * @param setAside labelled sessions in neither half: they share a held-out session's log
 * @param readerSessions sessions both readers labelled and how often they agreed
 * @param readerKappa Cohen's kappa of the two readers over the sessions
 * @param readerPeople people both readers labelled and how often they agreed
 * @param readerPeopleKappa Cohen's kappa of the two readers over the people
 * @param calibration the method against the decided types on the calibration half
 * @param heldOut the method against the decided types on the held-out half
 * @param newPeople the method against the decided types on the sessions of people held out as a
 *     whole (none of their sessions in either half; labelled after the method was fixed)
 * @param personas the method against the decided personas, each person left out of the fit
 * @param personasFromReadersTypes the persona step alone: given the decided session types instead
 *     of the method's, each person left out of the fit as above
 * @param calibrationCertain {@code calibration} on the sessions whose type is not marked uncertain
 *     ({@link Classification#UNCERTAIN_BELOW}; probabilities from the sharpness fitted on the
 *     calibration half)
 * @param calibrationUncertain {@code calibration} on the sessions marked uncertain
 * @param newPeopleCertain {@code newPeople} on the sessions not marked uncertain
 * @param newPeopleUncertain {@code newPeople} on the sessions marked uncertain
 * @param personasDecisive {@code personas} on the people whose persona the method gave decisively
 *     (its posterior and lead over the runner-up pass the model's thresholds)
 * @param personasBorderline {@code personas} on the people it called borderline
 * @param uncertainBelow the probability under which a session's type is marked uncertain
 * @param heldOutTarget the held-out agreement the project holds the method to
 * @param personaTarget the persona agreement the project holds the method to
 * @param rounds the same figures round by round, in round order
 */
public record CorpusAgreement(
    int sessions,
    int people,
    int setAside,
    Agreement readerSessions,
    double readerKappa,
    Agreement readerPeople,
    double readerPeopleKappa,
    Agreement calibration,
    Agreement heldOut,
    Agreement newPeople,
    Agreement personas,
    Agreement personasFromReadersTypes,
    Agreement calibrationCertain,
    Agreement calibrationUncertain,
    Agreement newPeopleCertain,
    Agreement newPeopleUncertain,
    Agreement personasDecisive,
    Agreement personasBorderline,
    double uncertainBelow,
    double heldOutTarget,
    double personaTarget,
    List<RoundAgreement> rounds) {

  public CorpusAgreement {
    rounds = List.copyOf(rounds);
  }

  /**
   * {@code personas} on the people of the rounds held out as a whole alone: none of their sessions
   * is in the calibration half the rules' numbers were set on, as the other people's are. Written
   * to {@code validation.json} beside the record's own figures.
   */
  @JsonProperty("newPeoplePersonas")
  public Agreement newPeoplePersonas() {
    int n = personas.labels().size();
    int[][] confusion = new int[n][n];
    for (RoundAgreement round : rounds) {
      if (round.heldOutAsWhole()) {
        int[][] c = round.personas().confusion();
        for (int i = 0; i < c.length; i++) {
          for (int j = 0; j < c[i].length; j++) {
            confusion[i][j] += c[i][j];
          }
        }
      }
    }
    return Agreement.of(personas.labels(), confusion);
  }
}
