package dev.personas.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and their subfolders, and hands the changed paths to an action once changes
 * have settled: an editor saving a file fires several events, and a burst must cause one rebuild,
 * not five. When events were lost (overflow) the watched folder itself is among the paths.
 */
final class SiteWatcher implements AutoCloseable {
  private final WatchService service;
  private final Duration quiet;
  private final Consumer<Set<Path>> onChange;
  private final Thread thread;

  SiteWatcher(List<Path> folders, Duration quiet, Consumer<Set<Path>> onChange) {
    this.quiet = quiet;
    this.onChange = onChange;
    try {
      this.service = folders.get(0).getFileSystem().newWatchService();
      for (Path folder : folders) {
        registerTree(folder);
      }
    } catch (IOException e) {
      throw PersonasException.failure("Could not watch " + folders + " for changes: " + e.getMessage(), e);
    }
    this.thread = new Thread(this::loop, "personas-watch");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // Closing only stops the watch thread; nothing is left to clean up.
    }
    thread.interrupt();
  }

  private void loop() {
    Set<Path> pending = new TreeSet<>();
    try {
      while (true) {
        // While a change is pending, wait only for the quiet period; then act on the whole burst.
        WatchKey key = pending.isEmpty() ? service.take() : service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) {
          onChange.accept(Set.copyOf(pending));
          pending.clear();
          continue;
        }
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW || !(event.context() instanceof Path name)) {
            pending.add(folder);
            continue;
          }
          Path changed = folder.resolve(name);
          pending.add(changed);
          if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
            registerTree(changed);
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Stopped by close().
    } catch (IOException e) {
      System.err.println("personas: stopped watching for changes: " + e.getMessage());
    }
  }

  private void registerTree(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path folder : walk.filter(Files::isDirectory).sorted().toList()) {
        folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      }
    }
  }
}
