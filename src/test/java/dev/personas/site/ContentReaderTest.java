package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentReaderTest {

  @ParameterizedTest
  @CsvSource({
    "index.md, /",
    "method.md, /method/",
    "guide/index.md, /guide/",
    "guide/setup.md, /guide/setup/",
  })
  void markdownFilesGetPrettyUrls(String file, String path) {
    assertEquals(path, ContentReader.urlPath(file));
  }
}
