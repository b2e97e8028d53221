package org.enginelite.cli.command.service;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.CliException;
import org.enginelite.cli.api.MountJson;
import org.enginelite.cli.flags.EnvSpecs;
import org.enginelite.cli.flags.KeyValues;
import org.enginelite.cli.flags.MountSpec;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.RestartCondition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code service create [OPTIONS] IMAGE [COMMAND] [ARG...]}: POST /services/create with the spec the docker CLI
 * sends (networks resolved to ids, the command as ContainerSpec.Args); prints the new service's id.
 */
@Command(name = "create", description = "Create a new service")
public final class ServiceCreateCommand extends ApiCommand {

  @Option(names = "--name", description = "Service name")
  String name;

  @Option(names = "--replicas", description = "Number of tasks")
  Long replicas;

  @Option(names = {"-p", "--publish"}, description = "Publish a port as a node port")
  List<String> publish = new ArrayList<>();

  @Option(names = "--network", description = "Network attachments")
  List<String> networks = new ArrayList<>();

  @Option(names = "--restart-condition", description = "Restart when condition is met (\"none\", \"on-failure\","
      + " \"any\") (default \"any\")")
  String restartCondition;

  @Option(names = "--limit-cpu", description = "Limit CPUs")
  String limitCpu;

  @Option(names = "--limit-memory", description = "Limit Memory")
  String limitMemory;

  @Option(names = "--mount", description = "Attach a filesystem mount to the service")
  List<String> mounts = new ArrayList<>();

  @Option(names = {"-v", "--volume"}, description = "Mount a volume or host path (SOURCE:TARGET[:ro])")
  List<String> volumes = new ArrayList<>();

  @Option(names = {"-e", "--env"}, description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = {"-l", "--label"}, description = "Service labels")
  List<String> labels = new ArrayList<>();

  @Option(names = {"-d", "--detach"}, description = "Exit immediately instead of waiting for the service to converge")
  boolean detach;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "COMMAND")
  List<String> args = new ArrayList<>();

  @Override
  protected int run() {
    JsonNode created = client().post("/services/create", body());
    for (JsonNode w : created.path("Warnings")) {
      err().println("WARNING: " + w.asText());
    }
    out().println(created.path("ID").asText());
    return 0;
  }

  Map<String, Object> body() {
    if (restartCondition != null) {
      try {
        RestartCondition.parse(restartCondition);
      } catch (RuntimeException e) {
        throw new CliException("invalid argument \"" + restartCondition + "\" for \"--restart-condition\" flag: "
            + e.getMessage());
      }
    }
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("Image", withDefaultTag(image));
    if (!args.isEmpty()) {
      container.put("Args", args);
    }
    List<String> envList = EnvSpecs.parse(List.of(), env);
    if (!envList.isEmpty()) {
      container.put("Env", envList);
    }
    List<MountJson> mountList = new ArrayList<>(mounts.stream().map(MountSpec::parse).toList());
    volumes.forEach(v -> mountList.add(volumeMount(v)));
    if (!mountList.isEmpty()) {
      container.put("Mounts", mountList);
    }
    Map<String, Object> limits = new LinkedHashMap<>();
    if (limitCpu != null) {
      limits.put("NanoCPUs", ResourceLimits.parseNanoCpus(limitCpu, "--limit-cpu"));
    }
    if (limitMemory != null) {
      limits.put("MemoryBytes", ResourceLimits.parseMemoryBytes(limitMemory, "--limit-memory"));
    }
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("ContainerSpec", container);
    task.put("Resources", Map.of("Limits", limits, "Reservations", Map.of()));
    Map<String, Object> restart = new LinkedHashMap<>();
    if (restartCondition != null) {
      restart.put("Condition", restartCondition);
    }
    task.put("RestartPolicy", restart);
    task.put("Placement", Map.of());
    List<Map<String, Object>> attachments = new ArrayList<>();
    for (String n : networks) {
      // As docker service create: the network is looked up and referred to by id.
      JsonNode net = client().get("/networks/" + enc(n) + "?scope=swarm");
      attachments.add(Map.of("Target", net.path("Id").asText(n)));
    }
    if (!attachments.isEmpty()) {
      task.put("Networks", attachments);
    }
    task.put("ForceUpdate", 0);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name == null ? "" : name);
    body.put("Labels", KeyValues.parse(labels));
    body.put("TaskTemplate", task);
    body.put("Mode", Map.of("Replicated", Map.of("Replicas", replicas == null ? 1 : replicas)));
    List<Map<String, Object>> ports = publish.stream().map(ServicePorts::parse).toList();
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("Mode", "vip");
    if (!ports.isEmpty()) {
      endpoint.put("Ports", ports);
    }
    body.put("EndpointSpec", endpoint);
    return body;
  }

  /** "busybox" as "busybox:latest", as docker's reference normalisation; digests and tags stay. */
  static String withDefaultTag(String image) {
    int slash = image.lastIndexOf('/');
    return image.contains("@") || image.indexOf(':', slash + 1) >= 0 ? image : image + ":latest";
  }

  /** {@code -v SOURCE:TARGET[:ro]}: a bind when SOURCE is a path, a named volume otherwise. */
  private static MountJson volumeMount(String v) {
    String[] parts = v.split(":");
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new CliException("invalid volume specification: '" + v + "' (SOURCE:TARGET[:ro] for services)");
    }
    boolean ro = parts.length == 3 && parts[2].equals("ro");
    if (parts.length == 3 && !ro && !parts[2].equals("rw")) {
      throw new CliException("invalid mode: " + parts[2]);
    }
    String type = parts[0].startsWith("/") ? "bind" : "volume";
    return new MountJson(type, parts[0], parts[1], ro ? true : null, null, null, null);
  }
}
