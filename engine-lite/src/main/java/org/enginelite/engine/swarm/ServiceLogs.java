package org.enginelite.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.api.StreamSink;
import org.enginelite.engine.container.ContainerLog;
import org.enginelite.engine.container.LogLine;
import org.enginelite.engine.container.StreamFrames;
import org.enginelite.engine.service.Task;
import org.enginelite.engine.spi.Containers;

/**
 * GET /services/{id}/logs: the output of the service's task containers as one multiplexed stream (the
 * stdcopy framing of non-TTY container logs). Each line carries the task's context as "details" (node, service
 * and task ids), which {@code docker service logs} needs to print {@code web.1.abc@node | line}. With
 * {@code follow}, new lines keep coming, also from tasks started later (a replaced task, a scale-up), until the
 * service is removed or the client leaves.
 */
public final class ServiceLogs {

  /** Docker's content type of a multiplexed stream. */
  public static final String CONTENT_TYPE = "application/vnd.docker.multiplexed-stream";

  private static final long POLL_MILLIS = 100;

  /** What a service logs request asks for; {@code tail} is lines per task from the end, or -1 for all. */
  public record Request(boolean stdout, boolean stderr, boolean timestamps, boolean details, int tail,
      boolean follow) {}

  private record Line(LogLine line, Task task) {}

  private final Supplier<Containers> containers;
  private final Supplier<String> nodeId;

  public ServiceLogs(Supplier<Containers> containers, Supplier<String> nodeId) {
    this.containers = containers;
    this.nodeId = nodeId;
  }

  /**
   * Writes the service's log to {@code sink}: what is there, oldest line first, then (with follow) what comes.
   *
   * @param tasks the service's current tasks, asked again on every poll; throws NotFoundException once the
   *     service is gone, which ends a followed stream
   */
  public void write(StoredService service, Supplier<List<Task>> tasks, Request q, StreamSink sink)
      throws IOException, InterruptedException {
    Map<String, ContainerLog.Cursor> cursors = new LinkedHashMap<>();
    List<Line> first = new ArrayList<>();
    for (Task t : tasks.get()) {
      List<Line> lines = readNew(t, cursors);
      first.addAll(q.tail() < 0 || lines.size() <= q.tail() ? lines
          : lines.subList(lines.size() - q.tail(), lines.size()));
    }
    first.sort(Comparator.comparingLong(l -> l.line().epochSecond()));
    send(service, first, q, sink);
    while (q.follow() && sink.isOpen()) {
      Thread.sleep(POLL_MILLIS);
      List<Task> now;
      try {
        now = tasks.get();
      } catch (NotFoundException gone) {
        return;
      }
      List<Line> more = new ArrayList<>();
      for (Task t : now) {
        more.addAll(readNew(t, cursors));
      }
      send(service, more, q, sink);
    }
  }

  private void send(StoredService service, List<Line> lines, Request q, StreamSink sink) throws IOException {
    for (Line l : lines) {
      LogLine line = l.line();
      if (line.stderr() ? !q.stderr() : !q.stdout()) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      if (q.timestamps()) {
        sb.append(Instant.ofEpochSecond(line.epochSecond())).append(' ');
      }
      if (q.details()) {
        sb.append(details(service, l.task())).append(' ');
      }
      sb.append(line.text()).append('\n');
      sink.write(StreamFrames.frame(line.stderr() ? StreamFrames.STDERR : StreamFrames.STDOUT,
          sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** The task's lines not read yet; a task seen for the first time is read from the start of its log. */
  private List<Line> readNew(Task t, Map<String, ContainerLog.Cursor> cursors) throws IOException {
    if (t.containerId() == null) {
      return List.of();
    }
    ContainerLog.Cursor cursor = cursors.get(t.containerId());
    if (cursor == null) {
      Path log = logPath(t.containerId());
      if (log == null) {
        return List.of();
      }
      cursor = new ContainerLog.Cursor(log, 0);
      cursors.put(t.containerId(), cursor);
    }
    List<Line> out = new ArrayList<>();
    cursor.readAvailable(l -> out.add(new Line(l, t)));
    return out;
  }

  private Path logPath(String containerId) {
    try {
      JsonNode inspect = containers.get().inspect(containerId);
      String path = inspect.path("LogPath").asText("");
      return path.isEmpty() ? null : Path.of(path);
    } catch (NotFoundException e) {
      return null;
    }
  }

  /** Docker's log attributes, sorted by key, values query-escaped: what the CLI parses back. */
  private String details(StoredService service, Task t) {
    return SwarmLabels.NODE_ID + "=" + esc(nodeId.get()) + "," + SwarmLabels.SERVICE_ID + "=" + esc(service.id())
        + "," + SwarmLabels.TASK_ID + "=" + esc(t.id());
  }

  private static String esc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
