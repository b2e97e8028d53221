package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.enginelite.engine.HostFacts;

/**
 * Docker's {@code GET /containers/{id}/stats}, read where runc's cgroup (v1) settings put the container: CPU
 * from cpuacct, memory from the memory controller (its limit capped at the host's memory, as Docker does), pids,
 * block I/O, and the network devices of the container's namespace. One sample carries the previous one's CPU
 * figures as {@code precpu_stats}, from which clients compute the CPU percentage.
 */
final class ContainerStats {
  private static final Path CGROUP = Path.of("/sys/fs/cgroup");
  /** cpuacct.stat and /proc/stat count in USER_HZ ticks: 100 per second on Linux. */
  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ContainerStats() {}

  /** A sample of a running container ({@code pid} its first process) with {@code previous}'s CPU as precpu. */
  static ObjectNode sample(ContainerRecord r, int pid, ObjectNode previous) {
    String cgroup = ContainerPaths.cgroupsPath(r.id());
    ObjectNode s = F.objectNode();
    s.put("read", Instant.now().toString());
    s.put("preread", previous == null ? ContainerState.ZERO_TIME : previous.path("read").asText());
    ObjectNode pids = s.putObject("pids_stats");
    read("pids", cgroup, "pids.current").ifPresent(v -> pids.put("current", Long.parseLong(v)));
    read("pids", cgroup, "pids.max").filter(v -> !v.equals("max"))
        .ifPresent(v -> pids.put("limit", Long.parseLong(v)));
    s.set("blkio_stats", blkio(cgroup));
    s.put("num_procs", 0);
    s.putObject("storage_stats");
    s.set("cpu_stats", cpu(cgroup));
    s.set("precpu_stats", previous == null ? emptyCpu() : previous.path("cpu_stats").deepCopy());
    s.set("memory_stats", memory(cgroup));
    s.put("name", "/" + r.name());
    s.put("id", r.id());
    s.set("networks", networks(pid));
    return s;
  }

  /** What Docker reports for a container that does not run: zeroes and Go's zero time. */
  static ObjectNode stopped(ContainerRecord r) {
    ObjectNode s = F.objectNode();
    s.put("read", ContainerState.ZERO_TIME);
    s.put("preread", ContainerState.ZERO_TIME);
    s.putObject("pids_stats");
    s.set("blkio_stats", F.objectNode().putNull("io_service_bytes_recursive"));
    s.put("num_procs", 0);
    s.putObject("storage_stats");
    s.set("cpu_stats", emptyCpu());
    s.set("precpu_stats", emptyCpu());
    s.putObject("memory_stats");
    s.put("name", "/" + r.name());
    s.put("id", r.id());
    return s;
  }

  private static ObjectNode emptyCpu() {
    ObjectNode cpu = F.objectNode();
    cpu.putObject("cpu_usage").put("total_usage", 0).put("usage_in_kernelmode", 0).put("usage_in_usermode", 0);
    cpu.putObject("throttling_data").put("periods", 0).put("throttled_periods", 0).put("throttled_time", 0);
    return cpu;
  }

  private static ObjectNode cpu(String cgroup) {
    ObjectNode cpu = F.objectNode();
    ObjectNode usage = cpu.putObject("cpu_usage");
    usage.put("total_usage", read("cpuacct", cgroup, "cpuacct.usage").map(Long::parseLong).orElse(0L));
    ArrayNode perCpu = usage.putArray("percpu_usage");
    read("cpuacct", cgroup, "cpuacct.usage_percpu").ifPresent(v -> {
      for (String n : v.trim().split("\\s+")) {
        perCpu.add(Long.parseLong(n));
      }
    });
    for (String line : lines("cpuacct", cgroup, "cpuacct.stat")) {
      String[] kv = line.split(" ");
      if (kv.length == 2) {
        usage.put(kv[0].equals("user") ? "usage_in_usermode" : "usage_in_kernelmode",
            Long.parseLong(kv[1]) * NANOS_PER_TICK);
      }
    }
    long[] system = systemCpu();
    cpu.put("system_cpu_usage", system[0]);
    cpu.put("online_cpus", system[1]);
    ObjectNode throttling = cpu.putObject("throttling_data").put("periods", 0).put("throttled_periods", 0)
        .put("throttled_time", 0);
    for (String line : lines("cpu", cgroup, "cpu.stat")) {
      String[] kv = line.split(" ");
      if (kv.length == 2) {
        switch (kv[0]) {
          case "nr_periods" -> throttling.put("periods", Long.parseLong(kv[1]));
          case "nr_throttled" -> throttling.put("throttled_periods", Long.parseLong(kv[1]));
          case "throttled_time" -> throttling.put("throttled_time", Long.parseLong(kv[1]));
          default -> { }
        }
      }
    }
    return cpu;
  }

  /** The host's CPU time in nanoseconds (user to softirq, as Docker sums it) and the number of CPUs. */
  private static long[] systemCpu() {
    long ticks = 0;
    long cpus = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        if (line.startsWith("cpu ")) {
          String[] f = line.trim().split("\\s+");
          for (int i = 1; i <= 7 && i < f.length; i++) {
            ticks += Long.parseLong(f[i]);
          }
        } else if (line.startsWith("cpu")) {
          cpus++;
        }
      }
    } catch (IOException e) {
      return new long[] {0, 0};
    }
    return new long[] {ticks * NANOS_PER_TICK, cpus};
  }

  private static ObjectNode memory(String cgroup) {
    ObjectNode m = F.objectNode();
    read("memory", cgroup, "memory.usage_in_bytes").ifPresent(v -> m.put("usage", Long.parseLong(v)));
    read("memory", cgroup, "memory.max_usage_in_bytes").ifPresent(v -> m.put("max_usage", Long.parseLong(v)));
    ObjectNode stats = m.putObject("stats");
    for (String line : lines("memory", cgroup, "memory.stat")) {
      String[] kv = line.split(" ");
      if (kv.length == 2) {
        stats.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    long limit = read("memory", cgroup, "memory.limit_in_bytes").map(Long::parseLong).orElse(Long.MAX_VALUE);
    long host = HostFacts.memTotal();
    m.put("limit", host > 0 ? Math.min(limit, host) : limit);
    return m;
  }

  /** blkio.throttle.io_service_bytes_recursive lines "8:0 Read 4096" as Docker's entries. */
  private static ObjectNode blkio(String cgroup) {
    ObjectNode b = F.objectNode();
    ArrayNode bytes = b.putArray("io_service_bytes_recursive");
    for (String line : lines("blkio", cgroup, "blkio.throttle.io_service_bytes_recursive")) {
      String[] f = line.split(" ");
      if (f.length == 3 && f[0].contains(":")) {
        String[] dev = f[0].split(":");
        bytes.addObject().put("major", Long.parseLong(dev[0])).put("minor", Long.parseLong(dev[1]))
            .put("op", f[1]).put("value", Long.parseLong(f[2]));
      }
    }
    return b;
  }

  /** The container's network devices but loopback, from its namespace's /proc/net/dev. */
  private static ObjectNode networks(int pid) {
    ObjectNode n = F.objectNode();
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc", Integer.toString(pid), "net", "dev"));
    } catch (IOException e) {
      return n;
    }
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (name.equals("lo") || f.length < 12) {
        continue;
      }
      n.putObject(name).put("rx_bytes", Long.parseLong(f[0])).put("rx_packets", Long.parseLong(f[1]))
          .put("rx_errors", Long.parseLong(f[2])).put("rx_dropped", Long.parseLong(f[3]))
          .put("tx_bytes", Long.parseLong(f[8])).put("tx_packets", Long.parseLong(f[9]))
          .put("tx_errors", Long.parseLong(f[10])).put("tx_dropped", Long.parseLong(f[11]));
    }
    return n;
  }

  private static Optional<String> read(String controller, String cgroup, String file) {
    try {
      return Optional.of(Files.readString(CGROUP.resolve(controller + cgroup).resolve(file)).trim());
    } catch (IOException e) {
      return Optional.empty(); // the controller is absent, or the container just stopped
    }
  }

  private static List<String> lines(String controller, String cgroup, String file) {
    return read(controller, cgroup, file).map(s -> s.lines().toList()).orElse(List.of());
  }
}
