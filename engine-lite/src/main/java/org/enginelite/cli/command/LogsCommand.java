package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.StreamDemux;
import org.enginelite.cli.http.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code logs [-f] [--tail N] [-t] CONTAINER}: stdout to stdout, stderr to stderr, as docker logs. */
@Command(name = "logs", description = "Fetch the logs of a container")
public final class LogsCommand extends ApiCommand {

  @Mixin
  LogOptions logOptions;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Override
  protected int run() throws Exception {
    // As docker logs: the container's Tty decides whether the stream is multiplexed.
    JsonNode inspect = client().get("/containers/" + enc(container) + "/json");
    boolean tty = inspect.path("Config").path("Tty").asBoolean(false);
    String q = logOptions.query();
    try (HttpResponse r = client().stream("GET", "/containers/" + enc(container) + "/logs?" + q, Map.of(), null, -1)) {
      StreamDemux.copy(r.body(), out(), err(), tty);
    }
    return 0;
  }
}
