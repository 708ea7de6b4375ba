package dev.personas.site;

import dev.personas.PersonasException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Pebble templates of one build ({@code templates/<name>.peb}). Autoescaping stays on: only
 * values a renderer wraps with {@link #trusted(String)} reach a page unescaped. Templates see the
 * global {@code site} and a {@code url('/path/')} function that honours the base URL.
 */
public final class Templates {
  static final String SUFFIX = ".peb";

  private final Path folder;
  private final PebbleEngine engine;
  private final SiteContext site;

  Templates(Path folder, SiteContext site) {
    if (!Files.isDirectory(folder)) {
      throw PersonasException.usage(
          "The templates folder " + folder + " does not exist; pass --templates with the folder of .peb files.");
    }
    this.folder = folder;
    this.site = site;
    FileLoader loader = new FileLoader(folder.toAbsolutePath().toString());
    loader.setSuffix(SUFFIX);
    this.engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .strictVariables(true)
            .defaultLocale(Locale.ROOT)
            .cacheActive(true)
            .extension(new SiteExtension(site))
            .build();
  }

  /** Whether templates/{name}.peb exists. */
  public boolean exists(String name) {
    return !name.isBlank() && !name.contains("..") && Files.isRegularFile(file(name));
  }

  /** The file of a template, for messages. */
  public Path file(String name) {
    return folder.resolve(name + SUFFIX);
  }

  /**
   * Renders a template with the given values plus {@code site}. A failure names the template
   * file and line, and what was being rendered.
   */
  public String render(String name, Map<String, Object> model, String renderingWhat) {
    if (!exists(name)) {
      throw PersonasException.failure(
          "No template " + file(name) + " (needed for " + renderingWhat + "); add it or name an existing template.");
    }
    Map<String, Object> values = new HashMap<>(model);
    values.put("site", site);
    try {
      PebbleTemplate template = engine.getTemplate(name);
      StringWriter out = new StringWriter();
      template.evaluate(out, values, Locale.ROOT);
      return out.toString();
    } catch (PebbleException e) {
      throw PersonasException.failure(where(e, name) + ": " + e.getPebbleMessage() + " (while rendering " + renderingWhat + ")", e);
    } catch (IOException e) {
      throw PersonasException.failure("Could not render " + file(name) + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw PersonasException.failure(file(name) + ": " + e.getMessage() + " (while rendering " + renderingWhat + ")", e);
    }
  }

  /** Marks HTML as trusted so autoescaping leaves it alone: only for authored content. */
  public static SafeString trusted(String html) {
    return new SafeString(html);
  }

  // Pebble reports the template file it was in when it failed (an included one, say), by name.
  private String where(PebbleException e, String fallback) {
    String name = e.getFileName() == null ? fallback : e.getFileName();
    Path file = Path.of(name).isAbsolute() ? Path.of(name) : file(name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name);
    return e.getLineNumber() == null ? file.toString() : file + ":" + e.getLineNumber();
  }

  /** Adds url(path): a site-relative path under the base URL. */
  private static final class SiteExtension extends AbstractExtension {
    private final SiteContext site;

    SiteExtension(SiteContext site) {
      this.site = site;
    }

    @Override
    public Map<String, Function> getFunctions() {
      return Map.of("url", new Function() {
        @Override
        public List<String> getArgumentNames() {
          return List.of("path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
          Object path = args.get("path");
          if (path == null) {
            throw new PebbleException(null, "url() needs a path such as '/method/'", line, self.getName());
          }
          return site.url(String.valueOf(path));
        }
      });
    }
  }
}
