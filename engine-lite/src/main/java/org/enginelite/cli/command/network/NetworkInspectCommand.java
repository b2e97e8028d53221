package org.enginelite.cli.command.network;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Inspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code network inspect NETWORK...}: GET /networks/{id}, with its Containers map, as a JSON array. */
@Command(name = "inspect", description = "Display detailed information on one or more networks")
public final class NetworkInspectCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "NETWORK")
  List<String> networks;

  @Override
  protected int run() {
    return Inspector.print(networks, "network", n -> client().get("/networks/" + enc(n)), out(), err());
  }
}
