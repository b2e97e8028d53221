package org.enginelite.cli.command.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import org.enginelite.cli.Table;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code network ls [-q] [--filter name=|driver=|label=]}: NETWORK ID NAME DRIVER SCOPE. */
@Command(name = "ls", aliases = {"list"}, description = "List networks")
public final class NetworkLsCommand extends ApiCommand {

  @Option(names = {"-q", "--quiet"}, description = "Only display network IDs")
  boolean quiet;

  @Option(names = "--no-trunc", description = "Do not truncate the output")
  boolean noTrunc;

  @Option(names = {"-f", "--filter"}, description = "Provide filter values (e.g. \"driver=bridge\")")
  List<String> filters = new ArrayList<>();

  @Override
  protected int run() {
    String f = Filters.query(Filters.parse(filters));
    JsonNode networks = client().get("/networks" + (f.isEmpty() ? "" : "?" + f));
    List<JsonNode> sorted = new ArrayList<>();
    networks.forEach(sorted::add);
    // docker network ls sorts by name.
    sorted.sort((a, b) -> a.path("Name").asText().compareTo(b.path("Name").asText()));
    if (quiet) {
      sorted.forEach(n -> out().println(id(n)));
      return 0;
    }
    Table t = new Table("NETWORK ID", "NAME", "DRIVER", "SCOPE");
    sorted.forEach(n -> t.row(id(n), n.path("Name").asText(), n.path("Driver").asText(), n.path("Scope").asText()));
    t.print(out());
    return 0;
  }

  private String id(JsonNode n) {
    return noTrunc ? n.path("Id").asText() : Format.shortId(n.path("Id").asText());
  }
}
