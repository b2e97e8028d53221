package org.enginelite.cli.command.volume;

import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;

/** {@code volume COMMAND}. */
@Command(name = "volume", description = "Manage volumes",
    subcommands = {VolumeCreateCommand.class, VolumeLsCommand.class, VolumeInspectCommand.class,
        VolumeRmCommand.class, VolumePruneCommand.class})
public final class VolumeCommand extends ApiCommand {

  @Override
  protected int run() {
    spec.commandLine().usage(out());
    return 0;
  }
}
