package dev.personas.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.personas.classify.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ShipModelTest {
  @Test
  void shippedModelIsByteForByteAFreshFitOfTheBundledSample() throws IOException {
    byte[] shipped;
    try (InputStream in = PopulationModels.class.getResourceAsStream(PopulationModels.SHIPPED)) {
      assertNotNull(in, "the build (process-classes) writes " + PopulationModels.SHIPPED);
      shipped = in.readAllBytes();
    }
    assertArrayEquals(ModelFile.bytes(PopulationModels.bundledSampleModel()), shipped);
  }
}
