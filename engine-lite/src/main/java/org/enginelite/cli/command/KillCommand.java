package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kill [-s SIGNAL] CONTAINER...}. */
@Command(name = "kill", description = "Kill one or more running containers")
public final class KillCommand extends ApiCommand {

  @Option(names = {"-s", "--signal"}, description = "Signal to send to the container")
  String signal;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  protected int run() {
    String query = signal == null ? "" : "?signal=" + enc(signal);
    return ContainerBatch.each(containers, out(), err(),
        n -> client().post("/containers/" + enc(n) + "/kill" + query, null));
  }
}
