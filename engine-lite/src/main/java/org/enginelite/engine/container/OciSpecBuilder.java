package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.enginelite.engine.spi.OciMount;

/**
 * The OCI runtime spec (config.json) of one container start: Docker's default capabilities and mounts from a
 * template read once, then the process, hostname, /etc files, extension mounts, the engine's network
 * namespace by path, the {@code el} cgroup and the resource limits.
 */
final class OciSpecBuilder {
  private static final long DEFAULT_CPU_PERIOD = 100_000;

  private final ObjectMapper json;
  private final ObjectNode base;

  OciSpecBuilder(ObjectMapper json) {
    this.json = json;
    try (InputStream in = OciSpecBuilder.class.getResourceAsStream("oci-base.json")) {
      this.base = (ObjectNode) json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OCI spec template", e);
    }
  }

  ObjectNode build(String id, ContainerSpec spec, ContainerPaths paths, UserIds user, List<String> extraEnv,
      List<OciMount> extraMounts) {
    ObjectNode config = base.deepCopy();
    ObjectNode process = (ObjectNode) config.get("process");
    ArrayNode args = process.putArray("args");
    spec.args().forEach(args::add);
    ArrayNode env = process.putArray("env");
    envOf(spec, id).forEach(env::add);
    extraEnv.forEach(env::add);
    process.put("cwd", spec.workingDir().isEmpty() ? "/" : spec.workingDir());
    process.put("terminal", spec.tty());
    ObjectNode u = process.putObject("user").put("uid", user.uid()).put("gid", user.gid());
    if (!user.additionalGids().isEmpty()) {
      ArrayNode gids = u.putArray("additionalGids");
      user.additionalGids().forEach(gids::add);
    }
    config.put("hostname", hostnameOf(spec, id));
    ArrayNode mounts = (ArrayNode) config.get("mounts");
    bind(mounts, "/etc/hosts", paths.hosts().toString());
    bind(mounts, "/etc/hostname", paths.hostname().toString());
    bind(mounts, "/etc/resolv.conf", paths.resolvConf().toString());
    for (OciMount m : extraMounts) {
      ObjectNode node = mounts.addObject().put("destination", m.destination()).put("type", m.type())
          .put("source", m.source());
      ArrayNode options = node.putArray("options");
      m.options().forEach(options::add);
    }
    ObjectNode linux = (ObjectNode) config.get("linux");
    for (var ns : linux.get("namespaces")) {
      if (ns.get("type").asText().equals("network")) {
        ((ObjectNode) ns).put("path", paths.netns().toString());
      }
    }
    linux.put("cgroupsPath", ContainerPaths.cgroupsPath(id));
    resources((ObjectNode) linux.get("resources"), spec);
    return config;
  }

  /** Drops the network namespace from the spec, so the container shares the daemon's (Docker's host mode). */
  static void shareHostNetwork(ObjectNode config) {
    ArrayNode namespaces = (ArrayNode) config.path("linux").path("namespaces");
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      if (namespaces.get(i).path("type").asText().equals("network")) {
        namespaces.remove(i);
      }
    }
  }

  static String hostnameOf(ContainerSpec spec, String id) {
    return spec.hostname().isEmpty() ? id.substring(0, 12) : spec.hostname();
  }

  /** The image and request environment plus what Docker always sets: PATH when missing, HOSTNAME. */
  static List<String> envOf(ContainerSpec spec, String id) {
    java.util.ArrayList<String> env = new java.util.ArrayList<>();
    boolean hasPath = false;
    for (String kv : spec.env()) {
      if (kv.indexOf('=') > 0) {
        env.add(kv);
        hasPath |= kv.startsWith("PATH=");
      }
    }
    if (!hasPath) {
      env.add(0, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    }
    env.add(1, "HOSTNAME=" + hostnameOf(spec, id));
    return env;
  }

  private static void bind(ArrayNode mounts, String destination, String source) {
    mounts.addObject().put("destination", destination).put("type", "bind").put("source", source)
        .putArray("options").add("rbind").add("rprivate");
  }

  /** HostConfig limits into linux.resources: NanoCpus as a CFS quota over a 100 ms period, as Docker does. */
  private static void resources(ObjectNode resources, ContainerSpec spec) {
    ObjectNode cpu = null;
    if (spec.nanoCpus() > 0) {
      cpu = resources.putObject("cpu");
      cpu.put("quota", spec.nanoCpus() * DEFAULT_CPU_PERIOD / 1_000_000_000L).put("period", DEFAULT_CPU_PERIOD);
    } else if (spec.cpuQuota() > 0 || spec.cpuPeriod() > 0) {
      cpu = resources.putObject("cpu");
      if (spec.cpuQuota() > 0) {
        cpu.put("quota", spec.cpuQuota());
      }
      cpu.put("period", spec.cpuPeriod() > 0 ? spec.cpuPeriod() : DEFAULT_CPU_PERIOD);
    }
    if (spec.cpuShares() > 0) {
      (cpu == null ? resources.putObject("cpu") : cpu).put("shares", spec.cpuShares());
    }
    if (spec.memory() > 0) {
      resources.putObject("memory").put("limit", spec.memory());
    }
    if (spec.pidsLimit() > 0) {
      resources.putObject("pids").put("limit", spec.pidsLimit());
    }
  }

  byte[] encode(ObjectNode config) {
    try {
      return json.writeValueAsBytes(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
