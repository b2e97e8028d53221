package org.enginelite.cli.command.service;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.StreamDemux;
import org.enginelite.cli.command.LogOptions;
import org.enginelite.cli.http.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code service logs [-f] [--tail N] SERVICE}: the tasks' output from GET /services/{id}/logs. */
@Command(name = "logs", description = "Fetch the logs of a service or task")
public final class ServiceLogsCommand extends ApiCommand {

  @Mixin
  LogOptions logOptions;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Override
  protected int run() throws Exception {
    String q = logOptions.query();
    try (HttpResponse r = client().stream("GET", "/services/" + enc(service) + "/logs?" + q, Map.of(), null, -1)) {
      StreamDemux.copy(r.body(), out(), err(), false);
    }
    return 0;
  }
}
