package org.enginelite.cli.command.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.command.service.ServicePsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stack ps [-q] [--no-trunc] STACK}: the tasks of the stack's services. */
@Command(name = "ps", description = "List the tasks in the stack")
public final class StackPsCommand extends ApiCommand {

  @Option(names = {"-q", "--quiet"}, description = "Only display task IDs")
  boolean quiet;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Parameters(index = "0", paramLabel = "STACK")
  String stack;

  @Override
  protected int run() {
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode s : new StackObjects(client()).services(stack)) {
      names.put(s.path("ID").asText(), s.path("Spec").path("Name").asText());
    }
    if (names.isEmpty()) {
      err().println("Nothing found in stack: " + stack);
      return 0;
    }
    ServicePsCommand.printTasks(client(), names, quiet, noTrunc, out());
    return 0;
  }
}
