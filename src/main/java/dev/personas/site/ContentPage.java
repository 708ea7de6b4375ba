package dev.personas.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Markdown file of content/, parsed and ready to render.
 *
 * @param source the file, relative to content/, with "/" separators (for messages)
 * @param path the page's site-relative URL path: "/" or "/method/"
 * @param template the Pebble template that renders it
 * @param title the page title (front matter `title`)
 * @param description the meta description (front matter `description`, else the site's)
 * @param nav whether the page appears in the main navigation (front matter `nav`)
 * @param order its position there (front matter `order`)
 * @param html the body rendered from Markdown: trusted, authored content
 * @param toc the page's h2 and h3 headings
 * @param frontMatter every front matter value, in key order, for templates that need more
 * @param links the links the Markdown body writes, with their lines (checked after the build)
 */
public record ContentPage(
    String source,
    String path,
    String template,
    String title,
    String description,
    boolean nav,
    int order,
    String html,
    List<TocEntry> toc,
    Map<String, Object> frontMatter,
    List<LinkUse> links) {

  public ContentPage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(frontMatter, "frontMatter");
    if (!path.startsWith("/") || !path.endsWith("/")) {
      throw new IllegalArgumentException("A page path starts and ends with '/': " + path);
    }
    toc = List.copyOf(toc);
    links = List.copyOf(links);
  }

  /** The file this page is written to inside the site: "index.html" or "method/index.html". */
  public String outputFile() {
    return path.substring(1) + "index.html";
  }
}
