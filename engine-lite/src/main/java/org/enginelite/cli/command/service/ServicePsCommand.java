package org.enginelite.cli.command.service;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.DaemonClient;
import org.enginelite.cli.Format;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code service ps [-q] [--no-trunc] SERVICE...}: the tasks of the services with their states. */
@Command(name = "ps", description = "List the tasks of one or more services")
public final class ServicePsCommand extends ApiCommand {

  @Option(names = {"-q", "--quiet"}, description = "Only display task IDs")
  boolean quiet;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Parameters(arity = "1..*", paramLabel = "SERVICE")
  List<String> services;

  @Override
  protected int run() {
    Map<String, String> names = new LinkedHashMap<>();
    for (String s : services) {
      JsonNode service = client().get("/services/" + enc(s));
      names.put(service.path("ID").asText(), service.path("Spec").path("Name").asText());
    }
    printTasks(client(), names, quiet, noTrunc, out());
    return 0;
  }

  /** The tasks of the given services (id to name), as service ps and stack ps print them. */
  public static void printTasks(DaemonClient client, Map<String, String> services, boolean quiet, boolean noTrunc,
      java.io.PrintStream out) {
    Map<String, Map<String, Boolean>> filter = new LinkedHashMap<>();
    Map<String, Boolean> ids = new LinkedHashMap<>();
    services.keySet().forEach(id -> ids.put(id, true));
    filter.put("service", ids);
    JsonNode tasks = client.get("/tasks?" + Filters.query(filter));
    if (quiet) {
      tasks.forEach(t -> out.println(noTrunc ? t.path("ID").asText() : Format.shortId(t.path("ID").asText())));
      return;
    }
    ServiceTables.tasks(tasks, services, client.get("/info").path("Name").asText(), noTrunc).print(out);
  }
}
