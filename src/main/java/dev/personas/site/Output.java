package dev.personas.site;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of the built site, held in memory until the whole build has succeeded.
 *
 * @param path the file's path inside the site, with "/" separators and no leading "/"
 * @param bytes its content
 * @param kind whether it is a rendered page, a generated file or a copy
 */
public record Output(String path, byte[] bytes, Kind kind) {

  /** What a file is, for the build summary and the sitemap. */
  public enum Kind {
    /** An HTML page rendered from a template. */
    PAGE,
    /** A file the build writes itself: sitemap.xml, robots.txt, .nojekyll, data files. */
    GENERATED,
    /** A file copied as it is: static/ and vendored libraries. */
    COPY
  }

  public Output {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(kind, "kind");
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.endsWith("/")
        || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
      throw new IllegalArgumentException("Not a file path inside the site: " + path);
    }
  }

  public static Output page(String path, String html) {
    return new Output(path, html.getBytes(StandardCharsets.UTF_8), Kind.PAGE);
  }

  public static Output generated(String path, String text) {
    return new Output(path, text.getBytes(StandardCharsets.UTF_8), Kind.GENERATED);
  }

  /** A file the build computed, as bytes (model.json, validation.json). */
  public static Output generated(String path, byte[] bytes) {
    return new Output(path, bytes, Kind.GENERATED);
  }

  public static Output copy(String path, byte[] bytes) {
    return new Output(path, bytes, Kind.COPY);
  }

  /** The page's URL path relative to the site root: "method/index.html" → "method/". */
  public String urlPath() {
    if (path.equals("index.html") || path.endsWith("/index.html")) {
      return path.substring(0, path.length() - "index.html".length());
    }
    return path;
  }
}
