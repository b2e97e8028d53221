package org.enginelite.cli.command.service;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.StreamDemux;
import org.enginelite.cli.http.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code service logs [-f] [--tail N] SERVICE}: the tasks' output from GET /services/{id}/logs. */
@Command(name = "logs", description = "Fetch the logs of a service or task")
public final class ServiceLogsCommand extends ApiCommand {

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = {"-n", "--tail"}, description = "Number of lines to show from the end of the logs")
  String tail;

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Override
  protected int run() throws Exception {
    StringBuilder q = new StringBuilder("stderr=1&stdout=1");
    if (follow) {
      q.append("&follow=1");
    }
    if (tail != null) {
      q.append("&tail=").append(enc(tail));
    }
    if (timestamps) {
      q.append("&timestamps=1");
    }
    try (HttpResponse r = client().stream("GET", "/services/" + enc(service) + "/logs?" + q, Map.of(), null, -1)) {
      StreamDemux.copy(r.body(), out(), err(), false);
    }
    return 0;
  }
}
