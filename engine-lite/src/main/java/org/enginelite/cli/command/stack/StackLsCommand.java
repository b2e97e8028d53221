package org.enginelite.cli.command.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Table;
import org.enginelite.engine.stack.StackPlanner;
import picocli.CommandLine.Command;

/** {@code stack ls}: NAME SERVICES, the stacks found by their services' namespace label. */
@Command(name = "ls", aliases = {"list"}, description = "List stacks")
public final class StackLsCommand extends ApiCommand {

  @Override
  protected int run() {
    Map<String, Integer> stacks = new TreeMap<>();
    for (JsonNode s : new StackObjects(client()).services(null)) {
      String stack = s.path("Spec").path("Labels").path(StackPlanner.NAMESPACE_LABEL).asText("");
      if (!stack.isEmpty()) {
        stacks.merge(stack, 1, Integer::sum);
      }
    }
    Table t = new Table("NAME", "SERVICES");
    stacks.forEach((name, count) -> t.row(name, String.valueOf(count)));
    t.print(out());
    return 0;
  }
}
