package org.enginelite.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.enginelite.cli.Format;
import org.enginelite.cli.Table;
import org.enginelite.engine.service.HumanDuration;

/** The tables of service ls / stack services and service ps / stack ps, from the swarm API's JSON. */
public final class ServiceTables {

  private ServiceTables() {}

  /** ID NAME MODE REPLICAS IMAGE PORTS, sorted by name; REPLICAS from ServiceStatus ("5/5"). */
  public static Table services(JsonNode services) {
    List<JsonNode> list = new ArrayList<>();
    services.forEach(list::add);
    list.sort(Comparator.comparing(s -> s.path("Spec").path("Name").asText()));
    Table t = new Table("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS");
    for (JsonNode s : list) {
      JsonNode spec = s.path("Spec");
      boolean global = spec.path("Mode").has("Global");
      JsonNode status = s.path("ServiceStatus");
      String replicas = status.path("RunningTasks").asLong() + "/" + (global ? status.path("DesiredTasks").asLong()
          : spec.path("Mode").path("Replicated").path("Replicas").asLong(status.path("DesiredTasks").asLong()));
      t.row(Format.shortId(s.path("ID").asText()), spec.path("Name").asText(), global ? "global" : "replicated",
          replicas, image(spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText()),
          ports(s.path("Endpoint").path("Ports").isArray() ? s.path("Endpoint").path("Ports")
              : spec.path("EndpointSpec").path("Ports")));
    }
    return t;
  }

  /**
   * ID NAME IMAGE NODE DESIRED STATE CURRENT STATE ERROR PORTS. Tasks are grouped by slot, newest first; older
   * tasks of a slot are shown as " \_ web.1", as docker does.
   */
  public static Table tasks(JsonNode tasks, java.util.Map<String, String> serviceNames, String node, boolean noTrunc) {
    List<JsonNode> list = new ArrayList<>();
    tasks.forEach(list::add);
    list.sort(Comparator.<JsonNode, String>comparing(t -> serviceNames.getOrDefault(t.path("ServiceID").asText(),
            t.path("ServiceID").asText()))
        .thenComparingInt(t -> t.path("Slot").asInt())
        .thenComparing(t -> t.path("CreatedAt").asText(), Comparator.reverseOrder()));
    Table table = new Table("ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS");
    String previous = null;
    for (JsonNode t : list) {
      String service = serviceNames.getOrDefault(t.path("ServiceID").asText(), t.path("ServiceID").asText());
      String name = service + "." + t.path("Slot").asInt();
      String shown = name.equals(previous) ? " \\_ " + name : name;
      previous = name;
      JsonNode status = t.path("Status");
      String err = status.path("Err").asText("");
      String id = t.path("ID").asText();
      table.row(noTrunc ? id : Format.shortId(id), shown,
          image(t.path("Spec").path("ContainerSpec").path("Image").asText()), node,
          capitalize(t.path("DesiredState").asText()),
          capitalize(status.path("State").asText()) + " " + since(status.path("Timestamp").asText()),
          err.isEmpty() ? "" : "\"" + (noTrunc ? err : Format.ellipsis(err, 30)) + "\"", "");
    }
    return table;
  }

  /** The image without a digest, as docker shows it. */
  static String image(String image) {
    int at = image.indexOf('@');
    return at < 0 ? image : image.substring(0, at);
  }

  static String ports(JsonNode ports) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : ports) {
      if (p.path("PublishedPort").asInt() == 0) {
        continue;
      }
      out.add("*:" + p.path("PublishedPort").asInt() + "->" + p.path("TargetPort").asInt() + "/"
          + p.path("Protocol").asText("tcp"));
    }
    return String.join(", ", out);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String since(String rfc3339) {
    try {
      return HumanDuration.of(Duration.between(Instant.parse(rfc3339), Instant.now())) + " ago";
    } catch (RuntimeException e) {
      return "";
    }
  }
}
