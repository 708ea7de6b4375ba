package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentReaderTest {
  @TempDir Path dir;

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

  @Test
  void manyPagesComeBackInPathOrderWhateverThreadParsedThem() throws IOException {
    Files.writeString(dir.resolve("site.yml"), "title: T\n");
    for (int i = 0; i < 200; i++) {
      Files.writeString(dir.resolve(String.format("p%03d.md", i)), "---\ntitle: Page " + i + "\n---\n\n## Part " + i + "\n\nText.\n");
    }
    Content content = new ContentReader(dir, new Markdown("/")).read();
    List<String> titles = content.pages().stream().map(ContentPage::title).toList();
    assertEquals(IntStream.range(0, 200).mapToObj(i -> "Page " + i).toList(), titles);
  }

  @Test
  void ofSeveralBadPagesTheFirstInPathOrderIsReported() throws IOException {
    Files.writeString(dir.resolve("site.yml"), "title: T\n");
    for (int i = 0; i < 100; i++) {
      // Every page from p050 on lacks its title; the error must always name p050.
      String title = i < 50 ? "title: Page " + i + "\n" : "description: no title\n";
      Files.writeString(dir.resolve(String.format("p%03d.md", i)), "---\n" + title + "---\n\nText.\n");
    }
    for (int run = 0; run < 5; run++) {
      PersonasException e = assertThrows(PersonasException.class, () -> new ContentReader(dir, new Markdown("/")).read());
      assertTrue(e.getMessage().startsWith(dir.resolve("p050.md") + ":1: the front matter has no 'title'"), e.getMessage());
    }
  }
}
