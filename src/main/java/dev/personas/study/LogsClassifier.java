package dev.personas.study;

import dev.personas.classify.ClassifiedSession;
import dev.personas.classify.Classifier;
import dev.personas.classify.Model;
import dev.personas.classify.PersonaClassifier;
import dev.personas.classify.PersonaResult;
import dev.personas.features.FeatureExtractor;
import dev.personas.features.FeatureVector;
import dev.personas.features.TimelineMaker;
import dev.personas.load.ReadReport;
import dev.personas.load.SessionLoader;
import dev.personas.load.SourceFormat;
import dev.personas.session.Session;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classifies the sessions of some logs against a fixed population model: read, featurize,
 * assign a type to every session and a persona to every person. The model is never refit.
 */
public final class LogsClassifier {
  private final SessionLoader loader;
  private final Model model;
  private final boolean personPerFolder;

  public LogsClassifier(SessionLoader loader, Model model) {
    this(loader, model, false);
  }

  private LogsClassifier(SessionLoader loader, Model model, boolean personPerFolder) {
    this.loader = loader;
    this.model = model;
    this.personPerFolder = personPerFolder;
  }

  /**
   * The same classifier, taking each folder directly inside a path it reads as one person's logs
   * (see {@link DatasetSource#personInFolder}), or every log as one person's.
   */
  public LogsClassifier withPersonPerFolder(boolean perFolder) {
    return new LogsClassifier(loader, model, perFolder);
  }

  public LogsClassification classify(List<Path> paths, Optional<SourceFormat> format) {
    return classify(paths, format, session -> null, (classified, kept) -> { });
  }

  /**
   * The same, also handing each classified session to {@code each} with what {@code keep} took
   * from the session itself (the personal page's titles), so the session need not be kept.
   * Sessions are read and featurized on every core: {@code keep} runs on the reading threads and
   * must be safe to call from several at once; {@code each} runs on the calling thread, in reading
   * order, whatever the threads' timing.
   */
  public <K> LogsClassification classify(List<Path> paths, Optional<SourceFormat> format,
      Function<Session, K> keep, BiConsumer<ClassifiedLog, K> each) {
    return classify(paths, format, Runtime.getRuntime().availableProcessors(), keep, each);
  }

  /** The same on at most {@code threads} threads (1: all on the calling thread). */
  public <K> LogsClassification classify(List<Path> paths, Optional<SourceFormat> format, int threads,
      Function<Session, K> keep, BiConsumer<ClassifiedLog, K> each) {
    FeatureExtractor extractor = new FeatureExtractor();
    TimelineMaker timelines = new TimelineMaker();
    Classifier classifier = new Classifier(model);
    List<ClassifiedLog> sessions = new ArrayList<>();
    ReadReport report = loader.load(paths, format, threads, session -> {
      FeatureVector features = extractor.extract(session);
      String person = personPerFolder
          ? DatasetSource.personInFolder(paths, session.userId(), session.source()) : session.userId();
      ClassifiedLog classified = new ClassifiedLog(session.id(), person, session.repoId(),
          session.start(), features, classifier.classify(features), timelines.make(session));
      return new Read<>(classified, keep.apply(session));
    }, read -> {
      sessions.add(read.classified());
      each.accept(read.classified(), read.kept());
    });
    sessions.sort(Comparator.comparing(ClassifiedLog::start, Comparator.nullsLast(Instant::compareTo))
        .thenComparing(ClassifiedLog::sessionId));
    return new LogsClassification(model, sessions, personas(sessions), report);
  }

  /** One session's classification and what the caller kept from it. */
  private record Read<K>(ClassifiedLog classified, K kept) {}

  private Map<String, PersonaResult> personas(List<ClassifiedLog> sessions) {
    PersonaClassifier personas = new PersonaClassifier(model);
    Map<String, List<ClassifiedSession>> byUser = sessions.stream().collect(Collectors.groupingBy(
        ClassifiedLog::userId, TreeMap::new,
        Collectors.mapping(s -> new ClassifiedSession(s.features(), s.classification()),
            Collectors.toList())));
    Map<String, PersonaResult> results = new TreeMap<>();
    byUser.forEach((user, list) -> results.put(user, personas.classify(user, list)));
    return results;
  }
}
