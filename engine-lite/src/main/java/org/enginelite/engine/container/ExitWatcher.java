package org.enginelite.engine.container;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the exit-file directory (inotify through the JDK's WatchService) and reports each container id whose
 * supervisor has recorded an exit. The supervisor renames the file into place, so a reported file is complete.
 */
final class ExitWatcher implements AutoCloseable {
  private final Path dir;
  private final WatchService watch;
  private final Thread thread;

  ExitWatcher(Path dir, Consumer<String> onExit) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.watch = FileSystems.getDefault().newWatchService();
    dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    this.thread = new Thread(() -> loop(onExit), "exit-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Ids with an exit file now, for recovery and after an event overflow. */
  java.util.List<String> pending() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).toList();
    } catch (IOException e) {
      return java.util.List.of();
    }
  }

  private void loop(Consumer<String> onExit) {
    try {
      while (true) {
        WatchKey key = watch.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            pending().forEach(onExit);
          } else if (event.context() instanceof Path name && !name.toString().endsWith(".tmp")) {
            onExit.accept(name.toString());
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // shutting down
    }
  }

  @Override
  public void close() throws IOException {
    watch.close();
  }
}
