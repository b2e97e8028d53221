package org.enginelite.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import picocli.CommandLine.Command;

/** {@code info}: the server section of docker info, from GET /info. */
@Command(name = "info", description = "Display system-wide information")
public final class InfoCommand extends ApiCommand {

  @Override
  protected int run() {
    JsonNode i = client().get("/info");
    out().println("Server:");
    out().println(" Containers: " + i.path("Containers").asInt());
    out().println("  Running: " + i.path("ContainersRunning").asInt());
    out().println("  Paused: " + i.path("ContainersPaused").asInt());
    out().println("  Stopped: " + i.path("ContainersStopped").asInt());
    out().println(" Images: " + i.path("Images").asInt());
    out().println(" Server Version: " + i.path("ServerVersion").asText());
    out().println(" Storage Driver: " + i.path("Driver").asText());
    out().println(" Cgroup Driver: " + i.path("CgroupDriver").asText());
    out().println(" Cgroup Version: " + i.path("CgroupVersion").asText());
    JsonNode plugins = i.path("Plugins");
    out().println(" Plugins:");
    out().println("  Volume: " + join(plugins.path("Volume")));
    out().println("  Network: " + join(plugins.path("Network")));
    out().println(" Swarm: " + i.path("Swarm").path("LocalNodeState").asText("inactive"));
    out().println(" Runtimes: " + String.join(" ", iterable(i.path("Runtimes"))));
    out().println(" Default Runtime: " + i.path("DefaultRuntime").asText());
    out().println(" Kernel Version: " + i.path("KernelVersion").asText());
    out().println(" Operating System: " + i.path("OperatingSystem").asText());
    out().println(" OSType: " + i.path("OSType").asText());
    out().println(" Architecture: " + i.path("Architecture").asText());
    out().println(" CPUs: " + i.path("NCPU").asInt());
    out().println(" Total Memory: " + Format.humanSize(i.path("MemTotal").asDouble()));
    out().println(" Name: " + i.path("Name").asText());
    out().println(" ID: " + i.path("ID").asText());
    out().println(" Docker Root Dir: " + i.path("DockerRootDir").asText());
    return 0;
  }

  private static String join(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    array.forEach(n -> sb.append(sb.length() > 0 ? " " : "").append(n.asText()));
    return sb.toString();
  }

  private static Iterable<String> iterable(JsonNode object) {
    return object::fieldNames;
  }
}
