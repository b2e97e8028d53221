package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restart [-t SECONDS] CONTAINER...}. */
@Command(name = "restart", description = "Restart one or more containers")
public final class RestartCommand extends ApiCommand {

  @Option(names = {"-t", "--time"}, description = "Seconds to wait before killing the container")
  Integer time;

  @Option(names = {"-s", "--signal"}, description = "Signal to send to the container")
  String signal;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  protected int run() {
    String query = StopCommand.query(time, signal);
    return ContainerBatch.each(containers, out(), err(),
        n -> client().post("/containers/" + enc(n) + "/restart" + query, null));
  }
}
