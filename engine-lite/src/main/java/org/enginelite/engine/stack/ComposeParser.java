package org.enginelite.engine.stack;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the top level of a compose file through snakeyaml's node API ({@code Yaml.compose}), so every value
 * keeps its line, and hands each section to its parser. Networks and volumes are read before services so a
 * service naming an undeclared one fails on the service's line.
 */
final class ComposeParser {

  // docker stack deploy reads the v3 format; 3.0 through 3.x (the compose spec, without a version, too).
  private static final Pattern VERSION = Pattern.compile("3(\\.\\d+)?");
  private static final Set<String> TOP = Set.of("version", "services", "networks", "volumes");
  private static final Set<String> TOP_IGNORED = Set.of("configs", "secrets", "name", "include");

  private final String fileName;
  private final Map<String, String> env;
  private final Path projectDir;

  ComposeParser(String fileName, Map<String, String> env, Path projectDir) {
    this.fileName = fileName;
    this.env = Map.copyOf(env);
    this.projectDir = projectDir;
  }

  ComposeFile parse(String text) {
    ParseContext ctx = new ParseContext(fileName, new Interpolator(env, fileName));
    NodeReader reader = new NodeReader(ctx);
    Node root = compose(ctx, text);
    if (NodeReader.isNull(root)) {
      throw ctx.error(1, "the file is empty");
    }
    Map<String, Field> top = reader.mapping(root, "");
    reader.checkKeys(top, TOP, TOP_IGNORED);
    String version = version(reader, top.get("version"));
    Field servicesField = top.get("services");
    if (servicesField == null || reader.mapping(servicesField.value(), "services").isEmpty()) {
      throw ctx.error(servicesField == null ? 1 : servicesField.line(), "the file defines no services");
    }
    TopLevelSections sections = new TopLevelSections(reader);
    Map<String, ComposeNetwork> networks = top.containsKey("networks")
        ? sections.networks(top.get("networks")) : Map.of();
    Map<String, ComposeVolume> volumes = top.containsKey("volumes")
        ? sections.volumes(top.get("volumes")) : Map.of();
    ServiceSection serviceSection = new ServiceSection(reader, env, projectDir, networks.keySet(), volumes.keySet());
    Map<String, ComposeService> services = new LinkedHashMap<>();
    for (Field f : reader.mapping(servicesField.value(), "services").values()) {
      services.put(f.key(), serviceSection.parse(f));
    }
    return new ComposeFile(version, services, networks, volumes, ctx.warnings());
  }

  private Node compose(ParseContext ctx, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      return new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw ctx.error(mark == null ? 1 : mark.getLine() + 1, "invalid YAML: " + problem.trim());
    } catch (YAMLException e) {
      throw ctx.error(1, "invalid YAML: " + e.getMessage());
    }
  }

  private static String version(NodeReader reader, Field field) {
    if (field == null) {
      return "3";
    }
    String v = reader.requiredScalar(field.value(), "version").trim();
    if (!VERSION.matcher(v).matches()) {
      throw reader.context().error(field.value(),
          "version \"" + v + "\" is not supported: stacks need a version 3 compose file");
    }
    return v;
  }
}
