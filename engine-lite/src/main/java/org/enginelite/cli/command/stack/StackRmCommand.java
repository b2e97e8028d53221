package org.enginelite.cli.command.stack;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import org.enginelite.engine.stack.StackDiff;
import org.enginelite.engine.stack.StackPlanner;
import org.enginelite.engine.stack.StackResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stack rm STACK...}: removes each stack's services, then its networks; volumes stay, as with Docker, so
 * data survives a new deploy.
 */
@Command(name = "rm", aliases = {"remove", "down"}, description = "Remove one or more stacks")
public final class StackRmCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "STACK")
  List<String> stacks;

  @Override
  protected int run() {
    StackPlanner planner = new StackPlanner(StackPlanner.DOCKER_DEFAULT_DRIVER);
    StackObjects objects = new StackObjects(client());
    int status = 0;
    for (String stack : stacks) {
      StackResources current = objects.current(stack, StackResources.EMPTY);
      StackDiff removal = planner.removal(current);
      if (removal.isEmpty()) {
        err().println("Nothing found in stack: " + stack);
        continue;
      }
      for (String s : removal.removeServices()) {
        out().println("Removing service " + s);
        status |= attempt(() -> objects.removeService(s));
      }
      for (String n : removal.removeNetworks()) {
        out().println("Removing network " + n);
        status |= attempt(() -> objects.removeNetwork(n));
      }
    }
    return status;
  }

  private int attempt(Runnable r) {
    try {
      r.run();
      return 0;
    } catch (ApiException e) {
      err().println("Error response from daemon: " + e.getMessage());
      return 1;
    }
  }
}
