package org.enginelite.cli.command.service;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code service scale SERVICE=REPLICAS...}: "web scaled to 8" for each. */
@Command(name = "scale", description = "Scale one or multiple replicated services")
public final class ServiceScaleCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "SERVICE=REPLICAS")
  List<String> scales;

  @Override
  protected int run() {
    int status = 0;
    for (String s : scales) {
      int eq = s.indexOf('=');
      long replicas;
      try {
        replicas = Long.parseLong(s.substring(eq + 1));
      } catch (RuntimeException e) {
        replicas = -1;
      }
      if (eq <= 0 || replicas < 0) {
        err().println("Invalid scale specifier '" + s + "'.");
        status = 1;
        continue;
      }
      String name = s.substring(0, eq);
      long n = replicas;
      try {
        ServiceSpecs.update(client(), name, spec -> ServiceSpecs.object(ServiceSpecs.object(spec, "Mode"),
            "Replicated").put("Replicas", n));
        out().println(name + " scaled to " + n);
      } catch (ApiException e) {
        err().println("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
