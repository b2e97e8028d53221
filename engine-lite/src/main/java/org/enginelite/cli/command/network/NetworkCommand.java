package org.enginelite.cli.command.network;

import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;

/** {@code network COMMAND}. */
@Command(name = "network", description = "Manage networks",
    subcommands = {NetworkCreateCommand.class, NetworkLsCommand.class, NetworkInspectCommand.class,
        NetworkRmCommand.class, NetworkPruneCommand.class, NetworkConnectCommand.class,
        NetworkDisconnectCommand.class})
public final class NetworkCommand extends ApiCommand {

  @Override
  protected int run() {
    spec.commandLine().usage(out());
    return 0;
  }
}
