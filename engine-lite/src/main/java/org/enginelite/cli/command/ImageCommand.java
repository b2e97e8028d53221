package org.enginelite.cli.command;

import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;

/** {@code image import|ls|rm}. */
@Command(name = "image", description = "Manage images",
    subcommands = {ImportCommand.class, ImageLsCommand.class, ImageRmCommand.class})
public final class ImageCommand extends ApiCommand {

  @Override
  protected int run() {
    spec.commandLine().usage(out());
    return 0;
  }
}
