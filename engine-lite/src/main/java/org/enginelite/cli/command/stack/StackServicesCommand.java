package org.enginelite.cli.command.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import org.enginelite.cli.command.service.ServiceTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stack services [-q] STACK}: the stack's services as service ls prints them. */
@Command(name = "services", description = "List the services in the stack")
public final class StackServicesCommand extends ApiCommand {

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  @Parameters(index = "0", paramLabel = "STACK")
  String stack;

  @Override
  protected int run() {
    JsonNode services = new StackObjects(client()).services(stack);
    if (services.isEmpty()) {
      err().println("Nothing found in stack: " + stack);
      return 0;
    }
    if (quiet) {
      services.forEach(s -> out().println(Format.shortId(s.path("ID").asText())));
      return 0;
    }
    ServiceTables.services(services).print(out());
    return 0;
  }
}
