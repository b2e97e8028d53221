package org.enginelite.engine.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** The top-level {@code networks:} and {@code volumes:} sections. */
final class TopLevelSections {

  private static final Set<String> NETWORK_KEYS =
      Set.of("driver", "driver_opts", "external", "name", "attachable", "internal", "labels", "ipam");
  private static final Set<String> NETWORK_IGNORED = Set.of("enable_ipv6");
  private static final Set<String> VOLUME_KEYS = Set.of("driver", "driver_opts", "external", "name", "labels");
  private static final Set<String> IPAM_KEYS = Set.of("driver", "config");
  private static final Set<String> IPAM_CONFIG_KEYS = Set.of("subnet");
  private static final Set<String> IPAM_CONFIG_IGNORED = Set.of("gateway", "ip_range", "aux_addresses");

  private final NodeReader reader;

  TopLevelSections(NodeReader reader) {
    this.reader = reader;
  }

  Map<String, ComposeNetwork> networks(Field section) {
    Map<String, ComposeNetwork> out = new LinkedHashMap<>();
    for (Field f : reader.mapping(section.value(), "networks").values()) {
      out.put(f.key(), NodeReader.isNull(f.value()) ? ComposeNetwork.defaults(f.key()) : network(f));
    }
    return out;
  }

  private ComposeNetwork network(Field net) {
    Map<String, Field> keys = reader.mapping(net.value(), net.path());
    reader.checkKeys(keys, NETWORK_KEYS, NETWORK_IGNORED);
    External ext = external(keys, net, Set.of("driver", "driver_opts", "ipam", "internal", "attachable"));
    List<String> subnets = new ArrayList<>();
    if (keys.containsKey("ipam")) {
      Map<String, Field> ipam = reader.mapping(keys.get("ipam").value(), net.path() + ".ipam");
      reader.checkKeys(ipam, IPAM_KEYS, Set.of());
      if (ipam.containsKey("driver")) {
        String driver = reader.requiredScalar(ipam.get("driver").value(), ipam.get("driver").path());
        if (!driver.equals("default")) {
          reader.context().warn(ipam.get("driver").line(),
              ipam.get("driver").path() + " \"" + driver + "\" is not supported; the default IPAM driver is used");
        }
      }
      Field config = ipam.get("config");
      for (Node item : config == null ? List.<Node>of() : reader.sequence(config.value(), config.path())) {
        Map<String, Field> c = reader.mapping(item, config.path());
        reader.checkKeys(c, IPAM_CONFIG_KEYS, IPAM_CONFIG_IGNORED);
        if (c.containsKey("subnet")) {
          subnets.add(reader.requiredScalar(c.get("subnet").value(), c.get("subnet").path()));
        }
      }
    }
    return new ComposeNetwork(net.key(), text(keys, "driver"), map(keys, "driver_opts"), ext.external(),
        ext.name(), flag(keys, "attachable"), flag(keys, "internal"), map(keys, "labels"), subnets);
  }

  Map<String, ComposeVolume> volumes(Field section) {
    Map<String, ComposeVolume> out = new LinkedHashMap<>();
    for (Field f : reader.mapping(section.value(), "volumes").values()) {
      if (NodeReader.isNull(f.value())) {
        out.put(f.key(), ComposeVolume.defaults(f.key()));
        continue;
      }
      Map<String, Field> keys = reader.mapping(f.value(), f.path());
      reader.checkKeys(keys, VOLUME_KEYS, Set.of());
      External ext = external(keys, f, Set.of("driver", "driver_opts"));
      out.put(f.key(), new ComposeVolume(f.key(), text(keys, "driver"), map(keys, "driver_opts"), ext.external(),
          ext.name(), map(keys, "labels")));
    }
    return out;
  }

  private record External(boolean external, String name) {}

  /** {@code external: true}, or the v3.0–3.3 form {@code external: {name: x}}; {@code name:} beside it. */
  private External external(Map<String, Field> keys, Field owner, Set<String> conflicting) {
    Field ext = keys.get("external");
    String name = text(keys, "name");
    if (ext == null) {
      return new External(false, name);
    }
    boolean external;
    if (NodeReader.isNull(ext.value()) || ext.value() instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
      external = reader.bool(ext.value(), ext.path());
    } else {
      Map<String, Field> legacy = reader.mapping(ext.value(), ext.path());
      reader.checkKeys(legacy, Set.of("name"), Set.of());
      external = true;
      if (legacy.containsKey("name")) {
        name = reader.requiredScalar(legacy.get("name").value(), legacy.get("name").path());
      }
    }
    if (external) {
      for (String key : conflicting) {
        if (keys.containsKey(key)) {
          throw reader.context().error(keys.get(key).line(),
              "conflicting parameters \"external\" and \"" + key + "\" specified for " + owner.path());
        }
      }
    }
    return new External(external, name);
  }

  private String text(Map<String, Field> keys, String key) {
    Field f = keys.get(key);
    return f == null ? null : reader.requiredScalar(f.value(), f.path());
  }

  private boolean flag(Map<String, Field> keys, String key) {
    Field f = keys.get(key);
    return f != null && reader.bool(f.value(), f.path());
  }

  private Map<String, String> map(Map<String, Field> keys, String key) {
    Field f = keys.get(key);
    return f == null ? Map.of() : reader.stringMap(f.value(), f.path(), Map.of());
  }
}
