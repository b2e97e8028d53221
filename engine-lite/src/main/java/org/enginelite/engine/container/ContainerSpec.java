package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.image.ImageRecord.ImageConfig;

/**
 * The typed view of a create request (Docker's ContainerCreateRequest: Config fields at the top level plus
 * HostConfig), merged with the image's defaults. Parsed once at create, so bad input fails before anything
 * exists, and again at each start from the stored request.
 */
public record ContainerSpec(String image, String hostname, String domainname, List<String> entrypoint,
    List<String> cmd, List<String> env, String workingDir, String user, boolean tty, Map<String, String> labels,
    RestartPolicy restartPolicy, boolean autoRemove, long nanoCpus, long cpuQuota, long cpuPeriod,
    long cpuShares, long memory, long pidsLimit, String stopSignal, Integer stopTimeout) {

  /** Parses and validates; {@code image} may be null while only validating the request's own fields. */
  public static ContainerSpec parse(ObjectNode request, ImageConfig image) {
    JsonNode host = request.path("HostConfig");
    String imageRef = text(request, "Image");
    if (imageRef.isEmpty()) {
      throw new InvalidParameterException("Config.Image: image name must not be empty");
    }
    ImageConfig defaults = image == null ? ImageConfig.empty() : image;
    List<String> entrypoint = request.has("Entrypoint") && !request.get("Entrypoint").isNull()
        ? strings(request.get("Entrypoint"), "Entrypoint") : defaults.entrypoint();
    // Docker: an Entrypoint given in the request drops the image's Cmd unless Cmd is given too.
    List<String> cmd = request.has("Cmd") && !request.get("Cmd").isNull() ? strings(request.get("Cmd"), "Cmd")
        : request.has("Entrypoint") && !request.get("Entrypoint").isNull() ? List.of() : defaults.cmd();
    List<String> env = mergeEnv(defaults.env(), strings(request.get("Env"), "Env"));
    String wd = text(request, "WorkingDir").isEmpty() ? defaults.workingDir() : text(request, "WorkingDir");
    if (!wd.isEmpty() && !wd.startsWith("/")) {
      throw new InvalidParameterException("the working directory '" + wd + "' is invalid, it needs to be an absolute path");
    }
    String user = text(request, "User").isEmpty() ? defaults.user() : text(request, "User");
    RestartPolicy policy = RestartPolicy.parse(host.get("RestartPolicy"));
    boolean autoRemove = host.path("AutoRemove").asBoolean(false);
    if (autoRemove && !policy.isNo()) {
      throw new InvalidParameterException("conflicting options: cannot combine --restart and --rm");
    }
    long nanoCpus = host.path("NanoCpus").asLong(0);
    long cpuQuota = host.path("CpuQuota").asLong(0);
    if (nanoCpus > 0 && cpuQuota > 0) {
      throw new InvalidParameterException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    long memory = host.path("Memory").asLong(0);
    if (memory < 0 || (memory > 0 && memory < 6 * 1024 * 1024)) {
      throw new InvalidParameterException("Minimum memory limit allowed is 6MB");
    }
    String hostname = text(request, "Hostname");
    if (hostname.length() > 63) {
      throw new InvalidParameterException("invalid hostname format: " + hostname);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    request.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    Integer stopTimeout = request.hasNonNull("StopTimeout") ? request.get("StopTimeout").asInt() : null;
    return new ContainerSpec(imageRef, hostname, text(request, "Domainname"), entrypoint, cmd, env, wd, user,
        request.path("Tty").asBoolean(false), labels, policy, autoRemove, nanoCpus, cpuQuota,
        host.path("CpuPeriod").asLong(0), host.path("CpuShares").asLong(0), memory,
        host.path("PidsLimit").asLong(0), text(request, "StopSignal"), stopTimeout);
  }

  /** Entrypoint followed by Cmd: the process's argv. */
  public List<String> args() {
    List<String> all = new ArrayList<>(entrypoint);
    all.addAll(cmd);
    return all;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** A JSON array of strings, or (as Docker accepts for Cmd/Entrypoint) a single string. */
  static List<String> strings(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw new InvalidParameterException(field + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Image env first; a request variable replaces the image's of the same name. */
  private static List<String> mergeEnv(List<String> image, List<String> request) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (List<String> source : List.of(image, request)) {
      for (String kv : source) {
        int eq = kv.indexOf('=');
        if (eq == 0) {
          throw new InvalidParameterException("invalid environment variable: " + kv);
        }
        byName.put(eq < 0 ? kv : kv.substring(0, eq), kv);
      }
    }
    return List.copyOf(byName.values());
  }
}
