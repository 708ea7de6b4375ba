package dev.personas.site;

import dev.personas.Futures;
import dev.personas.PersonasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.LongSupplier;

/** Builds the whole site: read content, render every page type, write the folder in one swap. */
public final class SiteBuilder {
  private final SiteOptions options;
  private final List<Renderer> renderers;
  private final LongSupplier nanoTicker;

  /**
   * @param options what to read and where to write
   * @param renderers the page types, in order ({@link Renderers#standard()})
   * @param nanoTicker a clock in nanoseconds, for the time the summary reports (tests fix it)
   */
  public SiteBuilder(SiteOptions options, List<Renderer> renderers, LongSupplier nanoTicker) {
    this.options = options;
    this.renderers = List.copyOf(renderers);
    this.nanoTicker = nanoTicker;
  }

  /** Builds the site from the authored content and what the data stages computed. */
  public BuildResult build(SiteData data) {
    return buildKept(data).result();
  }

  /**
   * Whether {@code out} holds a personal page that `personas me` wrote into its {@code me} folder
   * (that folder carries a marker of its own; a build's page at /me/ does not): a build of
   * {@code out} replaces it with the rest of the folder.
   */
  public static boolean holdsAPersonalPage(Path out) {
    return Files.exists(out.resolve("me").resolve(SiteWriter.MARKER));
  }

  /**
   * Starts reading the authored content of a build with these options on a thread of its own:
   * it does not depend on the data stages, so a build that analyses a dataset reads it
   * meanwhile. What reading throws (the options' own complaints included) is thrown by the
   * {@link #build(SiteData, Future)} that uses it.
   */
  public static Future<Content> readAhead(Supplier<SiteOptions> options) {
    return CompletableFuture.supplyAsync(() -> read(options.get()), task -> {
      Thread thread = new Thread(task, "personas-content");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** Builds the site as {@link #build(SiteData)} does, with the content {@link #readAhead} read. */
  public BuildResult build(SiteData data, Future<Content> content) {
    return buildKept(data, content).result();
  }

  /** What a build made, kept by {@link LiveSite} so that an edit can re-render only what it changes. */
  record Built(RenderContext context, List<Output> files, BuildResult result) {}

  Built buildKept(SiteData data) {
    return buildKept(data, null);
  }

  /** @param ahead the content read ahead, or null to read it now */
  private Built buildKept(SiteData data, Future<Content> ahead) {
    long started = nanoTicker.getAsLong();
    Content content = ahead != null ? Futures.value(ahead) : read(options);
    SiteContext site = new SiteContext(
        content.title(), content.description(), options.baseUrl(), options.sourceUrl(),
        content.nav(), data.sample(), data.data(), options.origin());
    Templates templates = new Templates(options.templates(), site);
    templates.compile(templates.names());
    // The data stages' own files (model.json, validation.json) come first: pages may link to them.
    List<Output> published = data.files().entrySet().stream()
        .map(file -> Output.generated(file.getKey(), file.getValue()))
        .toList();
    RenderContext context = new RenderContext(site, content, templates, options, data.figures(), published);
    List<Output> files = renderAll(context);
    new LinkCheck(files).check(linksIn(content.pages(), templates));
    new SiteWriter(options.out()).write(files);
    return new Built(context, files, BuildResult.of(files, TimeUnit.NANOSECONDS.toMillis(nanoTicker.getAsLong() - started)));
  }

  /**
   * Re-renders the given content pages of a kept build with the given templates (the build's own,
   * or fresh ones after a template changed) and writes only those pages. Their links are checked
   * against the kept build's files.
   */
  Built rerender(Built last, Content content, Templates templates, List<ContentPage> pages) {
    long started = nanoTicker.getAsLong();
    RenderContext old = last.context();
    RenderContext context = new RenderContext(old.site(), content, templates, old.options(), old.figures(), List.of());
    List<Output> changed = ContentPageRenderer.render(pages, context);
    new LinkCheck(last.files()).check(linksIn(pages, templates));
    new SiteWriter(options.out()).replace(changed);
    Map<String, Output> files = new LinkedHashMap<>();
    last.files().forEach(file -> files.put(file.path(), file));
    changed.forEach(file -> files.put(file.path(), file));
    // The kept context keeps the build's templates unless they were replaced: later edits compare against it.
    RenderContext kept = new RenderContext(old.site(), content, templates, old.options(), old.figures(), old.earlier());
    long millis = TimeUnit.NANOSECONDS.toMillis(nanoTicker.getAsLong() - started);
    return new Built(kept, List.copyOf(files.values()), BuildResult.of(changed, millis));
  }

  private static Content read(SiteOptions options) {
    return new ContentReader(options.content(), new Markdown(options.baseUrl())).read();
  }

  private List<Output> renderAll(RenderContext context) {
    for (Renderer renderer : renderers) {
      context = context.plus(renderer.render(context));
    }
    List<Output> files = new ArrayList<>(context.earlier());
    checkNoPathTwice(files);
    files.sort(Comparator.comparing(Output::path));
    return files;
  }

  private static List<LinkUse> linksIn(List<ContentPage> pages, Templates templates) {
    List<LinkUse> links = new ArrayList<>(templates.urlCalls());
    pages.forEach(page -> links.addAll(page.links()));
    return links;
  }

  // Two page types writing one file would make the result depend on renderer order: refuse.
  private static void checkNoPathTwice(List<Output> files) {
    Set<String> seen = new HashSet<>();
    for (Output file : files) {
      if (!seen.add(file.path())) {
        throw PersonasException.failure(
            "Two sources make the same site file '" + file.path() + "' (a static file and a page, or two pages); rename one.");
      }
    }
  }
}
