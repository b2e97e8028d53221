package org.enginelite.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.service.Task;
import org.enginelite.engine.spi.Containers;

/**
 * GET /services/{id}/logs: the output of the service's task containers as one multiplexed stream (the
 * stdcopy framing of non-TTY container logs). Each line carries the task's context as "details" (node, service
 * and task ids), which {@code docker service logs} needs to print {@code web.1.abc@node | line}.
 *
 * <p>Reads the container log files the engine writes ({@code LogPath} of container inspect): one line per
 * output line, "O" or "E", the epoch second, a space, the text.
 */
public final class ServiceLogs {

  /** Docker's content type of a multiplexed stream. */
  public static final String CONTENT_TYPE = "application/vnd.docker.multiplexed-stream";

  private record Line(long epochSecond, boolean stderr, String text, Task task) {}

  private final Supplier<Containers> containers;
  private final Supplier<String> nodeId;

  public ServiceLogs(Supplier<Containers> containers, Supplier<String> nodeId) {
    this.containers = containers;
    this.nodeId = nodeId;
  }

  /**
   * The framed log of the service's tasks, oldest line first.
   *
   * @param details prefix each line with the task's context (the CLI asks for it unless --raw)
   * @param tail lines per task from the end, or -1 for all
   */
  public byte[] logs(StoredService service, List<Task> tasks, boolean stdout, boolean stderr, boolean timestamps,
      boolean details, int tail) {
    List<Line> lines = new ArrayList<>();
    for (Task t : tasks) {
      if (t.containerId() != null) {
        lines.addAll(read(t, tail));
      }
    }
    lines.sort(Comparator.comparingLong(Line::epochSecond));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Line l : lines) {
      if ((l.stderr() && !stderr) || (!l.stderr() && !stdout)) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      if (timestamps) {
        sb.append(Instant.ofEpochSecond(l.epochSecond())).append(' ');
      }
      if (details) {
        sb.append(details(service, l.task())).append(' ');
      }
      sb.append(l.text()).append('\n');
      frame(out, l.stderr() ? 2 : 1, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private List<Line> read(Task t, int tail) {
    Path log;
    try {
      JsonNode inspect = containers.get().inspect(t.containerId());
      String path = inspect.path("LogPath").asText("");
      if (path.isEmpty()) {
        return List.of();
      }
      log = Path.of(path);
    } catch (NotFoundException e) {
      return List.of();
    }
    List<Line> out = new ArrayList<>();
    try {
      if (!Files.exists(log)) {
        return List.of();
      }
      for (String raw : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        int sp = raw.indexOf(' ', 2);
        if (raw.length() < 3 || (raw.charAt(0) != 'O' && raw.charAt(0) != 'E') || raw.charAt(1) != ' ' || sp < 0) {
          continue;
        }
        try {
          out.add(new Line(Long.parseLong(raw.substring(2, sp)), raw.charAt(0) == 'E', raw.substring(sp + 1), t));
        } catch (NumberFormatException e) {
          // A torn line (the writer was killed mid-line) is skipped, as Docker's json-file reader does.
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return tail < 0 || out.size() <= tail ? out : out.subList(out.size() - tail, out.size());
  }

  /** Docker's log attributes, sorted by key, values query-escaped: what the CLI parses back. */
  private String details(StoredService service, Task t) {
    return SwarmLabels.NODE_ID + "=" + esc(nodeId.get()) + "," + SwarmLabels.SERVICE_ID + "=" + esc(service.id())
        + "," + SwarmLabels.TASK_ID + "=" + esc(t.id());
  }

  private static String esc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** stdcopy: stream byte, three zero bytes, big-endian payload length, payload. */
  static void frame(ByteArrayOutputStream out, int stream, byte[] payload) {
    int n = payload.length;
    out.write(stream);
    out.write(0);
    out.write(0);
    out.write(0);
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(payload, 0, n);
  }
}
