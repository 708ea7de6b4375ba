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

  // Pebble names the template being evaluated, which for an error inside a block of a child
  // template is the parent it extends, while the line is the child's. A child renders only its
  // blocks, so a line inside one of the child's blocks belongs to the child.
  private String where(PebbleException e, String rendered) {
    String reported = e.getFileName() == null ? rendered : stripSuffix(Path.of(e.getFileName()).getFileName().toString());
    Integer line = e.getLineNumber();
    String name = !reported.equals(rendered) && line != null && insideBlock(rendered, line) ? rendered : reported;
    return line == null ? file(name).toString() : file(name) + ":" + line;
  }

  private boolean insideBlock(String name, int line) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(name));
    } catch (IOException | RuntimeException e) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < lines.size() && i < line; i++) {
      String text = lines.get(i);
      int opens = count(text, "\\{%-?\\s*block\\b");
      int closes = count(text, "\\{%-?\\s*endblock\\b");
      if (i == line - 1) {
        return depth > 0 || opens > 0;
      }
      depth += opens - closes;
    }
    return false;
  }

  private static int count(String text, String regex) {
    return (int) java.util.regex.Pattern.compile(regex).matcher(text).results().count();
  }

  private static String stripSuffix(String name) {
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
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
