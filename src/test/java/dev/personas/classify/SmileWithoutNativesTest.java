package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;
import smile.validation.metric.AdjustedRandIndex;

/**
 * The build leaves Smile's native BLAS/LAPACK (org.bytedeco, ~70 MiB for four platforms) out of
 * the classpath; the algorithms used here must load and fit without them.
 */
class SmileWithoutNativesTest {

  @Test
  void bytedecoNativesAreNotOnTheClasspath() {
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.bytedeco.openblas.global.openblas"));
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.bytedeco.javacpp.Loader"));
  }

  @Test
  void logisticRegressionFitsAndPredictsWithoutNatives() {
    double[][] x = {{0, 0}, {0, 1}, {1, 0}, {5, 5}, {5, 6}, {6, 5}, {10, 0}, {10, 1}, {11, 0}};
    int[] y = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    LogisticRegression.Multinomial model = LogisticRegression.multinomial(x, y, 0.1, 1e-5, 500);
    assertEquals(0, model.predict(new double[] {0.5, 0.5}));
    assertEquals(1, model.predict(new double[] {5.5, 5.5}));
    assertEquals(2, model.predict(new double[] {10.5, 0.5}));
  }

  @Test
  void adjustedRandIndexWorksWithoutNatives() {
    assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), 1e-12);
  }

  @Test
  void wholeModelFitsWithoutNatives() {
    Model model = new ModelFitter().fit(SyntheticPopulation.generate(3, 3, 0).sessions());
    assertTrue(model.sessionCount() > 0);
  }

  @Test
  void slf4jFindsAProviderSoSmileLogsNoWarning() {
    // Without a provider SLF4J prints "No SLF4J providers were found" on first use.
    var providers = java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class);
    assertTrue(providers.stream().anyMatch(p -> p.type().getName().equals(
        "org.slf4j.nop.NOPServiceProvider")));
  }
}
