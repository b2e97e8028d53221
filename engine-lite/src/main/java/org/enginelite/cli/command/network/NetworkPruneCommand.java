package org.enginelite.cli.command.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Prompt;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code network prune [-f] [--filter k=v]}: POST /networks/prune, prints "Deleted Networks:" and the names. */
@Command(name = "prune", description = "Remove all unused networks")
public final class NetworkPruneCommand extends ApiCommand {

  @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
  boolean force;

  @Option(names = "--filter", description = "Provide filter values (e.g. \"until=<timestamp>\")")
  List<String> filters = new ArrayList<>();

  @Override
  protected int run() {
    if (!force && !Prompt.confirm(out(),
        "WARNING! This will remove all custom networks not used by at least one container.")) {
      return 0;
    }
    String f = Filters.query(Filters.parse(filters));
    JsonNode result = client().post("/networks/prune" + (f.isEmpty() ? "" : "?" + f), null);
    JsonNode deleted = result == null ? null : result.path("NetworksDeleted");
    if (deleted != null && deleted.isArray() && !deleted.isEmpty()) {
      out().println("Deleted Networks:");
      deleted.forEach(n -> out().println(n.asText()));
    }
    return 0;
  }
}
