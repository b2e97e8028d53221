package org.enginelite.cli.command.network;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network disconnect [-f] NETWORK CONTAINER}. */
@Command(name = "disconnect", description = "Disconnect a container from a network")
public final class NetworkDisconnectCommand extends ApiCommand {

  @Option(names = {"-f", "--force"}, description = "Force the container to disconnect from a network")
  boolean force;

  @Parameters(index = "0", paramLabel = "NETWORK")
  String network;

  @Parameters(index = "1", paramLabel = "CONTAINER")
  String container;

  @Override
  protected int run() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Container", container);
    body.put("Force", force);
    client().post("/networks/" + enc(network) + "/disconnect", body);
    return 0;
  }
}
