package org.enginelite.cli.command.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarm init [--advertise-addr A] [--listen-addr A]}: POST /swarm/init; prints docker's message. */
@Command(name = "init", description = "Initialize a swarm")
public final class SwarmInitCommand extends ApiCommand {

  @Option(names = "--advertise-addr", description = "Advertised address (format: \"<ip|interface>[:port]\")")
  String advertiseAddr = "";

  @Option(names = "--listen-addr", description = "Listen address (format: \"<ip|interface>[:port]\")")
  String listenAddr = "0.0.0.0:2377";

  @Option(names = "--force-new-cluster", description = "Force create a new cluster from current state")
  boolean forceNewCluster;

  @Override
  protected int run() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ListenAddr", listenAddr);
    body.put("AdvertiseAddr", advertiseAddr);
    body.put("DataPathAddr", "");
    body.put("DataPathPort", 0);
    body.put("ForceNewCluster", forceNewCluster);
    body.put("Spec", Map.of());
    body.put("AutoLockManagers", false);
    body.put("Availability", "");
    body.put("DefaultAddrPool", java.util.List.of());
    body.put("SubnetSize", 24);
    JsonNode nodeId = client().post("/swarm/init", body);
    out().println("Swarm initialized: current node (" + (nodeId == null ? "" : nodeId.asText())
        + ") is now a manager.");
    out().println();
    try {
      JsonNode tokens = client().get("/swarm").path("JoinTokens");
      if (tokens.hasNonNull("Worker") && !tokens.get("Worker").asText().isEmpty()) {
        out().println("To add a worker to this swarm, run the following command:");
        out().println();
        out().println("    docker swarm join --token " + tokens.get("Worker").asText() + " " + advertised());
        out().println();
      }
    } catch (ApiException e) {
      // Join tokens are informational; the swarm exists either way.
    }
    out().println("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the"
        + " instructions.");
    out().println();
    return 0;
  }

  private String advertised() {
    String a = advertiseAddr.isEmpty() ? listenAddr : advertiseAddr;
    return a.contains(":") ? a : a + ":2377";
  }
}
