package dev.personas.site;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything authored in content/: the site's name and its Markdown pages, sorted by path.
 *
 * @param title the site's name (site.yml `title`)
 * @param description the site's one-line summary (site.yml `description`)
 * @param pages every page, sorted by URL path
 */
public record Content(String title, String description, List<ContentPage> pages) {

  public Content {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    pages = pages.stream().sorted(Comparator.comparing(ContentPage::path)).toList();
  }

  /** The main navigation: pages marked `nav: true`, by `order`, then by path. */
  public List<NavItem> nav() {
    return pages.stream()
        .filter(ContentPage::nav)
        .map(p -> new NavItem(navTitle(p), p.path(), p.order()))
        .sorted(Comparator.comparingInt(NavItem::order).thenComparing(NavItem::path))
        .toList();
  }

  private static String navTitle(ContentPage page) {
    Object short_ = page.frontMatter().get("nav_title");
    return short_ == null ? page.title() : String.valueOf(short_);
  }
}
