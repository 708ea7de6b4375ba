package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiteOptionsTest {

  @ParameterizedTest
  @CsvSource({"/,/", "'',/", "/repo,/repo/", "repo/,/repo/", "/a/b,/a/b/"})
  void baseUrlAlwaysStartsAndEndsWithASlash(String given, String expected) {
    assertEquals(expected, SiteOptions.inFolder(Path.of("."), given).baseUrl());
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "content", "content/site", "static/out", "templates"})
  void outputFolderOverlappingAnInputIsAUsageError(String out) {
    PersonasException e = assertThrows(PersonasException.class,
        () -> SiteOptions.inFolder(Path.of("project"), "/").withOut(Path.of("project").resolve(out)));
    assertEquals(PersonasException.Category.USAGE, e.category());
    assertTrue(e.getMessage().contains("overlaps the input folder"), e.getMessage());
  }

  /** The root holds every input: it is named as the root, not as overlapping some folder the person never named. */
  @org.junit.jupiter.api.Test
  void theFileSystemRootIsNoOutputFolder() {
    Path root = Path.of("project").toAbsolutePath().getRoot();
    PersonasException e = assertThrows(PersonasException.class,
        () -> SiteOptions.inFolder(Path.of("project"), "/").withOut(root));
    assertEquals(PersonasException.Category.USAGE, e.category());
    assertEquals("The output folder cannot be the file system root; pass --out site.", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://me.github.io/repo/", "/repo/?x=1", "/../etc/", "/a b/", "//cdn.example/"})
  void baseUrlThatIsNotAPathIsAUsageError(String given) {
    PersonasException e = assertThrows(PersonasException.class, () -> SiteOptions.inFolder(Path.of("."), given));
    assertEquals(PersonasException.Category.USAGE, e.category());
  }
}
