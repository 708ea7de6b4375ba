package dev.personas.site;

import dev.personas.serve.DevServer;
import dev.personas.site.figures.FixtureFigures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole site as the checks over it need it: the real content, templates and static files,
 * the fixture figures of the bundled-sample kind, and the personal page at /me/.
 */
public final class FixtureSite {
  /** The sub-path the checks serve the site under, so every link must honour the base URL. */
  public static final String BASE_URL = "/personas-site/";

  private FixtureSite() {}

  /** Builds into {@code temp}/site and returns the copy of the sources it built from. */
  public static TestSite build(Path temp) {
    TestSite site = TestSite.copyInto(temp);
    new SiteBuilder(site.options(BASE_URL), renderers(), () -> 0L).build(SiteData.of(FixtureFigures.sample()));
    return site;
  }

  /** A started development server and the URL of the site's home page. */
  public record Served(DevServer server, String home) {}

  /**
   * Starts the project's development server on a build of the site (any free port, its output
   * discarded); the caller closes the server.
   */
  public static Served serve(SiteOptions options, List<Renderer> renderers, SiteData data) {
    DevServer server = new DevServer(options, new LiveSite(() -> new LiveSite.Source(new SiteBuilder(options, renderers, () -> 0L), data)), 0,
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    return new Served(server, server.start());
  }

  /** The standard renderers plus the personal results page at /me/. */
  public static List<Renderer> renderers() {
    List<Renderer> renderers = new ArrayList<>(Renderers.standard());
    renderers.add(0, new PersonalPageRenderer(FixtureFigures.personal(), "/me/"));
    return renderers;
  }
}
