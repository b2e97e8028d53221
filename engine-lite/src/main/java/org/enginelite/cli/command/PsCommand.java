package org.enginelite.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import org.enginelite.cli.Table;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ps [-a] [-q] [--filter k=v]}: docker's container table. */
@Command(name = "ps", description = "List containers")
public final class PsCommand extends ApiCommand {

  @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
  boolean all;

  @Option(names = {"-q", "--quiet"}, description = "Only display container IDs")
  boolean quiet;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Override
  protected int run() {
    List<String> query = new ArrayList<>();
    if (all) {
      query.add("all=1");
    }
    String f = Filters.query(Filters.parse(filters));
    if (!f.isEmpty()) {
      query.add(f);
    }
    JsonNode list = client().get("/containers/json" + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    if (quiet) {
      list.forEach(c -> out().println(noTrunc ? c.path("Id").asText() : Format.shortId(c.path("Id").asText())));
      return 0;
    }
    table(list, noTrunc).print(out());
    return 0;
  }

  public static Table table(JsonNode list, boolean noTrunc) {
    Table t = new Table("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
    for (JsonNode c : list) {
      String id = c.path("Id").asText();
      String command = c.path("Command").asText();
      t.row(noTrunc ? id : Format.shortId(id), c.path("Image").asText(),
          "\"" + (noTrunc ? command : Format.ellipsis(command, 20)) + "\"",
          Format.ago(c.path("Created").asLong()), c.path("Status").asText(), Ports.display(c.path("Ports")),
          names(c.path("Names")));
    }
    return t;
  }

  private static String names(JsonNode names) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : names) {
      String name = n.asText();
      name = name.startsWith("/") ? name.substring(1) : name;
      // Legacy link names ("/web/db") are not the container's own.
      if (!name.contains("/")) {
        out.add(name);
      }
    }
    return String.join(",", out);
  }
}
