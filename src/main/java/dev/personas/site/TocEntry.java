package dev.personas.site;

/**
 * One heading of a page, for its table of contents.
 *
 * @param level 2 for an h2, 3 for an h3
 * @param id the heading's anchor id on the page
 * @param text the heading's plain text
 */
public record TocEntry(int level, String id, String text) {
  public TocEntry {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("A heading level is 1 to 6: " + level);
    }
  }
}
