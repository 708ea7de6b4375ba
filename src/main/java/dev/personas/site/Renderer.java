package dev.personas.site;

import java.util.List;

/**
 * Makes the files of one page type (content pages, the sitemap, the 404 page, a persona page…).
 * Every renderer of the site is listed once, in {@link Renderers#standard()}. Pages rendered
 * through the shared layout pass {@code current}, their path ("/method/"), so the navigation can
 * mark where the reader is.
 */
public interface Renderer {

  /**
   * The files this renderer contributes. It writes nothing itself: the builder writes all files
   * at the end, so a failure anywhere leaves the previous site untouched.
   */
  List<Output> render(RenderContext context);
}
