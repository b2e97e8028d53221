package org.enginelite.cli.command.service;

import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;

/** {@code service COMMAND}. */
@Command(name = "service", description = "Manage Swarm services",
    subcommands = {ServiceCreateCommand.class, ServiceLsCommand.class, ServicePsCommand.class,
        ServiceScaleCommand.class, ServiceUpdateCommand.class, ServiceLogsCommand.class, ServiceRmCommand.class,
        ServiceInspectCommand.class})
public final class ServiceCommand extends ApiCommand {

  @Override
  protected int run() {
    spec.commandLine().usage(out());
    return 0;
  }
}
