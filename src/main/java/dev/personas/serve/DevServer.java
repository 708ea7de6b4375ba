package dev.personas.serve;

import dev.personas.PersonasException;
import dev.personas.site.LiveSite;
import dev.personas.site.SiteOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the site, serves it, and brings it up to date when content, templates or static files
 * change: an edited page or template re-renders only the pages it changes (see {@link LiveSite}).
 * A failed rebuild is reported and the last good site stays up.
 */
public final class DevServer implements AutoCloseable {
  // An editor's save is a burst of events a few milliseconds apart; wait this long for the end.
  private static final Duration QUIET = Duration.ofMillis(25);

  private final SiteOptions options;
  private final LiveSite site;
  private final int port;
  private final PrintWriter out;
  private final PrintWriter err;
  private final AtomicLong generation = new AtomicLong();
  private SiteServer server;
  private SiteWatcher watcher;

  /**
   * @param options the folders to watch, the output folder and the base URL
   * @param site the site, built whole (the same build `personas build` runs) or page by page
   * @param port the port, 0 for any free one
   */
  public DevServer(SiteOptions options, LiveSite site, int port, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.site = site;
    this.port = port;
    this.out = out;
    this.err = err;
  }

  /** Claims the port, builds once (a failure here is fatal), then serves and watches. Returns the home page URL. */
  public synchronized String start() {
    // Claim the port first: a port in use should fail before a build is spent.
    server = new SiteServer(options.out(), options.baseUrl(), port, generation::get);
    report(site.build());
    generation.incrementAndGet();
    server.start();
    watcher = new SiteWatcher(List.of(options.content(), options.templates(), options.staticFiles()), QUIET, this::rebuild);
    watcher.start();
    return server.url();
  }

  /**
   * How many requests for site files the server received so far (its own reload check aside):
   * the browser tests count what a page asks for after it has loaded.
   */
  public synchronized long filesServed() {
    return server == null ? 0 : server.filesServed();
  }

  /** The paths of the latest requests for site files, oldest first. */
  public synchronized List<String> recentFiles() {
    return server == null ? List.of() : server.recentFiles();
  }

  /** How many successful builds the server has served so far. */
  public long generation() {
    return generation.get();
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private synchronized void rebuild(Set<Path> changed) {
    try {
      LiveSite.Change change = site.update(changed);
      report(change);
      if (change.changedPages()) {
        generation.incrementAndGet();
        server.changed();
      }
    } catch (PersonasException e) {
      err.println("personas: " + e.getMessage());
      err.println("personas: still serving the last good build; fix the file and save it again.");
      err.flush();
    } catch (RuntimeException e) {
      err.println("personas: rebuild failed unexpectedly: " + e);
      err.flush();
    }
  }

  private void report(LiveSite.Change change) {
    out.println(change.summary());
    out.flush();
  }
}
