package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wait CONTAINER...}: blocks until each stops and prints its exit status. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes")
public final class WaitCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  protected int run() {
    int status = 0;
    for (String n : containers) {
      try {
        out().println(ContainerWait.statusOf(client().post("/containers/" + enc(n) + "/wait", null)));
      } catch (ApiException e) {
        err().println("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
