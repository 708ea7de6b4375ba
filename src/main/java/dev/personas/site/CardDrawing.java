package dev.personas.site;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A share card as a list of drawing steps (1200 × 630, the Open Graph size), written both as SVG
 * and as PNG from the same steps, so the two show the same. PNG exists because the sites people
 * share links on (most social networks and chat tools) ignore SVG preview images.
 *
 * <p>The PNG is drawn with Java2D, which needs a system font: where none is installed (a bare
 * container without fontconfig) {@link #png()} is empty and the SVG stays the only card.
 */
final class CardDrawing {
  static final int WIDTH = 1200;
  static final int HEIGHT = 630;
  /** How each step is written: the SVG the cards have always had, and the same in Java2D. */
  private static final String FONT_FAMILY = "system-ui, sans-serif";

  private final String label;
  private final List<Step> steps = new ArrayList<>();

  /** @param label the card's text alternative (SVG aria-label) */
  CardDrawing(String label) {
    this.label = Objects.requireNonNull(label, "label");
  }

  private sealed interface Step permits Fill, Rect, Dot, Text {}

  /** The whole card in one colour. */
  private record Fill(String colour) implements Step {}

  /** A rectangle from the top edge down the whole height. */
  private record Rect(int x, int width, String colour) implements Step {}

  private record Dot(int cx, int cy, int r, String colour) implements Step {}

  /** One line of text, {@code y} its baseline. */
  private record Text(int x, int y, String colour, int size, boolean bold, String text) implements Step {}

  CardDrawing fill(String colour) {
    steps.add(new Fill(colour));
    return this;
  }

  CardDrawing band(int x, int width, String colour) {
    steps.add(new Rect(x, width, colour));
    return this;
  }

  CardDrawing dot(int cx, int cy, int r, String colour) {
    steps.add(new Dot(cx, cy, r, colour));
    return this;
  }

  CardDrawing text(int x, int y, String colour, int size, boolean bold, String text) {
    steps.add(new Text(x, y, colour, size, bold, text));
    return this;
  }

  /** The card as SVG; every text escaped for XML. */
  String svg() {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
        .append(ShareCardRenderer.escape(label)).append("\">\n");
    for (Step step : steps) {
      if (step instanceof Fill f) {
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"").append(f.colour()).append("\"/>\n");
      } else if (step instanceof Rect r) {
        svg.append("  <rect x=\"").append(r.x()).append("\" y=\"0\" width=\"").append(r.width())
            .append("\" height=\"100%\" fill=\"").append(r.colour()).append("\"/>\n");
      } else if (step instanceof Dot d) {
        svg.append("  <circle cx=\"").append(d.cx()).append("\" cy=\"").append(d.cy()).append("\" r=\"").append(d.r())
            .append("\" fill=\"").append(d.colour()).append("\"/>\n");
      } else if (step instanceof Text t) {
        svg.append("  <text x=\"").append(t.x()).append("\" y=\"").append(t.y()).append("\" fill=\"").append(t.colour())
            .append("\" font-family=\"").append(FONT_FAMILY).append("\" font-size=\"").append(t.size()).append('"')
            .append(t.bold() ? " font-weight=\"700\"" : "").append('>').append(ShareCardRenderer.escape(t.text()))
            .append("</text>\n");
      }
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * The card as PNG, or empty when this machine has no font to draw text with. Same steps, same
   * machine, same bytes: Java2D's rasterizer and the PNG writer are deterministic.
   */
  Optional<byte[]> png() {
    return png(true);
  }

  private Optional<byte[]> png(boolean lendRows) {
    try {
      BufferedImage image = lendRows ? new RowsInPlace(WIDTH, HEIGHT)
          : new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
      paint(image);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return Optional.of(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG into memory", e);
    } catch (java.awt.AWTError | InternalError | UnsatisfiedLinkError | NoClassDefFoundError e) {
      // No usable font or font library here (AWT reports these as errors, not exceptions).
      return Optional.empty();
    }
  }

  /** Whether this machine can draw the steps (it has a font to draw text with); nothing is encoded. */
  private boolean draws() {
    try {
      paint(new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB));
      return true;
    } catch (java.awt.AWTError | InternalError | UnsatisfiedLinkError | NoClassDefFoundError e) {
      return false;
    }
  }

  private void paint(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      for (Step step : steps) {
        draw(g, step);
      }
    } finally {
      g.dispose();
    }
  }

  /**
   * An RGB image that lends the PNG writer its rows instead of copying them: the writer asks for
   * each row as a copy ({@link BufferedImage#getData(Rectangle)}), which took three quarters of
   * the encoding. It only reads them, so it gets a view of the same pixels, and writes the same
   * bytes.
   */
  private static final class RowsInPlace extends BufferedImage {
    RowsInPlace(int width, int height) {
      super(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public Raster getData(Rectangle rect) {
      return getRaster().createChild(rect.x, rect.y, rect.width, rect.height, rect.x, rect.y, null);
    }
  }

  /** The same drawing encoded from a plain image (the writer copying each row), for tests. */
  Optional<byte[]> pngCopyingRows() {
    return png(false);
  }

  /**
   * The largest size up to {@code size} at which {@code text} fits {@code width} pixels, by a
   * rule of thumb that needs no font (a bold sans-serif letter is at most ~0.62 em wide on
   * average), so the SVG, the PNG and the browser's card agree: "The Multi-Mode Journeyman" at
   * 76 px ran off the card.
   */
  static int fit(String text, int size, int width) {
    int length = Math.max(1, text.codePointCount(0, text.length()));
    return Math.max(12, Math.min(size, (int) Math.floor(width / (0.62 * length))));
  }

  /**
   * Whether this machine can draw a PNG card (checked once: it has a usable font), by drawing a
   * line of text; see {@link CardCache#pngAvailable()} for the check most builds make.
   */
  static synchronized boolean pngAvailable() {
    if (pngAvailable == null) {
      pngAvailable = new CardDrawing("probe").text(0, 20, "#000000", 12, false, "probe").draws();
    }
    return pngAvailable;
  }

  private static Boolean pngAvailable;

  private static void draw(Graphics2D g, Step step) {
    if (step instanceof Fill f) {
      g.setColor(Color.decode(f.colour()));
      g.fillRect(0, 0, WIDTH, HEIGHT);
    } else if (step instanceof Rect r) {
      g.setColor(Color.decode(r.colour()));
      g.fillRect(r.x(), 0, r.width(), HEIGHT);
    } else if (step instanceof Dot d) {
      g.setColor(Color.decode(d.colour()));
      g.fillOval(d.cx() - d.r(), d.cy() - d.r(), 2 * d.r(), 2 * d.r());
    } else if (step instanceof Text t) {
      g.setColor(Color.decode(t.colour()));
      g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, t.size()));
      g.drawString(t.text(), t.x(), t.y());
    }
  }
}
