package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The site folders shipped on the class path are the repository's own, byte for byte. */
class BundledSiteSourcesTest {
  @Test
  void theCopiedFoldersHoldTheRepositorysFiles() throws IOException {
    for (String name : new String[] {"templates/me.peb", "static/css/site.css", "content/personas/showrunner.md"}) {
      String folder = name.substring(0, name.indexOf('/'));
      Path copied = BundledSiteSources.folder(folder).resolve(name.substring(folder.length() + 1));
      assertEquals(Files.readString(Path.of(name)), Files.readString(copied), name);
    }
  }

  @Test
  void onlyTheThreeSiteFoldersCanBeAskedFor() {
    assertThrows(IllegalArgumentException.class, () -> BundledSiteSources.folder("src"));
  }
}
