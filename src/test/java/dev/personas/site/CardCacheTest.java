package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
    return CardCache.in(temp.resolve("cards"), List.of(temp.resolve("fonts"), temp.resolve("linked")));
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
  void aFileCutShortIsDrawnAgainAndReplacedAndNoStagingFileIsLeft() throws IOException {
    CardDrawing card = card("Sets up context and delegation, then manages.");
    byte[] drawn = cache().png(card).orElseThrow();
    Path kept = pngs().get(0);
    Files.write(kept, Arrays.copyOf(drawn, drawn.length / 2));

    assertArrayEquals(drawn, cache().png(card).orElseThrow());
    assertArrayEquals(drawn, Files.readAllBytes(kept));
    try (Stream<Path> files = Files.list(temp.resolve("cards"))) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")));
    }
  }

  @Test
  void aChangedFontChangesEveryKeyAndTheOldEnvironmentsCardsGo() throws IOException {
    CardDrawing card = card("Sets up context and delegation, then manages.");
    String svg = card.svg();
    String before = cache().key(svg);
    assertEquals(before, cache().key(svg));
    cache().png(card);
    Files.createDirectories(temp.resolve("fonts"));
    Files.writeString(temp.resolve("fonts/DejaVuSans.ttf"), "a font");
    String installed = cache().key(svg);
    assertNotEquals(before, installed);

    cache().png(card);
    List<Path> kept = pngs();
    assertEquals(1, kept.size(), "only the current environment's card is kept: " + kept);
    assertEquals(installed + ".png", kept.get(0).getFileName().toString());

    Files.writeString(temp.resolve("fonts/DejaVuSans.ttf"), "another font!");
    assertNotEquals(installed, cache().key(svg));
  }

  @Test
  void fontsBehindALinkCountAndALinkToNothingKeepsTheKeySteady() throws IOException {
    Path real = Files.createDirectories(temp.resolve("real-fonts"));
    Files.writeString(real.resolve("Font.ttf"), "a font");
    Files.createSymbolicLink(temp.resolve("linked"), real);
    String svg = card("A tagline.").svg();
    String linked = cache().key(svg);
    Files.writeString(real.resolve("Font.ttf"), "a changed font");
    Files.setLastModifiedTime(real.resolve("Font.ttf"), FileTime.fromMillis(1_000));
    assertNotEquals(linked, cache().key(svg), "a font changed behind a linked folder");

    Files.createDirectories(temp.resolve("fonts"));
    Files.createSymbolicLink(temp.resolve("fonts/gone.ttf"), temp.resolve("nowhere.ttf"));
    String dangling = cache().key(svg);
    assertEquals(dangling, cache().key(svg), "a link to nothing is listed, the same each run");
  }

  @Test
  void whetherCardsCanBeDrawnIsNotedOnceDrawnAndOtherwiseChecked() throws IOException {
    assertEquals(CardDrawing.pngAvailable(), cache().pngAvailable());
    assertTrue(CardDrawing.pngAvailable(), "the machine that runs the tests has a font (.ci/run installs one)");
    try (Stream<Path> files = Files.list(temp.resolve("cards"))) {
      assertEquals(1, files.filter(f -> f.toString().endsWith("-draws")).count());
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
