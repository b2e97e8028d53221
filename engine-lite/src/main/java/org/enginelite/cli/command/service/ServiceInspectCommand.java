package org.enginelite.cli.command.service;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Inspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code service inspect SERVICE...}: GET /services/{id} as a JSON array. */
@Command(name = "inspect", description = "Display detailed information on one or more services")
public final class ServiceInspectCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "SERVICE")
  List<String> services;

  @Override
  protected int run() {
    return Inspector.print(services, "service", s -> client().get("/services/" + enc(s)), out(), err());
  }
}
