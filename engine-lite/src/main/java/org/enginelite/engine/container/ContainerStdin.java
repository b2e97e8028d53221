package org.enginelite.engine.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.enginelite.engine.api.StreamInput;
import org.enginelite.kernel.fs.Fifos;

/**
 * The stdin of containers created with {@code OpenStdin} ({@code docker run -i}): a FIFO in the container's
 * bundle, read by the supervisor as runc's stdin, and written by the daemon with what attached clients send.
 *
 * <p>The daemon opens its end read-write, which never blocks and keeps the pipe (and bytes sent before the
 * process starts) alive. With {@code StdinOnce}, the daemon's end is the only writer, so closing it when the
 * attached client ends its input gives the process end-of-file, as in Docker; the close waits until the
 * process has its read end, or the bytes would be dropped with the pipe. Without {@code StdinOnce} the
 * supervisor holds a writer of its own, so stdin stays open as long as the container runs, also across a
 * daemon restart.
 */
final class ContainerStdin {
  private static final Path NONE = Path.of("/dev/null");

  private static final class Pipe {
    final FileChannel writer;
    boolean readerOpen;
    boolean endRequested;

    Pipe(FileChannel writer) {
      this.writer = writer;
    }
  }

  private final Map<String, Pipe> pipes = new ConcurrentHashMap<>();

  /** Whether {@code request} (the create body) asks for an open stdin, and whether it closes after one attach. */
  static boolean openStdin(com.fasterxml.jackson.databind.JsonNode request) {
    return request.path("OpenStdin").asBoolean(false);
  }

  /**
   * Whether the end of one attached client's input closes the process's stdin: {@code StdinOnce}, except on a
   * TTY, where Docker keeps stdin open (the client may have detached, and may attach again).
   */
  static boolean closesAtEnd(com.fasterxml.jackson.databind.JsonNode request) {
    return request.path("StdinOnce").asBoolean(false) && !request.path("Tty").asBoolean(false);
  }

  /** What the supervisor gives runc as stdin: the FIFO, with the daemon's writer open, or /dev/null. */
  Path prepare(String id, ContainerPaths paths, boolean open) throws IOException {
    if (!open) {
      return NONE;
    }
    pipe(id, paths);
    return paths.stdin();
  }

  /** The process runs, so its read end is open: a close requested earlier can happen now. */
  void started(String id) {
    update(id, p -> p.readerOpen = true);
  }

  /** Sets a flag of the pipe; once the reader is open and an end was requested, the daemon's writer closes. */
  private void update(String id, java.util.function.Consumer<Pipe> change) {
    Pipe p = pipes.get(id);
    if (p != null) {
      synchronized (p) {
        change.accept(p);
        if (p.readerOpen && p.endRequested) {
          close(id);
        }
      }
    }
  }

  /** An attached client's input: bytes into the FIFO; its end closes the pipe when {@code closeAtEnd}. */
  StreamInput input(String id, ContainerPaths paths, boolean closeAtEnd) {
    return new StreamInput() {
      @Override
      public void data(byte[] bytes) throws IOException {
        Pipe p = pipe(id, paths);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          p.writer.write(b);
        }
      }

      @Override
      public void end() {
        if (closeAtEnd) {
          update(id, p -> p.endRequested = true);
        }
      }
    };
  }

  /** Drops the daemon's writer (the process ended, or stdin was closed); safe to repeat. */
  void close(String id) {
    Pipe p = pipes.remove(id);
    if (p != null) {
      try {
        p.writer.close();
      } catch (IOException ignored) {
        // nothing is left to deliver
      }
    }
  }

  private Pipe pipe(String id, ContainerPaths paths) throws IOException {
    try {
      return pipes.computeIfAbsent(id, k -> {
        try {
          Files.createDirectories(paths.stdin().getParent());
          Fifos.create(paths.stdin());
          return new Pipe(FileChannel.open(paths.stdin(), StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
