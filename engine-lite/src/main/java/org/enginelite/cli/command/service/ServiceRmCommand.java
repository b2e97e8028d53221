package org.enginelite.cli.command.service;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code service rm SERVICE...}: prints each removed name. */
@Command(name = "rm", aliases = {"remove"}, description = "Remove one or more services")
public final class ServiceRmCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "SERVICE")
  List<String> services;

  @Override
  protected int run() {
    int status = 0;
    for (String s : services) {
      try {
        client().delete("/services/" + enc(s));
        out().println(s);
      } catch (ApiException e) {
        err().println("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
