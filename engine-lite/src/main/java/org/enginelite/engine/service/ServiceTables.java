package org.enginelite.engine.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tables {@code docker service ls} and {@code docker service ps} print, in Docker's column layout. */
public final class ServiceTables {

  private ServiceTables() {}

  /** Running tasks (wanted and running) over replicas: "5/5". */
  public static String replicas(ServiceSpec spec, List<Task> tasks) {
    long running = tasks.stream()
        .filter(t -> t.wantedRunning() && t.currentState() == TaskState.RUNNING).count();
    return running + "/" + spec.replicas();
  }

  /** ID NAME MODE REPLICAS IMAGE PORTS; {@code ids} gives each service's id. */
  public static String ls(List<ServiceSpec> specs, Function<String, String> ids,
      Function<String, List<Task>> tasksOf) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS"));
    for (ServiceSpec s : specs) {
      String ports = s.ports().stream().map(PublishedPort::toString).collect(Collectors.joining(", "));
      rows.add(List.of(shortId(ids.apply(s.name())), s.name(), "replicated", replicas(s, tasksOf.apply(s.name())),
          s.image(), ports));
    }
    return render(rows);
  }

  /**
   * ID NAME IMAGE NODE DESIRED STATE CURRENT STATE ERROR PORTS, newest task of a slot first and its history
   * below it as " \_ web.1", as Docker prints it.
   */
  public static String ps(List<Task> tasks, String node, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS"));
    int previousSlot = -1;
    String previousService = null;
    for (Task t : tasks) {
      boolean history = t.slot() == previousSlot && t.service().equals(previousService);
      String current = t.currentState().display() + " "
          + HumanDuration.of(Duration.between(t.since(), now)) + " ago";
      String error = t.error() == null ? "" : "\"" + t.error() + "\"";
      rows.add(List.of(shortId(t.id()), (history ? " \\_ " : "") + t.name(), t.spec().image(), node,
          t.desiredState().display(), current, error, ""));
      previousSlot = t.slot();
      previousService = t.service();
    }
    return render(rows);
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** Columns padded to their widest cell plus three spaces, as Go's tabwriter in the docker CLI. */
  static String render(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row.get(i));
        if (i < columns - 1) {
          line.append(" ".repeat(width[i] - row.get(i).length() + 3));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
