package org.enginelite.cli.command.stack;

import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;

/** {@code stack deploy|ls|services|ps|rm}. */
@Command(name = "stack", description = "Manage Swarm stacks",
    subcommands = {StackDeployCommand.class, StackLsCommand.class, StackServicesCommand.class,
        StackPsCommand.class, StackRmCommand.class})
public final class StackCommand extends ApiCommand {

  @Override
  protected int run() {
    spec.commandLine().usage(out());
    return 0;
  }
}
