package org.enginelite.cli.command.swarm;

import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;

/** {@code swarm init|leave}. */
@Command(name = "swarm", description = "Manage Swarm", subcommands = {SwarmInitCommand.class, SwarmLeaveCommand.class})
public final class SwarmCommand extends ApiCommand {

  @Override
  protected int run() {
    spec.commandLine().usage(out());
    return 0;
  }
}
