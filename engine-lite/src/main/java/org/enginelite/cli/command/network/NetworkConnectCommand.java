package org.enginelite.cli.command.network;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.api.EndpointSettingsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network connect [--ip A] [--alias N] NETWORK CONTAINER}. */
@Command(name = "connect", description = "Connect a container to a network")
public final class NetworkConnectCommand extends ApiCommand {

  @Option(names = "--ip", description = "IPv4 address (e.g., \"172.30.100.104\")")
  String ip;

  @Option(names = "--alias", description = "Add network-scoped alias for the container")
  List<String> aliases = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "NETWORK")
  String network;

  @Parameters(index = "1", paramLabel = "CONTAINER")
  String container;

  @Override
  protected int run() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Container", container);
    body.put("EndpointConfig", EndpointSettingsJson.of(ip, aliases));
    client().post("/networks/" + enc(network) + "/connect", body);
    return 0;
  }
}
