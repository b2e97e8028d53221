package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code port CONTAINER [PRIVATE_PORT[/PROTO]]}: "80/tcp -> 0.0.0.0:8080" lines from NetworkSettings.Ports. */
@Command(name = "port", description = "List port mappings or a specific mapping for the container")
public final class PortCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PRIVATE_PORT[/PROTO]")
  String privatePort;

  @Override
  protected int run() {
    JsonNode ports = client().get("/containers/" + enc(container) + "/json").path("NetworkSettings").path("Ports");
    String wanted = privatePort == null ? null : privatePort.contains("/") ? privatePort : privatePort + "/tcp";
    List<String> lines = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ports.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (wanted != null && !wanted.equals(e.getKey())) {
        continue;
      }
      for (JsonNode b : e.getValue()) {
        String ip = b.path("HostIp").asText();
        String hostIp = ip.contains(":") ? "[" + ip + "]" : ip;
        String address = hostIp + ":" + b.path("HostPort").asText();
        lines.add(wanted != null ? address : e.getKey() + " -> " + address);
      }
    }
    if (wanted != null && lines.isEmpty()) {
      throw new CliException("Error: No public port '" + wanted + "' published for " + container);
    }
    lines.forEach(out()::println);
    return 0;
  }
}
