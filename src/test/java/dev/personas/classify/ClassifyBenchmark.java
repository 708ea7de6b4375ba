package dev.personas.classify;

import dev.personas.features.FeatureVector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Microbenchmark of the classifier (not a test: run by hand, see BENCHMARKS.md). Fits on a
 * synthetic population of ~5.8k sessions (the SWE-chat sample's size) and classifies 100k
 * sessions with a model loaded from model.json. Prints median and best of repeated runs after
 * warm-up.
 */
public final class ClassifyBenchmark {
  private ClassifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<SessionInput> sessions = SyntheticPopulation.generate(1, 60, 20).sessions();
    ModelFitter fitter = new ModelFitter();
    Model model = null;
    for (int i = 0; i < 5; i++) {
      model = fitter.fit(sessions);
    }
    double[] fits = new double[10];
    double[] cpu = new double[fits.length];
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < fits.length; i++) {
      long c = os.getProcessCpuTime();
      long t = System.nanoTime();
      model = fitter.fit(sessions);
      fits[i] = (System.nanoTime() - t) / 1e6;
      cpu[i] = (os.getProcessCpuTime() - c) / 1e6;
    }
    report("fit " + sessions.size() + " sessions, wall", fits);
    // CPU time of the whole process (all threads): what the fit costs without other load.
    report("fit " + sessions.size() + " sessions, process CPU", cpu);

    Path file = Files.createTempFile("model", ".json");
    ModelFile.write(model, file);
    Classifier classifier = new Classifier(ModelFile.read(file));
    Files.delete(file);
    SplittableRandom rng = new SplittableRandom(2);
    List<FeatureVector> many = new ArrayList<>(100_000);
    SessionType[] types = SessionType.values();
    for (int i = 0; i < 100_000; i++) {
      many.add(SyntheticPopulation.session(rng, "b" + i, types[i % types.length]));
    }
    for (int i = 0; i < 3; i++) {
      classifyAll(classifier, many);
    }
    double[] runs = new double[5];
    double[] runsCpu = new double[runs.length];
    long sink = 0;
    for (int i = 0; i < runs.length; i++) {
      long c = os.getProcessCpuTime();
      long t = System.nanoTime();
      sink += classifyAll(classifier, many);
      runs[i] = (System.nanoTime() - t) / 1e6;
      runsCpu[i] = (os.getProcessCpuTime() - c) / 1e6;
    }
    report("classify 100000 sessions, wall", runs);
    report("classify 100000 sessions, process CPU", runsCpu);

    long t = System.nanoTime();
    Validation v = new Validator().validate(model, sessions, Optional.empty());
    System.out.printf("validation (50 resamples, silhouette on 2000): %.0f ms (types ARI %.3f)%n",
        (System.nanoTime() - t) / 1e6, v.stability().typesMeanAri());
    System.out.println("(checksum " + sink + ")");
  }

  private static long classifyAll(Classifier classifier, List<FeatureVector> vectors) {
    long count = 0;
    for (FeatureVector v : vectors) {
      count += classifier.classify(v).type().ordinal();
    }
    return count;
  }

  private static void report(String what, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("%s: median %.0f ms, best %.0f ms, worst %.0f ms (%d runs)%n", what,
        sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
  }
}
