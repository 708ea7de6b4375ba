package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Share cards' PNGs kept between builds: the same bytes as drawing them, and never a stale one. */
class CardCacheTest {
  @TempDir Path temp;

  private static CardDrawing card(String tagline) {
    return ShareCardRenderer.drawing("Coding personas", "The Showrunner", tagline);
  }

  private CardCache cache() {
    return new CardCache(temp.resolve("cards"), List.of(temp.resolve("fonts")));
  }

  @Test
  void aKeptCardIsTheDrawnCardAndIsReadBackInsteadOfDrawnAgain() throws IOException {
    CardDrawing card = card("Sets up context and delegation, then manages.");
    byte[] drawn = card.png().orElseThrow();

    assertArrayEquals(drawn, cache().png(card).orElseThrow());
    List<Path> kept = pngs();
    assertEquals(1, kept.size(), kept.toString());
    assertArrayEquals(drawn, Files.readAllBytes(kept.get(0)));

    // A later build (a new cache over the same folder) reads the file: put another whole PNG there
    // and it is what comes back.
    byte[] other = card("Another tagline.").png().orElseThrow();
    Files.write(kept.get(0), other);
    assertArrayEquals(other, cache().png(card).orElseThrow());
  }

  @Test
  void anotherDrawingIsKeptApart() throws IOException {
    cache().png(card("One tagline."));
    cache().png(card("Another tagline."));
    assertEquals(2, pngs().size());
  }

  @Test
  void aFileCutShortIsDrawnAgainAndReplaced() throws IOException {
    CardDrawing card = card("Sets up context and delegation, then manages.");
    byte[] drawn = cache().png(card).orElseThrow();
    Path kept = pngs().get(0);
    Files.write(kept, Arrays.copyOf(drawn, drawn.length / 2));

    assertArrayEquals(drawn, cache().png(card).orElseThrow());
    assertArrayEquals(drawn, Files.readAllBytes(kept));
  }

  @Test
  void aChangedFontChangesEveryKey() throws IOException {
    String svg = card("Sets up context and delegation, then manages.").svg();
    String before = cache().key(svg);
    assertEquals(before, cache().key(svg));
    Files.createDirectories(temp.resolve("fonts"));
    Files.writeString(temp.resolve("fonts/DejaVuSans.ttf"), "a font");
    String installed = cache().key(svg);
    Files.writeString(temp.resolve("fonts/DejaVuSans.ttf"), "another font");
    assertNotEquals(before, installed);
    assertNotEquals(installed, cache().key(svg));
  }

  @Test
  void whetherCardsCanBeDrawnIsNotedOnceDrawnAndOtherwiseChecked() throws IOException {
    assertEquals(CardDrawing.pngAvailable(), cache().pngAvailable());
    assertTrue(CardDrawing.pngAvailable(), "the machine that runs the tests has a font (.ci/run installs one)");
    try (Stream<Path> files = Files.list(temp.resolve("cards"))) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".draws")).count());
    }
    assertTrue(cache().pngAvailable());
    assertEquals("/personas/showrunner/card.png", cache().openGraphImage("/personas/showrunner/"));
  }

  @Test
  void withoutAFolderEveryCardIsDrawn() {
    CardCache none = CardCache.of(SiteOptions.inFolder(temp, "/"));
    CardDrawing card = card("Sets up context and delegation, then manages.");
    assertArrayEquals(card.png().orElseThrow(), none.png(card).orElseThrow());
    assertFalse(Files.exists(temp.resolve("cards")));
  }

  private List<Path> pngs() throws IOException {
    try (Stream<Path> files = Files.list(temp.resolve("cards"))) {
      return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
    }
  }
}
