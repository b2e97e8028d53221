package org.enginelite.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.RestartCondition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code service update [--replicas N] [--image I] [--force] ... SERVICE}: prints the service name. */
@Command(name = "update", description = "Update a service")
public final class ServiceUpdateCommand extends ApiCommand {

  @Option(names = "--replicas", description = "Number of tasks")
  Long replicas;

  @Option(names = "--image", description = "Service image tag")
  String image;

  @Option(names = "--force", description = "Force update even if no changes require it")
  boolean force;

  @Option(names = "--limit-cpu", description = "Limit CPUs")
  String limitCpu;

  @Option(names = "--limit-memory", description = "Limit Memory")
  String limitMemory;

  @Option(names = "--restart-condition", description = "Restart when condition is met (\"none\", \"on-failure\","
      + " \"any\")")
  String restartCondition;

  @Option(names = "--env-add", description = "Add or update an environment variable")
  List<String> envAdd = new ArrayList<>();

  @Option(names = {"-d", "--detach"}, description = "Exit immediately instead of waiting for the service to converge")
  boolean detach;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Override
  protected int run() {
    if (restartCondition != null) {
      RestartCondition.parse(restartCondition);
    }
    JsonNode answer = ServiceSpecs.update(client(), service, this::change);
    if (answer != null) {
      for (JsonNode w : answer.path("Warnings")) {
        err().println("WARNING: " + w.asText());
      }
    }
    out().println(service);
    return 0;
  }

  private void change(ObjectNode spec) {
    ObjectNode task = ServiceSpecs.object(spec, "TaskTemplate");
    ObjectNode container = ServiceSpecs.object(task, "ContainerSpec");
    if (replicas != null) {
      ServiceSpecs.object(ServiceSpecs.object(spec, "Mode"), "Replicated").put("Replicas", replicas);
    }
    if (image != null) {
      container.put("Image", ServiceCreateCommand.withDefaultTag(image));
    }
    if (force) {
      task.put("ForceUpdate", task.path("ForceUpdate").asLong() + 1);
    }
    ObjectNode limits = ServiceSpecs.object(ServiceSpecs.object(task, "Resources"), "Limits");
    if (limitCpu != null) {
      limits.put("NanoCPUs", ResourceLimits.parseNanoCpus(limitCpu, "--limit-cpu"));
    }
    if (limitMemory != null) {
      limits.put("MemoryBytes", ResourceLimits.parseMemoryBytes(limitMemory, "--limit-memory"));
    }
    if (restartCondition != null) {
      ServiceSpecs.object(task, "RestartPolicy").put("Condition", restartCondition);
    }
    if (!envAdd.isEmpty()) {
      ArrayNode env = container.path("Env") instanceof ArrayNode a ? a : container.putArray("Env");
      for (String e : envAdd) {
        String key = e.contains("=") ? e.substring(0, e.indexOf('=')) : e;
        for (int i = env.size() - 1; i >= 0; i--) {
          String have = env.get(i).asText();
          if (have.equals(key) || have.startsWith(key + "=")) {
            env.remove(i);
          }
        }
        env.add(e);
      }
    }
  }
}
