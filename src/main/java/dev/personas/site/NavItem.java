package dev.personas.site;

import java.util.Objects;

/**
 * One entry of the site's main navigation.
 *
 * @param title the label shown
 * @param path the site-relative path it leads to, starting with "/" (templates pass it to url())
 * @param order position in the menu, lowest first
 */
public record NavItem(String title, String path, int order) {
  public NavItem {
    Objects.requireNonNull(title, "title");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("A navigation path starts with '/': " + path);
    }
  }
}
