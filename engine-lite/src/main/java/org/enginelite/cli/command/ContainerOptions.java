package org.enginelite.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.api.ContainerCreateJson;
import org.enginelite.cli.api.ContainerCreateJson.HostConfigJson;
import org.enginelite.cli.api.ContainerCreateJson.NetworkingConfigJson;
import org.enginelite.cli.api.EndpointSettingsJson;
import org.enginelite.cli.api.MountJson;
import org.enginelite.cli.flags.EnvSpecs;
import org.enginelite.cli.flags.KeyValues;
import org.enginelite.cli.flags.MountSpec;
import org.enginelite.cli.flags.PortSpecs;
import org.enginelite.cli.flags.RestartPolicySpec;
import org.enginelite.engine.service.ResourceLimits;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The flags {@code run} and {@code create} share, and the create request they make. */
public final class ContainerOptions {

  @Option(names = "--name", description = "Assign a name to the container")
  String name;

  @Option(names = {"-e", "--env"}, description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = "--env-file", description = "Read in a file of environment variables")
  List<String> envFiles = new ArrayList<>();

  @Option(names = "--rm", description = "Automatically remove the container when it exits")
  boolean autoRemove;

  @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
  boolean interactive;

  @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
  boolean tty;

  @Option(names = "--restart", description = "Restart policy to apply when a container exits (default \"no\")")
  String restart;

  @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container")
  String workdir;

  @Option(names = {"-h", "--hostname"}, description = "Container host name")
  String hostname;

  @Option(names = "--entrypoint", description = "Overwrite the default ENTRYPOINT of the image")
  String entrypoint;

  @Option(names = {"-l", "--label"}, description = "Set meta data on a container")
  List<String> labels = new ArrayList<>();

  @Option(names = {"-p", "--publish"}, description = "Publish a container's port(s) to the host")
  List<String> publish = new ArrayList<>();

  @Option(names = {"-P", "--publish-all"}, description = "Publish all exposed ports to random ports")
  boolean publishAll;

  @Option(names = {"--network", "--net"}, description = "Connect a container to a network")
  String network;

  @Option(names = {"--network-alias", "--net-alias"}, description = "Add network-scoped alias for the container")
  List<String> networkAliases = new ArrayList<>();

  @Option(names = "--ip", description = "IPv4 address (e.g., 172.30.100.104)")
  String ip;

  @Option(names = {"-v", "--volume"}, description = "Bind mount a volume")
  List<String> volumes = new ArrayList<>();

  @Option(names = "--mount", description = "Attach a filesystem mount to the container")
  List<String> mounts = new ArrayList<>();

  @Option(names = "--tmpfs", description = "Mount a tmpfs directory")
  List<String> tmpfs = new ArrayList<>();

  @Option(names = "--volumes-from", description = "Mount volumes from the specified container(s)")
  List<String> volumesFrom = new ArrayList<>();

  @Option(names = "--cpus", description = "Number of CPUs")
  String cpus;

  @Option(names = {"-m", "--memory"}, description = "Memory limit")
  String memory;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
  List<String> command = new ArrayList<>();

  /** The body of POST /containers/create, as the docker CLI builds it. */
  ContainerCreateJson request(boolean attach) {
    PortSpecs.Parsed ports = PortSpecs.parse(publish);
    List<String> binds = new ArrayList<>();
    Map<String, Map<String, Object>> anonymous = new LinkedHashMap<>();
    for (String v : volumes) {
      // As docker's parse: "-v /data" is an anonymous volume (Config.Volumes), anything with a target a bind.
      if (hasTarget(v)) {
        binds.add(v);
      } else {
        anonymous.put(v, Map.of());
      }
    }
    Map<String, String> tmpfsMap = new LinkedHashMap<>();
    for (String t : tmpfs) {
      int colon = t.indexOf(':');
      tmpfsMap.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
    }
    List<MountJson> mountList = mounts.stream().map(MountSpec::parse).toList();
    HostConfigJson host = new HostConfigJson(
        binds.isEmpty() ? null : binds,
        network == null ? "default" : network,
        ports.bindings(),
        RestartPolicySpec.parse(restart),
        autoRemove,
        volumesFrom.isEmpty() ? null : volumesFrom,
        publishAll,
        tmpfsMap.isEmpty() ? null : tmpfsMap,
        memory == null ? 0 : ResourceLimits.parseMemoryBytes(memory, "--memory"),
        cpus == null ? 0 : ResourceLimits.parseNanoCpus(cpus, "--cpus"),
        mountList.isEmpty() ? null : mountList);
    NetworkingConfigJson networking = null;
    if (network != null && (ip != null || !networkAliases.isEmpty())) {
      networking = new NetworkingConfigJson(Map.of(network, EndpointSettingsJson.of(ip, networkAliases)));
    } else if (network == null && (ip != null || !networkAliases.isEmpty())) {
      networking = new NetworkingConfigJson(Map.of("bridge", EndpointSettingsJson.of(ip, networkAliases)));
    }
    List<String> envList = EnvSpecs.parse(envFiles, env);
    return new ContainerCreateJson(hostname, interactive && attach, attach, attach,
        ports.exposed().isEmpty() ? null : ports.exposed(), tty, interactive, interactive && attach,
        envList.isEmpty() ? null : envList, command.isEmpty() ? null : List.copyOf(command), image,
        anonymous, workdir, entrypoint == null ? null : List.of(entrypoint), KeyValues.parse(labels), host,
        networking);
  }

  /** "name:/path" or "/host:/path[:opts]" has a target; a bare "/path" has none. */
  private static boolean hasTarget(String v) {
    return v.indexOf(':') > 0;
  }

  String createPath() {
    return "/containers/create" + (name == null ? "" : "?name=" + org.enginelite.cli.DaemonClient.enc(name));
  }
}
