package org.enginelite.engine.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceMount.Type;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A service's {@code volumes:} entries. Short syntax {@code SOURCE:TARGET[:MODE]} or {@code TARGET}: a source
 * starting with "/", "." or "~" is a bind (relative ones resolved against the project directory), anything else
 * a named volume that must be declared in the top-level {@code volumes:}. Long syntax: type, source, target,
 * read_only.
 */
final class VolumeSyntax {

  private static final Set<String> LONG_KEYS = Set.of("type", "source", "target", "read_only");
  private static final Set<String> LONG_IGNORED = Set.of("volume", "bind", "tmpfs", "consistency");
  private static final Set<String> IGNORED_MODES = Set.of("z", "Z", "nocopy", "rprivate", "private", "rshared",
      "shared", "rslave", "slave", "cached", "delegated", "consistent");

  private final NodeReader reader;
  private final Path projectDir;
  private final String home;
  private final Set<String> declared;

  VolumeSyntax(NodeReader reader, Path projectDir, String home, Set<String> declared) {
    this.reader = reader;
    this.projectDir = projectDir;
    this.home = home;
    this.declared = declared;
  }

  List<ServiceMount> parse(Field volumes, String service) {
    List<ServiceMount> out = new ArrayList<>();
    for (Node item : reader.sequence(volumes.value(), volumes.path())) {
      out.add(item instanceof MappingNode ? longSyntax(item, volumes.path(), service)
          : shortSyntax(item, volumes.path(), service));
    }
    return List.copyOf(out);
  }

  private ServiceMount shortSyntax(Node item, String path, String service) {
    String text = reader.requiredScalar(item, path);
    String[] parts = text.split(":", -1);
    if (parts.length == 1) {
      return mount(Type.VOLUME, null, parts[0], false, item, text);
    }
    if (parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw reader.context().error(item, "volumes entry \"" + text + "\" is not a valid volume specification");
    }
    boolean readOnly = false;
    if (parts.length == 3) {
      for (String mode : parts[2].split(",")) {
        if (mode.equals("ro") || mode.equals("rw")) {
          readOnly = mode.equals("ro");
        } else if (IGNORED_MODES.contains(mode)) {
          reader.context().warn(ParseContext.line(item),
              path + " entry \"" + text + "\": mode \"" + mode + "\" is not supported and is ignored");
        } else {
          throw reader.context().error(item, "volumes entry \"" + text + "\" has an invalid mode \"" + mode + "\"");
        }
      }
    }
    Type type = isPath(parts[0]) ? Type.BIND : Type.VOLUME;
    return mount(type, source(type, parts[0], item, service), parts[1], readOnly, item, text);
  }

  private ServiceMount longSyntax(Node item, String path, String service) {
    Map<String, Field> keys = reader.mapping(item, path);
    reader.checkKeys(keys, LONG_KEYS, LONG_IGNORED);
    Field typeField = keys.get("type");
    Type type = Type.VOLUME;
    if (typeField != null) {
      String t = reader.requiredScalar(typeField.value(), typeField.path());
      try {
        type = Type.valueOf(t.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw reader.context().error(typeField.value(),
            "volumes entry type \"" + t + "\" is not supported: must be volume, bind or tmpfs");
      }
    }
    Field src = keys.get("source");
    String source = src == null ? null : source(type, reader.requiredScalar(src.value(), src.path()), src.value(),
        service);
    Field target = keys.get("target");
    if (target == null) {
      throw reader.context().error(item, path + " entry needs a target");
    }
    boolean ro = keys.containsKey("read_only") && reader.bool(keys.get("read_only").value(), "read_only");
    return mount(type, source, reader.requiredScalar(target.value(), target.path()), ro, item,
        reader.scalar(target.value(), target.path()));
  }

  private String source(Type type, String source, Node item, String service) {
    if (type == Type.BIND) {
      String expanded = source.startsWith("~") ? home + source.substring(1) : source;
      return projectDir.resolve(expanded).normalize().toString();
    }
    if (type == Type.VOLUME && !declared.contains(source)) {
      throw reader.context().error(item, "service \"" + service + "\" refers to undefined volume " + source);
    }
    return source;
  }

  private ServiceMount mount(Type type, String source, String target, boolean ro, Node item, String text) {
    try {
      return new ServiceMount(type, source, target, ro);
    } catch (InvalidParameterException e) {
      throw reader.context().error(item, "volumes entry \"" + text + "\": " + e.getMessage());
    }
  }

  private static boolean isPath(String source) {
    return source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
  }
}
