package dev.personas.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.personas.PersonasException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Serves a built site folder on 127.0.0.1 with the JDK's HTTP server. It never serves a file
 * outside the folder: paths with "..", "." or encoded separators are refused before any lookup.
 * It answers only requests addressed to this machine by name (127.0.0.1, localhost, [::1]), so a
 * page of another site whose name is made to resolve to 127.0.0.1 cannot read the preview.
 * HTML responses get a small reload script, so open pages follow rebuilds; the files on disk
 * never contain it.
 */
final class SiteServer implements AutoCloseable {
  static final String RELOAD_SCRIPT = "/__personas/reload.js";
  static final String VERSION = "/__personas/version";

  private final Path root;
  private final String baseUrl;
  private final LongSupplier generation;
  private final HttpServer server;
  private final ExecutorService threads;
  private static final int RECENT = 256;
  private static final java.time.Duration HOLD = java.time.Duration.ofSeconds(20);
  private final Object versionLock = new Object();
  // A client that sends its request line and headers slowly or never (slowloris) held a thread for
  // good; the JDK closes it after this many seconds. It reads the setting when its first server is
  // made, and the long poll's hold is not affected: it starts once the request has been read.
  private static final String REQUEST_TIME = "sun.net.httpserver.maxReqTime";
  static final int REQUEST_SECONDS = 10;

  /** Requests for site files (the reload check aside), and the latest of their paths. */
  private final AtomicLong filesServed = new AtomicLong();
  private final Deque<String> recentFiles = new ArrayDeque<>();

  /**
   * @param root the built site
   * @param baseUrl the path the site is served under ("/" or "/repo/")
   * @param port the port, or 0 for any free one
   * @param generation a number that changes with every successful rebuild
   */
  SiteServer(Path root, String baseUrl, int port, LongSupplier generation) {
    this.root = root.toAbsolutePath().normalize();
    this.baseUrl = baseUrl;
    this.generation = generation;
    if (System.getProperty(REQUEST_TIME) == null) {
      System.setProperty(REQUEST_TIME, Integer.toString(REQUEST_SECONDS));
    }
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw PersonasException.usage("Could not listen on 127.0.0.1:" + port + " (" + e.getMessage() + "); pass another --port, or 0 for any free one.");
    }
    // Unbounded: each open page holds one request waiting for the next version.
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "personas-serve");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The URL of the site's home page. */
  String url() {
    return "http://127.0.0.1:" + port() + baseUrl;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!isLocalHost(exchange.getRequestHeaders().getFirst("Host"))) {
        send(exchange, 403, "text/plain; charset=utf-8",
            "personas serve answers only requests for 127.0.0.1, localhost or [::1].\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD are served.\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String raw = exchange.getRequestURI().getRawPath();
      if (raw == null || !raw.startsWith("/") || isTraversal(raw)) {
        send(exchange, 400, "text/plain; charset=utf-8", "Bad path.\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals(RELOAD_SCRIPT)) {
        send(exchange, 200, ContentTypes.of(path), reloadScript());
      } else if (path.equals(VERSION)) {
        try {
          send(exchange, 200, "text/plain; charset=utf-8", version(exchange));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        record(path);
        serveFile(exchange, path);
      }
    }
  }

  /** Tells the open pages waiting on the version check that the site changed. */
  void changed() {
    synchronized (versionLock) {
      versionLock.notifyAll();
    }
  }

  // Answers the version at once, or, when the page says which version it has (?seen=N), as soon
  // as it differs, or after HOLD with the same one: a page learns of a rebuild without polling.
  private byte[] version(HttpExchange exchange) throws InterruptedException {
    String query = exchange.getRequestURI().getRawQuery();
    String seen = query != null && query.startsWith("seen=") ? query.substring("seen=".length()) : null;
    long deadline = System.nanoTime() + HOLD.toNanos();
    synchronized (versionLock) {
      while (seen != null && seen.equals(Long.toString(generation.getAsLong())) && System.nanoTime() < deadline) {
        versionLock.wait(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
    return Long.toString(generation.getAsLong()).getBytes(StandardCharsets.UTF_8);
  }

  /** How many requests for site files (any path but the reload check's) this server received. */
  long filesServed() {
    return filesServed.get();
  }

  /** The paths of the latest requests for site files, oldest first (at most {@value #RECENT}). */
  List<String> recentFiles() {
    synchronized (recentFiles) {
      return List.copyOf(recentFiles);
    }
  }

  private void record(String path) {
    filesServed.incrementAndGet();
    synchronized (recentFiles) {
      if (recentFiles.size() == RECENT) {
        recentFiles.removeFirst();
      }
      recentFiles.addLast(path);
    }
  }

  // DNS rebinding: a page on evil.example, its name now resolving to 127.0.0.1, is same-origin
  // with what it fetches from there, so it could read every page (a personal page too). Its
  // requests carry its own name in Host, which no one typing the preview's address sends. A
  // request without Host (HTTP/1.0) comes from no browser and is served.
  static boolean isLocalHost(String host) {
    if (host == null) {
      return true;
    }
    String name = host.toLowerCase(Locale.ROOT);
    int port = name.lastIndexOf(':');
    if (port >= 0 && port > name.lastIndexOf(']')) {
      name = name.substring(0, port);
    }
    return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
  }

  // Refused outright: any "." or ".." segment, and encoded dots, slashes, backslashes or NULs
  // that could turn into one after decoding.
  static boolean isTraversal(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("\\")) {
      return true;
    }
    for (String segment : rawPath.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return true;
      }
    }
    return false;
  }

  private void serveFile(HttpExchange exchange, String path) throws IOException {
    if ((path + "/").equals(baseUrl)) {
      redirect(exchange, baseUrl + query(exchange));
      return;
    }
    if (!path.startsWith(baseUrl)) {
      notFound(exchange);
      return;
    }
    String relative = path.substring(baseUrl.length());
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      notFound(exchange);
      return;
    }
    if (Files.isDirectory(file)) {
      if (!relative.isEmpty() && !relative.endsWith("/")) {
        // The path as the browser sent it: decoded, a name with a space or an accent would not
        // survive the header (written as ISO-8859-1), and the query would be lost.
        redirect(exchange, exchange.getRequestURI().getRawPath() + "/" + query(exchange));
        return;
      }
      file = file.resolve("index.html");
    }
    if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(root.toRealPath())) {
      notFound(exchange);
      return;
    }
    // The version is read before the file: a page never claims a newer version than it shows.
    long version = generation.getAsLong();
    byte[] body = Files.readAllBytes(file);
    String type = ContentTypes.of(file.getFileName().toString());
    send(exchange, 200, type, type.startsWith("text/html") ? withReloadScript(body, version) : body);
  }

  private void notFound(HttpExchange exchange) throws IOException {
    Path page = root.resolve("404.html");
    long version = generation.getAsLong();
    if (Files.isRegularFile(page)) {
      send(exchange, 404, "text/html; charset=utf-8", withReloadScript(Files.readAllBytes(page), version));
    } else {
      send(exchange, 404, "text/plain; charset=utf-8", "Not found.\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String query(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    return query == null ? "" : "?" + query;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    send(exchange, 301, "text/plain; charset=utf-8", ("Moved to " + location + "\n").getBytes(StandardCharsets.UTF_8));
  }

  // The page carries the version it was served at, so an edit saved before its first check still reloads it.
  private static byte[] withReloadScript(byte[] html, long version) {
    String scriptTag = "<script src=\"" + RELOAD_SCRIPT + "\" data-version=\"" + version + "\" defer></script>";
    String text = new String(html, StandardCharsets.UTF_8);
    int end = text.lastIndexOf("</body>");
    String injected = end < 0 ? text + scriptTag : text.substring(0, end) + scriptTag + text.substring(end);
    return injected.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] reloadScript() throws IOException {
    try (InputStream in = SiteServer.class.getResourceAsStream("reload.js")) {
      if (in == null) {
        throw new IOException("reload.js is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (head) {
      // The JDK sends no length for HEAD; a client asks to learn it (the GET's, script included).
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    }
    exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
