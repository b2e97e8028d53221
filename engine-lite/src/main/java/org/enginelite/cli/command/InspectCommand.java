package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import org.enginelite.cli.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect [--type container|image|network|volume] NAME...}: a JSON array of the objects, as docker inspect
 * prints it; without --type each name is looked up as a container, then an image, a network, a volume.
 */
@Command(name = "inspect", description = "Return low-level information on Docker objects")
public final class InspectCommand extends ApiCommand {

  @Option(names = "--type", description = "Return JSON for specified type")
  String type;

  @Parameters(arity = "1..*", paramLabel = "NAME|ID")
  List<String> names;

  @Override
  protected int run() {
    ArrayNode result = Json.mapper().createArrayNode();
    int status = 0;
    for (String name : names) {
      JsonNode found = find(name);
      if (found == null) {
        err().println("Error: No such object: " + name);
        status = 1;
      } else {
        result.add(found);
      }
    }
    out().println(Json.pretty(result));
    return status;
  }

  private JsonNode find(String name) {
    List<String> paths = switch (type == null ? "" : type) {
      case "container" -> List.of("/containers/%s/json");
      case "image" -> List.of("/images/%s/json");
      case "network" -> List.of("/networks/%s");
      case "volume" -> List.of("/volumes/%s");
      case "" -> List.of("/containers/%s/json", "/images/%s/json", "/networks/%s", "/volumes/%s");
      default -> throw new org.enginelite.cli.CliException("\"" + type + "\" is not a valid value for --type");
    };
    for (String p : paths) {
      try {
        return client().get(String.format(p, enc(name)));
      } catch (ApiException e) {
        if (!e.notFound()) {
          throw e;
        }
      }
    }
    return null;
  }
}
