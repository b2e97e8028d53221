package org.enginelite.cli.command.network;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code network rm NETWORK...}: prints each removed name; the daemon refuses networks with endpoints. */
@Command(name = "rm", aliases = {"remove"}, description = "Remove one or more networks")
public final class NetworkRmCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "NETWORK")
  List<String> networks;

  @Override
  protected int run() {
    int status = 0;
    for (String n : networks) {
      try {
        client().delete("/networks/" + enc(n));
        out().println(n);
      } catch (ApiException e) {
        err().println("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
