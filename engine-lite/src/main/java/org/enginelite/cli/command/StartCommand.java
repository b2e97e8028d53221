package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code start CONTAINER...}. */
@Command(name = "start", description = "Start one or more stopped containers")
public final class StartCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  protected int run() {
    return ContainerBatch.each(containers, out(), err(),
        n -> client().post("/containers/" + enc(n) + "/start", null));
  }
}
