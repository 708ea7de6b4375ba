package dev.personas.classify;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The real labelled corpus (corpus/README.md): real sessions people committed to public
 * repositories, each labelled blind by two readers and adjudicated, split once into a calibration
 * and a held-out half; sessions labelled later join the calibration half, except those of people
 * held out as a whole. Only numbers and labels ship (no text from any log): the feature vector,
 * both readers' types, the decided type and, per person with three or more sessions, the
 * readers' and the decided persona.
 *
 * @param sessions every labelled session, in file order
 * @param persons the people whose persona was labelled, in file order
 */
public record RealCorpus(List<Session> sessions, List<Person> persons) {
  private static final String SESSIONS = "/dev/personas/classify/real/sessions.tsv";
  private static final String PERSONS = "/dev/personas/classify/real/persons.tsv";
  private static final int LABEL_COLUMNS = 9;

  /**
   * Which half of the fixed split a session is in. A session set aside holds part of a held-out
   * session's conversation (a resumed or copied session, {@code corpus/overlaps.tsv}): it keeps its
   * labels and counts in the readers' agreement, but neither tunes the method nor is reported.
   * {@code NEW_PEOPLE} holds people held out as a whole: sessions of people who have no session in
   * either half, labelled after the method they are reported against was fixed, which never tune
   * it (the held-out half's people also have sessions in the calibration half).
   */
  public enum Half {
    CALIBRATION("calibration"),
    HELD_OUT("held-out"),
    SET_ASIDE("set-aside"),
    NEW_PEOPLE("new-people");

    private final String key;

    Half(String key) {
      this.key = key;
    }

    static Half of(String key) {
      for (Half h : values()) {
        if (h.key.equals(key)) {
          return h;
        }
      }
      throw new IllegalArgumentException("unknown split: " + key);
    }
  }

  /**
   * One labelled session.
   *
   * @param id the corpus's own id (S001…), not the log's
   * @param person the corpus's person id (P01…)
   * @param agent "claude" or "codex"
   * @param half calibration, held-out, set aside or new people (held out as a whole)
   * @param round 1 for the sessions the split was made on; 2 to 5, 8 and 9 for those labelled
   *     later, the same way, and added to the calibration half only; 6, 7, 10 and 11 for people
   *     held out as a whole, labelled after model versions 13, 14 and 17 (both) were fixed
   *     (corpus/README.md)
   * @param readerA the first reader's type
   * @param readerB the second reader's type
   * @param type the decided type (both readers' when they agreed, the adjudicator's otherwise)
   * @param features the session's feature vector
   */
  public record Session(String id, String person, String agent, Half half, int round, SessionType readerA,
      SessionType readerB, SessionType type, FeatureVector features) {
    public Session {
      Objects.requireNonNull(features, "features");
    }
  }

  /**
   * One person whose persona was labelled.
   *
   * @param id the corpus's person id
   * @param readerA the first reader's persona
   * @param readerB the second reader's persona
   * @param persona the decided persona
   * @param round the round whose sessions of this person the readers judged the persona from (1,
   *     or 3 to 6 for the people new to the corpus in those rounds)
   */
  public record Person(String id, Persona readerA, Persona readerB, Persona persona, int round) {}

  public RealCorpus {
    sessions = List.copyOf(sessions);
    persons = List.copyOf(persons);
  }

  /** The corpus shipped with personas, read once. */
  public static RealCorpus shipped() {
    return Shipped.CORPUS;
  }

  /** Read on first use; the builds, the fitter and the method page share one copy. */
  private static final class Shipped {
    static final RealCorpus CORPUS = new RealCorpus(readSessions(), readPersons());
  }

  /** The median of each feature over every labelled session, in {@link Feature} order. */
  public double[] featureMedians() {
    double[] medians = new double[Feature.values().length];
    for (Feature f : Feature.values()) {
      medians[f.ordinal()] = BehaviourRate.median(sessions.stream().mapToDouble(s -> s.features().get(f)).toArray());
    }
    return medians;
  }

  /** The sessions of one half. */
  public List<Session> half(Half half) {
    return sessions.stream().filter(s -> s.half() == half).toList();
  }

  private static List<Session> readSessions() {
    List<String[]> rows = rows(SESSIONS);
    String[] header = rows.get(0);
    Feature[] features = Feature.values();
    if (header.length != LABEL_COLUMNS + features.length) {
      throw new IllegalStateException(SESSIONS + " has " + header.length + " columns, expected "
          + (LABEL_COLUMNS + features.length));
    }
    for (int j = 0; j < features.length; j++) {
      if (!header[LABEL_COLUMNS + j].equals(features[j].key())) {
        throw new IllegalStateException(SESSIONS + " column " + (LABEL_COLUMNS + j + 1) + " is "
            + header[LABEL_COLUMNS + j] + ", expected " + features[j].key());
      }
    }
    List<Session> out = new ArrayList<>();
    for (String[] r : rows.subList(1, rows.size())) {
      double[] values = new double[features.length];
      for (int j = 0; j < values.length; j++) {
        values[j] = Double.parseDouble(r[LABEL_COLUMNS + j]);
      }
      out.add(new Session(r[0], r[1], r[2], Half.of(r[3]), Integer.parseInt(r[4]), type(r[5]),
          type(r[6]), type(r[7]), new FeatureVector(r[0], values)));
    }
    return out;
  }

  private static List<Person> readPersons() {
    List<String[]> rows = rows(PERSONS);
    List<Person> out = new ArrayList<>();
    for (String[] r : rows.subList(1, rows.size())) {
      out.add(new Person(r[0], persona(r[2]), persona(r[3]), persona(r[4]), Integer.parseInt(r[6])));
    }
    return out;
  }

  private static SessionType type(String name) {
    return Arrays.stream(SessionType.values()).filter(t -> t.displayName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown session type in the corpus: " + name));
  }

  private static Persona persona(String name) {
    return Arrays.stream(Persona.values()).filter(p -> p.displayName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown persona in the corpus: " + name));
  }

  private static List<String[]> rows(String resource) {
    InputStream in = RealCorpus.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the real corpus is missing from the class path: " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
