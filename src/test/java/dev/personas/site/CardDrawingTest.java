package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The PNG card is drawn from the same steps as the SVG card: same size, same colours where the
 * SVG puts them, text where the SVG writes text, and the same bytes on every run. (The machine
 * needs a font: `.ci/run` installs one.)
 */
class CardDrawingTest {
  private static final CardDrawing CARD = PersonalCard.drawing("Coding personas", "The Showrunner",
      "Sets up context and delegation, then manages.", List.of("Delegates to subagents", "Plans first", "Asks why"));

  @Test
  void thePngHasTheCardsSizeColoursAndText() throws IOException {
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(CARD.png().orElseThrow()));
    assertEquals(CardDrawing.WIDTH, png.getWidth());
    assertEquals(CardDrawing.HEIGHT, png.getHeight());
    assertEquals(0x0f1217, png.getRGB(600, 600) & 0xffffff, "the background where nothing is drawn");
    assertEquals(0x8ab4f8, png.getRGB(10, 300) & 0xffffff, "the band down the left edge");
    assertEquals(0x8ab4f8, png.getRGB(110, 410) & 0xffffff, "the first trait's bullet");
    assertTrue(brightPixels(png, 96, 140, 900, 220) > 2_000, "the persona's name is drawn in white at 72 px");
    assertEquals(0, brightPixels(png, 96, 590, 900, 630), "nothing below the last trait");
  }

  @Test
  void theLongestPersonaNameStaysOnTheCard() throws IOException {
    CardDrawing card = ShareCardRenderer.drawing("Coding personas", "The Multi-Mode Journeyman",
        "Picks the mode to fit the job, with no single habit in charge.");
    assertTrue(card.svg().contains("font-size=\"68\" font-weight=\"700\">The Multi-Mode Journeyman<"), card.svg());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(card.png().orElseThrow()));
    assertTrue(brightPixels(png, 96, 200, 700, 290) > 2_000, "the name is drawn");
    assertEquals(0, brightPixels(png, CardDrawing.WIDTH - 24, 200, CardDrawing.WIDTH, 290), "and ends before the edge");
  }

  @Test
  void thePngIsTheSameOnEveryRun() {
    assertArrayEquals(CARD.png().orElseThrow(), PersonalCard.drawing("Coding personas", "The Showrunner",
        "Sets up context and delegation, then manages.", List.of("Delegates to subagents", "Plans first", "Asks why"))
        .png().orElseThrow());
  }

  @Test
  void lendingTheWriterItsRowsWritesTheSameBytesAsCopyingThem() {
    assertArrayEquals(CARD.pngCopyingRows().orElseThrow(), CARD.png().orElseThrow());
    CardDrawing share = ShareCardRenderer.drawing("Coding personas", "The Multi-Mode Journeyman",
        "No dominant pattern: switches mode with the task, from a quick fix to a long build.");
    assertArrayEquals(share.pngCopyingRows().orElseThrow(), share.png().orElseThrow());
  }

  @Test
  void theSvgWritesTheSameStepsAsText() {
    String svg = CARD.svg();
    assertTrue(svg.contains("<text x=\"96\" y=\"210\" fill=\"#ffffff\" font-family=\"system-ui, sans-serif\" font-size=\"72\""
        + " font-weight=\"700\">The Showrunner</text>"), svg);
    assertTrue(svg.contains("<circle cx=\"110\" cy=\"410\" r=\"8\" fill=\"#8ab4f8\"/>"), svg);
  }

  private static int brightPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
    int count = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int rgb = image.getRGB(x, y);
        int sum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        count += sum > 600 ? 1 : 0;
      }
    }
    return count;
  }
}
