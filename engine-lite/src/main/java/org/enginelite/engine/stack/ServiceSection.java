package org.enginelite.engine.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** One entry of {@code services:}: image, command, environment, ports, networks, volumes, deploy. */
final class ServiceSection {

  private static final Set<String> KEYS =
      Set.of("image", "command", "environment", "ports", "networks", "volumes", "deploy");
  /** Compose keys docker stack deploy knows that this engine does not apply (yet). */
  private static final Set<String> IGNORED = Set.of("build", "cap_add", "cap_drop", "cgroup_parent", "configs",
      "container_name", "credential_spec", "depends_on", "devices", "dns", "dns_search", "domainname",
      "entrypoint", "env_file", "expose", "external_links", "extra_hosts", "healthcheck", "hostname", "init",
      "ipc", "isolation", "labels", "links", "logging", "mac_address", "network_mode", "pid", "privileged",
      "read_only", "restart", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period",
      "stop_signal", "sysctls", "tmpfs", "tty", "ulimits", "user", "userns_mode", "working_dir");

  private final NodeReader reader;
  private final Map<String, String> env;
  private final Set<String> declaredNetworks;
  private final PortSyntax ports;
  private final VolumeSyntax volumes;
  private final DeploySection deploy;

  ServiceSection(NodeReader reader, Map<String, String> env, Path projectDir, Set<String> declaredNetworks,
      Set<String> declaredVolumes) {
    this.reader = reader;
    this.env = env;
    this.declaredNetworks = declaredNetworks;
    this.ports = new PortSyntax(reader);
    this.volumes = new VolumeSyntax(reader, projectDir, env.getOrDefault("HOME", "/root"), declaredVolumes);
    this.deploy = new DeploySection(reader);
  }

  ComposeService parse(Field service) {
    Map<String, Field> keys = reader.mapping(service.value(), service.path());
    reader.checkKeys(keys, KEYS, IGNORED);
    Field image = keys.get("image");
    if (image == null) {
      throw reader.context().error(service.line(),
          "service \"" + service.key() + "\" has neither an image nor a build context specified");
    }
    return new ComposeService(
        service.key(),
        reader.requiredScalar(image.value(), image.path()),
        keys.containsKey("command") ? command(keys.get("command")) : List.of(),
        keys.containsKey("environment")
            ? reader.stringMap(keys.get("environment").value(), keys.get("environment").path(), env) : Map.of(),
        keys.containsKey("ports") ? ports.parse(keys.get("ports")) : List.of(),
        keys.containsKey("networks") ? networks(keys.get("networks"), service.key()) : List.of(),
        keys.containsKey("volumes") ? volumes.parse(keys.get("volumes"), service.key()) : List.of(),
        keys.containsKey("deploy") ? deploy.parse(keys.get("deploy")) : ComposeDeploy.DEFAULT,
        service.line());
  }

  /** A string is split into words as a shell would; a list is taken as is. */
  private List<String> command(Field f) {
    if (f.value() instanceof ScalarNode && !NodeReader.isNull(f.value())) {
      List<String> words = ShellWords.split(reader.requiredScalar(f.value(), f.path()));
      if (words == null) {
        throw reader.context().error(f.value(), f.path() + " has an unterminated quote");
      }
      return words;
    }
    return reader.strings(f.value(), f.path());
  }

  /** A list of names, or a map of name to {aliases: [...]} (or nothing). */
  private List<ServiceNetwork> networks(Field f, String service) {
    List<ServiceNetwork> out = new ArrayList<>();
    if (f.value() instanceof MappingNode) {
      for (Field net : reader.mapping(f.value(), f.path()).values()) {
        checkDeclared(net.key(), net.line(), service);
        Map<String, Field> opts = reader.mapping(net.value(), net.path());
        reader.checkKeys(opts, Set.of("aliases"), Set.of("ipv4_address", "ipv6_address", "priority"));
        List<String> aliases = opts.containsKey("aliases")
            ? reader.strings(opts.get("aliases").value(), opts.get("aliases").path()) : List.of();
        out.add(new ServiceNetwork(net.key(), aliases));
      }
    } else {
      for (Node item : reader.sequence(f.value(), f.path())) {
        String name = reader.requiredScalar(item, f.path());
        checkDeclared(name, ParseContext.line(item), service);
        out.add(new ServiceNetwork(name, List.of()));
      }
    }
    return List.copyOf(out);
  }

  private void checkDeclared(String network, int line, String service) {
    // "default" is the stack's implicit network and needs no declaration.
    if (!network.equals("default") && !declaredNetworks.contains(network)) {
      throw reader.context().error(line, "service \"" + service + "\" refers to undefined network " + network);
    }
  }
}
