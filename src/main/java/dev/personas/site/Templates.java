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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Pebble templates of one build ({@code templates/<name>.peb}). Autoescaping stays on: only
 * values a renderer wraps with {@link #trusted(String)} reach a page unescaped. Templates see the
 * global {@code site} and a {@code url('/path/')} function that honours the base URL. Variables
 * are strict: a name the model does not define fails the build with the template's file and line
 * instead of rendering as an empty string.
 */
public final class Templates {
  static final String SUFFIX = ".peb";
  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("\\{%-?\\s*(?:extends|include|import|embed|from)\\b(.*?)-?%}", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("([\"'])([^\"']+)\\1");
  private static final java.util.regex.Pattern BLOCK_OPEN = java.util.regex.Pattern.compile("\\{%-?\\s*block\\b");
  private static final java.util.regex.Pattern BLOCK_CLOSE = java.util.regex.Pattern.compile("\\{%-?\\s*endblock\\b");

  private final Path folder;
  private final PebbleEngine engine;
  private final SiteContext site;
  // The template a render() call started from, to place url() calls made inside its blocks.
  private final ThreadLocal<String> rendering = new ThreadLocal<>();
  // A set: a layout's url() calls repeat on every page, and the link check needs each once.
  private final Set<LinkUse> urlCalls = ConcurrentHashMap.newKeySet();
  // How often each template was rendered as a page, to tell which templates other renderers use.
  private final Map<String, LongAdder> renders = new ConcurrentHashMap<>();
  // Per template, which of its lines lie inside a block: read once per build, not per url() call.
  private final Map<String, boolean[]> blockLines = new ConcurrentHashMap<>();

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
            .extension(new SiteExtension(site, this::recordUrl))
            .build();
  }

  /** Whether templates/{name}.peb exists; a name is words and "/" only, never a path out. */
  public boolean exists(String name) {
    return name.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*") && Files.isRegularFile(file(name));
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
    renders.computeIfAbsent(name, n -> new LongAdder()).increment();
    Map<String, Object> values = new HashMap<>(model);
    values.put("site", site);
    try {
      PebbleTemplate template = engine.getTemplate(name);
      StringWriter out = new StringWriter();
      rendering.set(name);
      template.evaluate(out, values, Locale.ROOT);
      return out.toString();
    } catch (PebbleException e) {
      throw PersonasException.failure(where(e, name) + ": " + e.getPebbleMessage() + " (while rendering " + renderingWhat + ")", e);
    } catch (IOException e) {
      throw PersonasException.failure("Could not render " + file(name) + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw PersonasException.failure(file(name) + ": " + e.getMessage() + " (while rendering " + renderingWhat + ")", e);
    } finally {
      rendering.remove();
    }
  }

  /**
   * Every url('/path/') a template called so far, with the template file and line, in one order
   * whatever order the pages were rendered in.
   */
  public List<LinkUse> urlCalls() {
    return urlCalls.stream()
        .sorted(java.util.Comparator.comparing(LinkUse::where).thenComparing(LinkUse::target))
        .toList();
  }

  /** How many pages this template rendered so far (as the template asked for, not as a parent). */
  int renders(String name) {
    LongAdder count = renders.get(name);
    return count == null ? 0 : count.intValue();
  }

  /**
   * The templates that are one of the given ones or extend, include, import or embed one,
   * directly or through others: what an edit of the given templates can change. A template
   * naming its parent by an expression without a quoted name counts as using every template.
   */
  Set<String> usersOf(Set<String> changed) {
    Map<String, Set<String>> uses = new HashMap<>();
    for (String name : names()) {
      uses.put(name, references(name));
    }
    Set<String> users = new java.util.TreeSet<>(changed);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> template : uses.entrySet()) {
        Set<String> refs = template.getValue();
        boolean usesChanged = refs == null || refs.stream().anyMatch(users::contains);
        if (usesChanged && users.add(template.getKey())) {
          grew = true;
        }
      }
    }
    return users;
  }

  /**
   * Compiles the named templates, so that one no page renders yet (page.peb, the default of a
   * Markdown page without a template of its own) fails the build that broke it, not the one
   * that first uses it. A failure names the file and line.
   */
  void compile(Collection<String> names) {
    for (String name : names) {
      if (!exists(name)) {
        continue;
      }
      try {
        engine.getTemplate(name);
      } catch (PebbleException e) {
        throw PersonasException.failure(where(e, name) + ": " + e.getPebbleMessage()
            + " (a template every build compiles, whether a page uses it or not)", e);
      }
    }
  }

  /** Every template of the folder, by name ("page", "guide/item"). */
  List<String> names() {
    try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(SUFFIX))
          .map(p -> stripSuffix(folder.relativize(p).toString().replace('\\', '/')))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw PersonasException.failure("Could not list the templates folder " + folder + ": " + e.getMessage(), e);
    }
  }

  // The template names a template's extends/include/import/embed/from tags quote; null when a
  // tag names its template by an expression alone, so that it could be any template.
  private Set<String> references(String name) {
    String text;
    try {
      text = Files.readString(file(name));
    } catch (IOException e) {
      return null;
    }
    Set<String> refs = new java.util.HashSet<>();
    java.util.regex.Matcher tag = REFERENCE.matcher(text);
    while (tag.find()) {
      java.util.regex.Matcher quoted = QUOTED.matcher(tag.group(1));
      boolean any = false;
      while (quoted.find()) {
        refs.add(stripSuffix(quoted.group(2)));
        any = true;
      }
      if (!any) {
        return null;
      }
    }
    return refs;
  }

  private void recordUrl(String template, int line, String path) {
    urlCalls.add(new LinkUse(file(owner(template, rendering.get(), line)) + ":" + line, path));
  }

  /** Marks HTML as trusted so autoescaping leaves it alone: only for authored content. */
  public static SafeString trusted(String html) {
    return new SafeString(html);
  }

  // Pebble names the template being evaluated, which for an error inside a block of a child
  // template is the parent it extends, while the line is the child's. A child renders only its
  // blocks, so a line inside one of the child's blocks belongs to the child.
  private String where(PebbleException e, String rendered) {
    String reported = e.getFileName() == null ? rendered : e.getFileName();
    Integer line = e.getLineNumber();
    if (line == null) {
      return file(stripSuffix(reported)).toString();
    }
    String owner = owner(reported, rendered, line);
    // Still ambiguous when both files have a template line there: the one whose line names
    // what Pebble complains about ("Function or Macro [nope]") is the one at fault.
    String parent = nameOf(reported);
    String named = bracketed(e.getPebbleMessage());
    if (!owner.equals(parent) && named != null && lineNames(parent, line, named) && !lineNames(owner, line, named)) {
      owner = parent;
    }
    return file(owner) + ":" + line;
  }

  private String owner(String reportedName, String rendered, int line) {
    String reported = nameOf(reportedName);
    return rendered != null && !reported.equals(rendered) && insideBlock(rendered, line) ? rendered : reported;
  }

  // The template name of a file Pebble names, by its path or by its name: "sub/item" for
  // templates/sub/item.peb, not "item", which would name another file.
  private String nameOf(String reported) {
    Path root = folder.toAbsolutePath().normalize();
    Path path = Path.of(reported);
    String name = path.isAbsolute() && path.normalize().startsWith(root)
        ? root.relativize(path.normalize()).toString() : reported;
    return stripSuffix(name.replace('\\', '/'));
  }

  private static String bracketed(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]+)]").matcher(message == null ? "" : message);
    return m.find() ? m.group(1) : null;
  }

  private boolean lineNames(String name, int line, String token) {
    try {
      List<String> lines = Files.readAllLines(file(name));
      return line >= 1 && line <= lines.size() && lines.get(line - 1).contains(token);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private boolean insideBlock(String name, int line) {
    boolean[] inside = blockLines.computeIfAbsent(name, this::linesInsideBlocks);
    return line >= 1 && line <= inside.length && inside[line - 1];
  }

  // Line i (from 0) is inside a block when a block is open before it or opens on it.
  private boolean[] linesInsideBlocks(String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(name));
    } catch (IOException | RuntimeException e) {
      return new boolean[0];
    }
    boolean[] inside = new boolean[lines.size()];
    int depth = 0;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      int opens = count(text, BLOCK_OPEN);
      inside[i] = depth > 0 || opens > 0;
      depth += opens - count(text, BLOCK_CLOSE);
    }
    return inside;
  }

  private static int count(String text, java.util.regex.Pattern pattern) {
    return (int) pattern.matcher(text).results().count();
  }

  private static String stripSuffix(String name) {
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }

  private interface UrlListener {
    void called(String template, int line, String path);
  }

  /** Adds url(path): a site-relative path under the base URL. */
  private static final class SiteExtension extends AbstractExtension {
    private final SiteContext site;
    private final UrlListener listener;

    SiteExtension(SiteContext site, UrlListener listener) {
      this.site = site;
      this.listener = listener;
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
          listener.called(self.getName(), line, String.valueOf(path));
          return site.url(String.valueOf(path));
        }
      });
    }
  }
}
