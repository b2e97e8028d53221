package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stop [-t SECONDS] CONTAINER...}. */
@Command(name = "stop", description = "Stop one or more running containers")
public final class StopCommand extends ApiCommand {

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
        n -> client().post("/containers/" + enc(n) + "/stop" + query, null));
  }

  static String query(Integer time, String signal) {
    StringBuilder q = new StringBuilder();
    if (signal != null) {
      q.append("signal=").append(enc(signal));
    }
    if (time != null) {
      q.append(q.length() > 0 ? "&" : "").append("t=").append(time);
    }
    return q.length() == 0 ? "" : "?" + q;
  }
}
