package dev.personas.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two ways to read a person's persona through the type step's mistakes, each judged as
 * CorpusValidator judges the persona method (each person left out of every fit), on the people of
 * the calibration rounds and, apart, on the people held out as a whole. A research tool, not part
 * of the program; it sits in the classify package to reach the validator's parts. From the project
 * root, after {@code mvn -q package -DskipTests}:
 *
 * <pre>
 * javac -d /tmp/pv -cp target/personas.jar corpus/labelling/PersonaVariants.java
 * java -cp target/personas.jar:/tmp/pv dev.personas.classify.PersonaVariants [PEOPLE.tsv]
 * </pre>
 *
 * <p>Given a file name, it also writes there one row per person for {@code learned_layer.py}: id,
 * round, decided persona, the persona as built, sessions, then the person's type shares as read,
 * their soft type shares and the persona model's behaviour rates (7 + 7 + the rates).
 *
 * <ul>
 *   <li><b>channel</b>: each persona's prototype mix is passed through the rules' confusion on the
 *       calibration half without the person (P(read type | decided type), one added to every
 *       cell), so a persona is matched with the types the method would read from its sessions;
 *   <li><b>soft</b>: a person's type shares are the mean of their sessions' type probabilities
 *       instead of the share of each type read.
 * </ul>
 */
public final class PersonaVariants {
  private PersonaVariants() {}

  public static void main(String[] args) throws java.io.IOException {
    StringBuilder rowsOut = new StringBuilder();
    RealCorpus corpus = RealCorpus.shipped();
    RuleThresholds thresholds = RuleThresholds.AUTHORED;
    TypeRules rules = new TypeRules(thresholds);
    int types = SessionType.values().length;
    Map<String, double[]> scores = new HashMap<>();
    Map<String, Integer> read = new HashMap<>();
    Map<String, double[]> rows = new HashMap<>();
    for (RealCorpus.Session s : corpus.sessions()) {
      double[] sc = rules.scores(s.features());
      scores.put(s.id(), sc);
      read.put(s.id(), Classification.of(s.id(), sc).type().ordinal());
      rows.put(s.id(), Scaler.transform(s.features()));
    }
    List<RealCorpus.Session> wholeCalibration = corpus.half(RealCorpus.Half.CALIBRATION);
    ModelFitter whole = new ModelFitter(thresholds, wholeCalibration);
    int[][] right = new int[2][3];
    int[] people = new int[2];
    for (RealCorpus.Person person : corpus.persons()) {
      List<RealCorpus.Session> calibration = new ArrayList<>();
      List<SessionInput> others = new ArrayList<>();
      List<RealCorpus.Session> own = new ArrayList<>();
      for (RealCorpus.Session s : corpus.sessions()) {
        if (s.person().equals(person.id())) {
          if (s.round() == person.round()) {
            own.add(s);
          }
          continue;
        }
        others.add(new SessionInput(s.id(), s.person(), (Instant) null, s.features()));
        if (s.half() == RealCorpus.Half.CALIBRATION) {
          calibration.add(s);
        }
      }
      ModelFitter fitter = calibration.size() == wholeCalibration.size() ? whole : new ModelFitter(thresholds, calibration);
      Model model = fitter.fitUnshown(others, o -> scores.get(o.sessionId()), o -> rows.get(o.sessionId()));
      double[][] confusion = new double[types][types];
      for (double[] row : confusion) {
        Arrays.fill(row, 1);
      }
      for (RealCorpus.Session s : calibration) {
        confusion[s.type().ordinal()][read.get(s.id())]++;
      }
      for (double[] row : confusion) {
        double sum = Arrays.stream(row).sum();
        for (int j = 0; j < types; j++) {
          row[j] /= sum;
        }
      }
      PersonaModel personas = model.personas();
      Map<String, double[]> asRead = new LinkedHashMap<>();
      personas.prototypes().forEach((slug, proto) -> {
        double[] mix = new double[types];
        for (int t = 0; t < types; t++) {
          for (int j = 0; j < types; j++) {
            mix[j] += proto[t] * confusion[t][j];
          }
        }
        asRead.put(slug, mix);
      });
      Model channel = new Model(model.modelVersion(), model.catalogueVersion(), model.featureKeys(), model.scaler(),
          model.typeSlugs(), model.typeNames(), model.types(), model.rules(), model.typeCounts(), model.personaSlugs(),
          model.personaNames(), new PersonaModel(personas.rateKeys(), personas.rateMedians(), personas.priors(), asRead,
              personas.signatures(), personas.behaviourWeight(), personas.minScore(), personas.minMargin(),
              personas.minSessions()),
          model.datasetFingerprint(), model.sessionCount(), model.personCount(), model.cohort());
      Classifier classifier = new Classifier(model);
      List<ClassifiedSession> classified = new ArrayList<>();
      double[] soft = new double[types];
      for (RealCorpus.Session s : own) {
        ClassifiedSession c = new ClassifiedSession(s.features(), classifier.classify(s.features()));
        classified.add(c);
        double[] p = c.classification().probabilities();
        for (int t = 0; t < types; t++) {
          soft[t] += p[t] / own.size();
        }
      }
      PersonProfile profile = PersonProfile.of(person.id(), classified);
      Persona[] judged = {
          new PersonaClassifier(model).classify(profile).persona(),
          new PersonaClassifier(channel).classify(profile).persona(),
          new PersonaClassifier(model).classify(new PersonProfile(person.id(), profile.sessions(), soft, profile.rates()))
              .persona()};
      rowsOut.append(person.id()).append('\t').append(person.round()).append('\t').append(person.persona())
          .append('\t').append(judged[0]).append('\t').append(own.size());
      for (double[] part : new double[][] {profile.typeShares(), soft, profile.rates()}) {
        for (double v : part) {
          rowsOut.append('\t').append(v);
        }
      }
      rowsOut.append('\n');
      int round = person.round();
      int group = round == 6 || round == 7 || round >= 10 ? 1 : 0;
      people[group]++;
      for (int v = 0; v < judged.length; v++) {
        right[group][v] += judged[v] == person.persona() ? 1 : 0;
      }
    }
    if (args.length > 0) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), rowsOut);
    }
    String[] groups = {"people of the calibration rounds", "people held out as a whole"};
    for (int g = 0; g < 2; g++) {
      System.out.printf("%s (%d): as built %d, channel %d, soft %d%n", groups[g], people[g], right[g][0], right[g][1],
          right[g][2]);
    }
  }
}
