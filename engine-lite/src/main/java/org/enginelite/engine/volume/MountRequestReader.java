package org.enginelite.engine.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.mount.MountRequest;
import org.enginelite.mount.MountSpec;

/**
 * Reads the mount parts of Docker's container create request: {@code HostConfig.Binds}, {@code .Mounts},
 * {@code .Tmpfs}, {@code .VolumesFrom}, and the top-level {@code Volumes} (where the CLI puts {@code -v /path}).
 */
final class MountRequestReader {
  private MountRequestReader() {}

  static MountRequest read(ObjectNode createRequest, ObjectNode hostConfig) {
    return new MountRequest(strings(hostConfig.get("Binds"), "HostConfig.Binds"), mounts(hostConfig.get("Mounts")),
        stringMap(hostConfig.get("Tmpfs"), "HostConfig.Tmpfs"),
        strings(hostConfig.get("VolumesFrom"), "HostConfig.VolumesFrom"), keys(createRequest.get("Volumes")));
  }

  private static List<MountSpec> mounts(JsonNode node) {
    List<MountSpec> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new InvalidParameterException("invalid JSON: HostConfig.Mounts must be an array");
    }
    for (JsonNode m : node) {
      out.add(new MountSpec(text(m, "Type"), text(m, "Source"), text(m, "Target"), m.path("ReadOnly").asBoolean(),
          bindOptions(m.get("BindOptions")), volumeOptions(m.get("VolumeOptions")),
          tmpfsOptions(m.get("TmpfsOptions"))));
    }
    return out;
  }

  private static MountSpec.BindOptions bindOptions(JsonNode n) {
    return n == null || n.isNull() ? null
        : new MountSpec.BindOptions(text(n, "Propagation"), n.path("NonRecursive").asBoolean());
  }

  private static MountSpec.VolumeOptions volumeOptions(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    JsonNode driver = n.path("DriverConfig");
    return new MountSpec.VolumeOptions(n.path("NoCopy").asBoolean(), stringMap(n.get("Labels"), "Labels"),
        text(driver, "Name"), stringMap(driver.get("Options"), "DriverConfig.Options"));
  }

  private static MountSpec.TmpfsOptions tmpfsOptions(JsonNode n) {
    // Mode is Go's os.FileMode: permission bits plus type bits we do not use.
    return n == null || n.isNull() ? null
        : new MountSpec.TmpfsOptions(n.path("SizeBytes").asLong(), n.path("Mode").asInt() & 07777);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static List<String> strings(JsonNode node, String what) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new InvalidParameterException("invalid JSON: " + what + " must be an array of strings");
    }
    node.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Map<String, String> stringMap(JsonNode node, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new InvalidParameterException("invalid JSON: " + what + " must be an object");
    }
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    return out;
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> out = new HashSet<>();
    if (node != null && node.isObject()) {
      node.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }
}
