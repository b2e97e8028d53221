package org.enginelite.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code create [OPTIONS] IMAGE [COMMAND] [ARG...]}: prints the new container's id. */
@Command(name = "create", description = "Create a new container")
public final class CreateCommand extends ApiCommand {

  @Mixin
  ContainerOptions options;

  @Override
  protected int run() {
    JsonNode created = client().post(options.createPath(), options.request(false));
    RunCommand.printWarnings(created, err());
    out().println(created.path("Id").asText());
    return 0;
  }
}
