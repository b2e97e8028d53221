package org.enginelite.engine.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.enginelite.engine.api.StreamSink;

/**
 * A container's output to clients: {@code logs} (all or the last lines, optionally followed) and {@code attach}
 * (output from now until the next exit). Streams are framed per line unless the container has a TTY.
 */
public final class ContainerOutput {
  private static final long POLL_MILLIS = 20;

  private final ContainerService containers;

  public ContainerOutput(ContainerService containers) {
    this.containers = containers;
  }

  /** What a logs request asks for. {@code tail} &lt; 0 means all; since/until are epoch seconds, 0 = unset. */
  public record LogsRequest(boolean stdout, boolean stderr, boolean follow, int tail, boolean timestamps,
      long since, long until) {}

  public void logs(String ref, LogsRequest q, StreamSink sink) throws IOException, InterruptedException {
    ContainerRecord r = containers.record(ref);
    boolean tty = r.request().path("Tty").asBoolean(false);
    if (tty) {
      terminalLogs(r, q, sink);
      return;
    }
    ContainerLog.Cursor cursor = new ContainerLog.Cursor(containers.paths(r.id()).log(), 0);
    List<LogLine> lines = new ArrayList<>();
    cursor.readAvailable(lines::add);
    List<LogLine> wanted = lines.stream().filter(l -> selected(l, q)).toList();
    if (q.tail() >= 0 && wanted.size() > q.tail()) {
      wanted = wanted.subList(wanted.size() - q.tail(), wanted.size());
    }
    for (LogLine l : wanted) {
      write(sink, l, tty, q.timestamps());
    }
    if (!q.follow()) {
      return;
    }
    while (sink.isOpen()) {
      boolean active = containers.isActive(r.id());
      List<LogLine> more = new ArrayList<>();
      cursor.readAvailable(more::add);
      for (LogLine l : more) {
        if (selected(l, q)) {
          write(sink, l, tty, q.timestamps());
        }
      }
      if (!active || containers.find(r.id()).isEmpty()) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Streams output written from now on until the container's next exit (or the client leaves). */
  public void attach(String ref, boolean stdout, boolean stderr, boolean logs, StreamSink sink)
      throws IOException, InterruptedException {
    ContainerRecord r = containers.record(ref);
    boolean tty = r.request().path("Tty").asBoolean(false);
    CompletableFuture<Integer> exit = containers.waitFor(r.id(), "next-exit");
    if (tty) {
      Path log = containers.paths(r.id()).log();
      streamTerminal(r.id(), logs ? new ContainerLog.RawCursor(log, 0) : ContainerLog.RawCursor.atEnd(log),
          stdout, exit, sink);
      return;
    }
    ContainerLog.Cursor cursor = logs ? new ContainerLog.Cursor(containers.paths(r.id()).log(), 0)
        : ContainerLog.Cursor.atEnd(containers.paths(r.id()).log());
    LogsRequest q = new LogsRequest(stdout, stderr, true, -1, false, 0, 0);
    while (sink.isOpen()) {
      boolean done = exit.isDone();
      List<LogLine> more = new ArrayList<>();
      cursor.readAvailable(more::add);
      for (LogLine l : more) {
        if (selected(l, q)) {
          write(sink, l, tty, false);
        }
      }
      if (done) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Logs of a container with a TTY: its raw terminal bytes (the last {@code tail} lines), then, when followed,
   * new bytes until it stops. A terminal's output carries no per-line times, so since, until and timestamps do
   * not apply.
   */
  private void terminalLogs(ContainerRecord r, LogsRequest q, StreamSink sink) throws IOException,
      InterruptedException {
    ContainerLog.RawCursor cursor = new ContainerLog.RawCursor(containers.paths(r.id()).log(), 0);
    byte[] all = cursor.readAll();
    byte[] wanted = q.tail() >= 0 ? ContainerLog.lastLines(all, q.tail()) : all;
    if (q.stdout() && wanted.length > 0) {
      sink.write(wanted);
    }
    if (q.follow()) {
      streamTerminal(r.id(), cursor, q.stdout(), null, sink);
    }
  }

  /** Copies new terminal bytes to the client until {@code exit} completes (or, when null, the container stops). */
  private void streamTerminal(String id, ContainerLog.RawCursor cursor, boolean wanted,
      CompletableFuture<Integer> exit, StreamSink sink) throws IOException, InterruptedException {
    while (sink.isOpen()) {
      boolean done = exit != null ? exit.isDone() : !containers.isActive(id) || containers.find(id).isEmpty();
      for (byte[] b = cursor.read(); b.length > 0; b = cursor.read()) {
        if (wanted) {
          sink.write(b);
        }
      }
      if (done) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static boolean selected(LogLine l, LogsRequest q) {
    return (l.stderr() ? q.stderr() : q.stdout())
        && (q.since() == 0 || l.epochSecond() >= q.since())
        && (q.until() == 0 || l.epochSecond() < q.until());
  }

  private static void write(StreamSink sink, LogLine l, boolean tty, boolean timestamps) throws IOException {
    String text = (timestamps ? Instant.ofEpochSecond(l.epochSecond()) + " " : "") + l.text() + "\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sink.write(tty ? bytes : StreamFrames.frame(l.stderr() ? StreamFrames.STDERR : StreamFrames.STDOUT, bytes));
  }
}
