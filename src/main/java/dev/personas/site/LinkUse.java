package dev.personas.site;

import java.util.Objects;

/**
 * A site-internal link written somewhere: in a Markdown page or through url() in a template.
 *
 * @param where the file and line that wrote it ("content/method.md:12")
 * @param target the site-relative path it points to ("/method/", "/css/site.css#x")
 */
public record LinkUse(String where, String target) {
  public LinkUse {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(target, "target");
  }

  /** Whether the link points into the site ("/x"), not elsewhere ("//host", "https:", "#id"). */
  public boolean isInternal() {
    return target.startsWith("/") && !target.startsWith("//");
  }

  /** The site file it needs: "/method/#limits" → "method/index.html", "/" → "index.html". */
  public String file() {
    String path = target.replaceAll("[?#].*$", "").substring(1);
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }
}
