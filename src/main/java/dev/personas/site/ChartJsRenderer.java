package dev.personas.site;

import dev.personas.PersonasException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * Copies Chart.js out of its WebJar into the site, with its licence, so pages never load a
 * script from a CDN. The version is read from the WebJar itself, so a dependency bump needs no
 * code change.
 */
final class ChartJsRenderer implements Renderer {
  /** Where pages find Chart.js, relative to the site root (templates: url('/assets/vendor/chart.umd.js')). */
  static final String SCRIPT = "assets/vendor/chart.umd.js";

  static final String LICENSE = "assets/vendor/chart.js-LICENSE.md";
  private static final String POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

  @Override
  public List<Output> render(RenderContext context) {
    String root = "/META-INF/resources/webjars/chart.js/" + version() + "/";
    return List.of(Output.copy(SCRIPT, resource(root + "dist/chart.umd.js")), Output.copy(LICENSE, resource(root + "LICENSE.md")));
  }

  static String version() {
    Properties pom = new Properties();
    try (InputStream in = ChartJsRenderer.class.getResourceAsStream(POM)) {
      if (in == null) {
        throw PersonasException.failure("The Chart.js WebJar is missing from the classpath (" + POM + "); rebuild the jar.");
      }
      pom.load(in);
    } catch (IOException e) {
      throw PersonasException.failure("Could not read " + POM + ": " + e.getMessage(), e);
    }
    return pom.getProperty("version");
  }

  private static byte[] resource(String name) {
    try (InputStream in = ChartJsRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw PersonasException.failure("The Chart.js WebJar has no " + name + "; rebuild the jar.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw PersonasException.failure("Could not read " + name + ": " + e.getMessage(), e);
    }
  }
}
