package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.image.ImageRecord.ImageConfig;

/**
 * Docker's JSON for a container: the inspect document ({@code /containers/{id}/json}) and the list entry
 * ({@code /containers/json}), with the fields extensions contributed laid over the defaults.
 */
final class ContainerJson {
  private final ObjectMapper json;

  ContainerJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode inspect(ContainerRecord r, ContainerPaths paths, ImageConfig image, List<String> execIds) {
    ContainerSpec spec = ContainerSpec.parse(r.request(), image);
    ContainerState s = r.state();
    ObjectNode o = json.createObjectNode();
    o.put("Id", r.id());
    o.put("Created", r.created());
    List<String> args = spec.args();
    o.put("Path", args.isEmpty() ? "" : args.get(0));
    ArrayNode a = o.putArray("Args");
    args.stream().skip(1).forEach(a::add);
    ObjectNode st = o.putObject("State");
    st.put("Status", s.status());
    st.put("Running", s.active());
    st.put("Paused", s.paused());
    st.put("Restarting", s.status().equals("restarting"));
    st.put("OOMKilled", false);
    st.put("Dead", s.status().equals("dead"));
    st.put("Pid", s.pid());
    st.put("ExitCode", s.exitCode());
    st.put("Error", s.error());
    st.put("StartedAt", s.startedAt());
    st.put("FinishedAt", s.finishedAt());
    o.put("Image", r.imageId());
    o.put("ResolvConfPath", paths.resolvConf().toString());
    o.put("HostnamePath", paths.hostname().toString());
    o.put("HostsPath", paths.hosts().toString());
    o.put("LogPath", paths.log().toString());
    o.put("Name", "/" + r.name());
    o.put("RestartCount", s.restartCount());
    o.put("Driver", "overlay2");
    o.put("Platform", "linux");
    o.put("MountLabel", "");
    o.put("ProcessLabel", "");
    o.put("AppArmorProfile", "");
    ArrayNode execs = o.putArray("ExecIDs");
    execIds.forEach(execs::add);
    o.set("HostConfig", hostConfig(r));
    ObjectNode graph = o.putObject("GraphDriver");
    graph.put("Name", "overlay2");
    graph.putObject("Data").put("UpperDir", paths.upper().toString()).put("WorkDir", paths.work().toString())
        .put("MergedDir", paths.rootfs().toString());
    o.putArray("Mounts");
    o.set("Config", config(r, spec));
    o.set("NetworkSettings", defaultNetworkSettings(paths, s));
    r.inspectFields().fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
    return o;
  }

  private ObjectNode config(ContainerRecord r, ContainerSpec spec) {
    ObjectNode c = json.createObjectNode();
    c.put("Hostname", OciSpecBuilder.hostnameOf(spec, r.id()));
    c.put("Domainname", spec.domainname());
    c.put("User", spec.user());
    c.put("AttachStdin", r.request().path("AttachStdin").asBoolean(false));
    c.put("AttachStdout", r.request().path("AttachStdout").asBoolean(false));
    c.put("AttachStderr", r.request().path("AttachStderr").asBoolean(false));
    c.put("Tty", spec.tty());
    c.put("OpenStdin", r.request().path("OpenStdin").asBoolean(false));
    c.put("StdinOnce", r.request().path("StdinOnce").asBoolean(false));
    ArrayNode env = c.putArray("Env");
    OciSpecBuilder.envOf(spec, r.id()).stream().filter(e -> !e.startsWith("HOSTNAME=")).forEach(env::add);
    strings(c.putArray("Cmd"), spec.cmd());
    c.put("Image", r.imageRef());
    c.set("Volumes", r.request().hasNonNull("Volumes") ? r.request().get("Volumes") : null);
    c.put("WorkingDir", spec.workingDir());
    if (spec.entrypoint().isEmpty()) {
      c.putNull("Entrypoint");
    } else {
      strings(c.putArray("Entrypoint"), spec.entrypoint());
    }
    c.putNull("OnBuild");
    ObjectNode labels = c.putObject("Labels");
    spec.labels().forEach(labels::put);
    if (!spec.stopSignal().isEmpty()) {
      c.put("StopSignal", spec.stopSignal());
    }
    return c;
  }

  private ObjectNode hostConfig(ContainerRecord r) {
    JsonNode given = r.request().get("HostConfig");
    ObjectNode h = given instanceof ObjectNode g ? g.deepCopy() : json.createObjectNode();
    if (!h.hasNonNull("NetworkMode") || h.get("NetworkMode").asText().isEmpty()) {
      h.put("NetworkMode", "default");
    }
    if (!h.hasNonNull("RestartPolicy")) {
      h.putObject("RestartPolicy").put("Name", "no").put("MaximumRetryCount", 0);
    }
    if (!h.hasNonNull("LogConfig")) {
      h.putObject("LogConfig").put("Type", "json-file").putObject("Config");
    }
    h.put("AutoRemove", h.path("AutoRemove").asBoolean(false));
    return h;
  }

  private ObjectNode defaultNetworkSettings(ContainerPaths paths, ContainerState s) {
    ObjectNode n = json.createObjectNode();
    n.put("Bridge", "");
    n.put("SandboxID", "");
    n.put("HairpinMode", false);
    n.put("LinkLocalIPv6Address", "");
    n.put("LinkLocalIPv6PrefixLen", 0);
    n.putObject("Ports");
    n.put("SandboxKey", s.running() ? paths.netns().toString() : "");
    n.putNull("SecondaryIPAddresses");
    n.putNull("SecondaryIPv6Addresses");
    n.put("EndpointID", "");
    n.put("Gateway", "");
    n.put("GlobalIPv6Address", "");
    n.put("GlobalIPv6PrefixLen", 0);
    n.put("IPAddress", "");
    n.put("IPPrefixLen", 0);
    n.put("IPv6Gateway", "");
    n.put("MacAddress", "");
    n.putObject("Networks");
    return n;
  }

  ObjectNode summary(ContainerRecord r, ImageConfig image) {
    ContainerSpec spec = ContainerSpec.parse(r.request(), image);
    ObjectNode o = json.createObjectNode();
    o.put("Id", r.id());
    o.putArray("Names").add("/" + r.name());
    o.put("Image", r.imageRef());
    o.put("ImageID", r.imageId());
    o.put("Command", String.join(" ", spec.args()));
    o.put("Created", Instant.parse(r.created()).getEpochSecond());
    o.putArray("Ports");
    ObjectNode labels = o.putObject("Labels");
    spec.labels().forEach(labels::put);
    o.put("State", r.state().status());
    o.put("Status", status(r.state(), Instant.now()));
    o.putObject("HostConfig").put("NetworkMode",
        r.request().path("HostConfig").path("NetworkMode").asText("default").isEmpty() ? "default"
            : r.request().path("HostConfig").path("NetworkMode").asText("default"));
    o.putObject("NetworkSettings").putObject("Networks");
    o.putArray("Mounts");
    r.summaryFields().fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
    return o;
  }

  /** Docker's human status column: "Up 3 seconds", "Exited (0) 2 minutes ago", "Created". */
  static String status(ContainerState s, Instant now) {
    return switch (s.status()) {
      case "running" -> "Up " + human(Duration.between(Instant.parse(s.startedAt()), now));
      case "paused" -> "Up " + human(Duration.between(Instant.parse(s.startedAt()), now)) + " (Paused)";
      case "restarting" -> "Restarting (" + s.exitCode() + ") "
          + human(Duration.between(Instant.parse(s.finishedAt()), now)) + " ago";
      case "exited" -> "Exited (" + s.exitCode() + ") "
          + human(Duration.between(Instant.parse(s.finishedAt()), now)) + " ago";
      case "removing" -> "Removal In Progress";
      case "dead" -> "Dead";
      default -> "Created";
    };
  }

  /** go-units HumanDuration. */
  static String human(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = seconds / 60;
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(seconds / 3600.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return hours / 24 / 365 + " years";
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  static Map<String, String> labels(ContainerRecord r) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    r.request().path("Labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
