package org.enginelite.engine.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of snakeyaml nodes with the error naming path and line. Scalars are read as their source text and
 * interpolated, never through YAML 1.1 implicit types: "22:22" stays a port mapping, not the sexagesimal 1342.
 */
final class NodeReader {

  private final ParseContext ctx;

  NodeReader(ParseContext ctx) {
    this.ctx = ctx;
  }

  ParseContext context() {
    return ctx;
  }

  static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
  }

  /** The keys of a mapping in file order; YAML merge keys ({@code <<: *anchor}) are expanded. */
  Map<String, Field> mapping(Node node, String path) {
    if (isNull(node)) {
      return Map.of();
    }
    if (!(node instanceof MappingNode m)) {
      throw ctx.error(node, path + " must be a mapping");
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    List<Field> merged = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      if (Tag.MERGE.equals(t.getKeyNode().getTag())) {
        merged.addAll(mergeSources(t.getValueNode(), path));
        continue;
      }
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw ctx.error(t.getKeyNode(), "keys of " + path + " must be strings");
      }
      String key = k.getValue();
      Field f = new Field(key, path.isEmpty() ? key : path + "." + key, ParseContext.line(k), t.getValueNode());
      if (fields.putIfAbsent(key, f) != null) {
        throw ctx.error(k, "duplicate key " + f.path());
      }
    }
    for (Field f : merged) {
      fields.putIfAbsent(f.key(), f);
    }
    return Collections.unmodifiableMap(fields);
  }

  private List<Field> mergeSources(Node value, String path) {
    List<Field> out = new ArrayList<>();
    List<Node> sources = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    for (Node source : sources) {
      out.addAll(mapping(source, path).values());
    }
    return out;
  }

  List<Node> sequence(Node node, String path) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode s)) {
      throw ctx.error(node, path + " must be a list");
    }
    return s.getValue();
  }

  /** The scalar's text after interpolation; null for a YAML null. */
  String scalar(Node node, String path) {
    if (isNull(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode s)) {
      throw ctx.error(node, path + " must be a string or a number");
    }
    return ctx.interpolate(s.getValue(), ParseContext.line(node), path);
  }

  String requiredScalar(Node node, String path) {
    String v = scalar(node, path);
    if (v == null || v.isEmpty()) {
      throw ctx.error(node, path + " must not be empty");
    }
    return v;
  }

  int integer(Node node, String path) {
    String v = requiredScalar(node, path);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ctx.error(node, path + " must be an integer, got \"" + v + "\"");
    }
  }

  /** YAML booleans as compose accepts them (true/false, and YAML 1.1's yes/no/on/off). */
  boolean bool(Node node, String path) {
    String v = requiredScalar(node, path).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "true", "yes", "y", "on" -> true;
      case "false", "no", "n", "off" -> false;
      default -> throw ctx.error(node, path + " must be a boolean, got \"" + v + "\"");
    };
  }

  /** A list of strings, or one string taken as a one-element list. */
  List<String> strings(Node node, String path) {
    if (node instanceof ScalarNode && !isNull(node)) {
      return List.of(requiredScalar(node, path));
    }
    List<String> out = new ArrayList<>();
    for (Node item : sequence(node, path)) {
      out.add(requiredScalar(item, path));
    }
    return List.copyOf(out);
  }

  /**
   * A string map in either compose form: a mapping, or a list of "KEY=VALUE". A key with no value takes its
   * value from {@code fallback} (the environment, for {@code environment:}) and is left out when absent there.
   */
  Map<String, String> stringMap(Node node, String path, Map<String, String> fallback) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node instanceof SequenceNode) {
      for (Node item : sequence(node, path)) {
        String entry = requiredScalar(item, path);
        int eq = entry.indexOf('=');
        put(out, eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1), fallback);
      }
    } else {
      for (Field f : mapping(node, path).values()) {
        put(out, f.key(), scalar(f.value(), f.path()), fallback);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static void put(Map<String, String> out, String key, String value, Map<String, String> fallback) {
    String v = value != null ? value : fallback.get(key);
    if (v != null) {
      out.put(key, v);
    }
  }

  /** Warns about each key not in {@code supported}: known compose keys we ignore, and keys compose lacks. */
  void checkKeys(Map<String, Field> fields, Set<String> supported, Set<String> ignored) {
    for (Field f : fields.values()) {
      if (supported.contains(f.key()) || f.key().startsWith("x-")) {
        continue;
      }
      ctx.warn(f.line(), ignored.contains(f.key())
          ? f.path() + " is not supported and is ignored"
          : f.path() + " is not a compose key and is ignored");
    }
  }
}
