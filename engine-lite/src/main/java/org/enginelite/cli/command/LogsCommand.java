package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.StreamDemux;
import org.enginelite.cli.http.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logs [-f] [--tail N] [-t] CONTAINER}: stdout to stdout, stderr to stderr, as docker logs. */
@Command(name = "logs", description = "Fetch the logs of a container")
public final class LogsCommand extends ApiCommand {

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = {"-n", "--tail"}, description = "Number of lines to show from the end of the logs (default \"all\")")
  String tail;

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Override
  protected int run() throws Exception {
    // As docker logs: the container's Tty decides whether the stream is multiplexed.
    JsonNode inspect = client().get("/containers/" + enc(container) + "/json");
    boolean tty = inspect.path("Config").path("Tty").asBoolean(false);
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
    try (HttpResponse r = client().stream("GET", "/containers/" + enc(container) + "/logs?" + q, Map.of(), null, -1)) {
      StreamDemux.copy(r.body(), out(), err(), tty);
    }
    return 0;
  }
}
