package dev.personas.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached bundled sample is exactly what the generator writes from its documented options. */
class BundledSampleIT {
  @TempDir Path tmp;

  @Test
  void theCachedBundledSampleIsAFreshGenerationByteForByte() throws IOException {
    Path fresh = tmp.resolve("sample");
    new SampleGenerator(BundledSample.OPTIONS).generate(fresh);
    Map<String, byte[]> cached = SampleGeneratorTest.tree(BundledSample.root());
    cached.remove(".complete");
    Map<String, byte[]> generated = SampleGeneratorTest.tree(fresh);
    assertEquals(generated.keySet(), cached.keySet());
    generated.forEach((name, bytes) -> assertArrayEquals(bytes, cached.get(name), name));
  }
}
