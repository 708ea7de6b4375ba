package dev.personas.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The site `serve` keeps built: a full build first, then after each edit only what the edit
 * changes. An edited Markdown page whose front matter is unchanged is re-rendered alone; an edited
 * template re-renders the content pages whose template is it or extends, includes or imports it.
 * Anything else (a new or deleted file, front matter, site.yml, static files, a template other page
 * types use, such as the layout every page extends) rebuilds the whole site.
 */
public final class LiveSite {

  /** What a full build needs, fetched afresh for each full build. */
  public record Source(SiteBuilder builder, SiteData data) {
    public Source {
      Objects.requireNonNull(builder, "builder");
      Objects.requireNonNull(data, "data");
    }
  }

  /** What one build or update did, for the line `serve` prints. */
  public record Change(BuildResult result, List<String> pages, boolean whole) {
    /** "Built 21 pages, copied … in X ms" after a full build; "Re-rendered /method/ in X ms" after an update. */
    public String summary() {
      if (whole) {
        return result.summary();
      }
      return pages.isEmpty() ? "Nothing to re-render (" + result.millis() + " ms)"
          : "Re-rendered " + String.join(", ", pages) + " in " + result.millis() + " ms";
    }

    /** Whether any page of the site may have changed. */
    public boolean changedPages() {
      return whole || !pages.isEmpty();
    }
  }

  private final Supplier<Source> source;
  private SiteBuilder builder;
  private SiteBuilder.Built last;
  // Templates the last full build rendered more often than content pages name them: other page
  // types (404, the personal page) use them too, so an edit of one rebuilds the whole site.
  private Set<String> sharedTemplates = Set.of();
  private Set<String> knownTemplates = Set.of();

  /** @param source the builder and data of a full build (analysis, renderers), asked for each full build */
  public LiveSite(Supplier<Source> source) {
    this.source = source;
  }

  /** Builds the whole site. */
  public synchronized Change build() {
    // Until a full build succeeds, a later edit cannot build on the kept one.
    last = null;
    Source next = source.get();
    SiteBuilder.Built built = next.builder().buildKept(next.data());
    builder = next.builder();
    last = built;
    Templates templates = built.context().templates();
    List<ContentPage> pages = built.context().content().pages();
    knownTemplates = Set.copyOf(templates.names());
    sharedTemplates = templates.names().stream()
        .filter(name -> templates.renders(name) > pages.stream().filter(p -> p.template().equals(name)).count())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    return new Change(built.result(), List.of(), true);
  }

  /**
   * Brings the site up to date after the given files changed: re-renders only the pages they
   * change when it can tell which, else builds the whole site. After a failure (a broken link,
   * a template error) the served files stay as they were and the next change builds the whole site.
   */
  public synchronized Change update(Set<Path> changed) {
    if (last == null) {
      return build();
    }
    Optional<List<ContentPage>> pages;
    try {
      pages = pagesOnly(changed);
    } catch (RuntimeException e) {
      // The files on disk have moved on from the kept build: the next change rebuilds everything.
      last = null;
      throw e;
    }
    if (pages.isEmpty()) {
      return build();
    }
    return new Change(last.result(), pages.get().stream().map(ContentPage::path).toList(), false);
  }

  // Re-renders the pages the change touches and returns them; empty when only a full build will do.
  private Optional<List<ContentPage>> pagesOnly(Set<Path> changed) {
    SiteOptions options = last.context().options();
    Path contentRoot = options.content().toAbsolutePath().normalize();
    Path templateRoot = options.templates().toAbsolutePath().normalize();
    Content content = last.context().content();
    Set<String> templatesChanged = new TreeSet<>();
    Map<String, ContentPage> pagesChanged = new java.util.TreeMap<>();
    for (Path raw : changed) {
      Path file = raw.toAbsolutePath().normalize();
      if (!Files.exists(file) && isScratch(file, contentRoot, templateRoot, content)) {
        continue;
      }
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      if (file.startsWith(contentRoot) && file.toString().endsWith(".md")) {
        String source = contentRoot.relativize(file).toString().replace('\\', '/');
        Optional<ContentPage> before = content.pages().stream().filter(p -> p.source().equals(source)).findFirst();
        if (before.isEmpty() || readByOtherPages(before.get())) {
          return Optional.empty();
        }
        ContentPage after = new ContentReader(options.content(), new Markdown(options.baseUrl())).page(options.content().resolve(source));
        // Front matter feeds the navigation, section indexes and share cards: a change there rebuilds all.
        if (!after.frontMatter().equals(before.get().frontMatter())) {
          return Optional.empty();
        }
        pagesChanged.put(source, after);
      } else if (file.startsWith(templateRoot) && file.toString().endsWith(Templates.SUFFIX)) {
        String name = templateRoot.relativize(file).toString().replace('\\', '/');
        templatesChanged.add(name.substring(0, name.length() - Templates.SUFFIX.length()));
      } else {
        return Optional.empty();
      }
    }
    Templates templates = last.context().templates();
    if (!templatesChanged.isEmpty()) {
      Set<String> users = templates.usersOf(templatesChanged);
      if (users.stream().anyMatch(sharedTemplates::contains)) {
        return Optional.empty();
      }
      content.pages().stream().filter(p -> users.contains(p.template())).forEach(p -> pagesChanged.putIfAbsent(p.source(), p));
      templates = new Templates(options.templates(), last.context().site());
      templates.compile(templatesChanged);
    }
    List<ContentPage> pages = new ArrayList<>();
    for (ContentPage page : content.pages()) {
      pages.add(pagesChanged.getOrDefault(page.source(), page));
    }
    Content updated = new Content(content.title(), content.description(), pages);
    List<ContentPage> rerender = updated.pages().stream().filter(p -> pagesChanged.containsKey(p.source())).toList();
    last = builder.rerender(last, updated, templates, rerender);
    return Optional.of(rerender);
  }

  // A file that came and went between two builds, such as an editor's temporary file: gone now,
  // and no page or template of the kept build.
  private boolean isScratch(Path file, Path contentRoot, Path templateRoot, Content content) {
    if (file.startsWith(contentRoot)) {
      String source = contentRoot.relativize(file).toString().replace('\\', '/');
      return content.pages().stream().noneMatch(p -> p.source().equals(source));
    }
    if (file.startsWith(templateRoot)) {
      String name = templateRoot.relativize(file).toString().replace('\\', '/');
      return !name.endsWith(Templates.SUFFIX)
          || !knownTemplates.contains(name.substring(0, name.length() - Templates.SUFFIX.length()));
    }
    return false;
  }

  // The persona pages and the page with the rates' wording are read by the finder and the
  // personal page (FinderView, PersonalAuthored, PersonalPageRenderer): an edit there rebuilds all.
  private static boolean readByOtherPages(ContentPage page) {
    return page.template().equals("persona") || page.frontMatter().containsKey("rates");
  }
}
