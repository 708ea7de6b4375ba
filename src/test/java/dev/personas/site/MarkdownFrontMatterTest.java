package dev.personas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Front matter is read line by line as far as its closing line, lines split as "\r?\n" splits them. */
class MarkdownFrontMatterTest {
  private final Markdown markdown = new Markdown("/");

  private Map<String, Object> frontMatter(String text) {
    return markdown.parse("page.md", text).frontMatter();
  }

  @Test
  void theBlockBetweenTheFirstTwoFenceLinesIsRead() {
    Map<String, Object> title = Map.of("title", "A");
    assertEquals(title, frontMatter("---\ntitle: A\n---\n\nText.\n"));
    assertEquals(title, frontMatter("---\r\ntitle: A\r\n---\r\nText.\r\n"));
    assertEquals(title, frontMatter("---\ntitle: A\n---"));
    assertEquals(title, frontMatter("  ---  \ntitle: A\n --- \nText."));
    // "\r?\n" takes one carriage return with the line feed; the other is the line's, and strip() drops it.
    assertEquals(title, frontMatter("---\r\r\ntitle: A\r\n---\r\r\n"));
    assertEquals(Map.of("title", "A", "n", 2), frontMatter("---\ntitle: A\n\nn: 2\n---\n---\n"));
  }

  @Test
  void withoutAnOpeningFenceLineThereIsNone() {
    assertEquals(Map.of(), frontMatter(""));
    assertEquals(Map.of(), frontMatter("\n---\ntitle: A\n---\n"));
    assertEquals(Map.of(), frontMatter("title: A\n---\n"));
    assertEquals(Map.of(), frontMatter("---x\ntitle: A\n---\n"));
    assertEquals(Map.of(), frontMatter("---\n---\nText."));
    // A carriage return alone ends no line.
    assertEquals(Map.of(), frontMatter("---\rtitle: A\r---\r"));
  }

  @Test
  void anUnclosedBlockIsAnError() {
    for (String text : new String[] {"---", "---\n", "---\ntitle: A\n", "---\ntitle: A\r---\r"}) {
      PersonasException e = assertThrows(PersonasException.class, () -> frontMatter(text), text);
      assertTrue(e.getMessage().startsWith("page.md:1: the front matter starting here has no closing"), e.getMessage());
    }
  }
}
