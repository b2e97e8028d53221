package org.enginelite.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code service ls [-q] [--filter k=v]}: ID NAME MODE REPLICAS IMAGE PORTS. */
@Command(name = "ls", aliases = {"list"}, description = "List services")
public final class ServiceLsCommand extends ApiCommand {

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Override
  protected int run() {
    String f = Filters.query(Filters.parse(filters));
    JsonNode services = client().get("/services?status=true" + (f.isEmpty() ? "" : "&" + f));
    if (quiet) {
      services.forEach(s -> out().println(Format.shortId(s.path("ID").asText())));
      return 0;
    }
    ServiceTables.services(services).print(out());
    return 0;
  }
}
