package dev.personas.classify;

import java.util.List;

/**
 * Gives a person a persona against the population's {@link PersonaModel}; a person is never
 * refitted on their own data.
 */
public final class PersonaClassifier {
  private final PersonaModel model;

  public PersonaClassifier(Model model) {
    this.model = model.personas();
  }

  /** The persona of one person from their classified sessions. */
  public PersonaResult classify(String userId, List<ClassifiedSession> sessions) {
    PersonProfile profile = PersonProfile.of(userId, sessions);
    Persona[] personas = Persona.values();
    double[] scores = new double[personas.length];
    int best = -1;
    int second = -1;
    for (Persona p : personas) {
      if (p == Persona.MULTI_MODE_JOURNEYMAN) {
        continue;
      }
      int i = p.ordinal();
      scores[i] = score(profile, p);
      if (best < 0 || scores[i] > scores[best]) {
        second = best;
        best = i;
      } else if (second < 0 || scores[i] > scores[second]) {
        second = i;
      }
    }
    boolean provisional = profile.sessions() < model.minSessions();
    boolean decisive = scores[best] >= model.minScore()
        && scores[best] - scores[second] >= model.minMargin();
    if (decisive) {
      return new PersonaResult(userId, personas[best], scores[best], personas[second], true,
          provisional, profile, scores);
    }
    return new PersonaResult(userId, Persona.MULTI_MODE_JOURNEYMAN, 1 - scores[best],
        personas[best], false, provisional, profile, scores);
  }

  private double score(PersonProfile profile, Persona persona) {
    double[] proto = model.prototypes().get(persona.slug());
    double[] shares = profile.typeShares();
    double fit = 0;
    for (int t = 0; t < proto.length; t++) {
      fit += shares[t] * proto[t];
    }
    double[] signs = model.signatures().get(persona.slug());
    double[] rates = profile.rates();
    double[] medians = model.rateMedians();
    double agree = 0;
    int counted = 0;
    for (int r = 0; r < signs.length; r++) {
      if (signs[r] == 0) {
        continue;
      }
      counted++;
      double side = Math.signum(signs[r] * (rates[r] - medians[r]));
      agree += side > 0 ? 1 : side == 0 ? 0.5 : 0;
    }
    double behaviour = counted == 0 ? 0 : agree / counted;
    double w = model.behaviourWeight();
    return (1 - w) * fit + w * behaviour;
  }
}
