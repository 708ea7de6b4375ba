package dev.personas.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The global template context, visible to every template as {@code site}.
 *
 * @param title the site's name, shown in the header and in every page title
 * @param description the site's one-line summary, the default meta description
 * @param baseUrl the path the site is served under, starting and ending with "/"
 * @param sourceUrl where the source lives, linked from the footer when known
 * @param nav the main navigation, in menu order
 * @param sample true when figures come from the bundled synthetic sample (a banner says so)
 * @param data values the data stages computed, in key order
 * @param origin scheme and host the site is published at, when known (absolute links for
 *     crawlers and link previews)
 */
public record SiteContext(
    String title,
    String description,
    String baseUrl,
    Optional<String> sourceUrl,
    List<NavItem> nav,
    boolean sample,
    Map<String, Object> data,
    Optional<String> origin) {

  /** A context for a site whose origin is unknown (a page opened from disk, a local preview). */
  public SiteContext(String title, String description, String baseUrl, Optional<String> sourceUrl,
      List<NavItem> nav, boolean sample, Map<String, Object> data) {
    this(title, description, baseUrl, sourceUrl, nav, sample, data, Optional.empty());
  }

  public SiteContext {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    // "./" makes every url() relative: a page folder that works opened from the file system.
    if (!baseUrl.equals("./") && (!baseUrl.startsWith("/") || !baseUrl.endsWith("/"))) {
      throw new IllegalArgumentException("A base URL starts and ends with '/': " + baseUrl);
    }
    nav = List.copyOf(nav);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(origin, "origin");
  }

  /** The URL of a site-relative path under the base URL: "/method/" → "/repo/method/". */
  public String url(String path) {
    if (path.startsWith("/") && !path.startsWith("//")) {
      return baseUrl + path.substring(1);
    }
    return path;
  }

  /**
   * An already based URL made absolute when the origin is known ("/repo/me/card.svg" →
   * "https://me.github.io/repo/me/card.svg"): Open Graph wants absolute image URLs. Relative URLs
   * and unknown origins are returned as they are.
   */
  public String absolute(String url) {
    return origin.isPresent() && url.startsWith("/") && !url.startsWith("//") ? origin.get() + url : url;
  }

  /** The footer's source link, or an empty string when unknown (templates test it with `if`). */
  public String source() {
    return sourceUrl.orElse("");
  }
}
