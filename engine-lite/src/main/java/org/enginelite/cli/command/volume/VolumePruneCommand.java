package org.enginelite.cli.command.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import org.enginelite.cli.Prompt;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code volume prune [-f] [--filter k=v]}: POST /volumes/prune; prints the deleted volumes and the space
 * reclaimed, as docker does.
 */
@Command(name = "prune", description = "Remove unused local volumes")
public final class VolumePruneCommand extends ApiCommand {

  @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
  boolean force;

  @Option(names = "--filter", description = "Provide filter values (e.g. \"label=<label>\")")
  List<String> filters = new ArrayList<>();

  @Override
  protected int run() {
    if (!force && !Prompt.confirm(out(),
        "WARNING! This will remove all local volumes not used by at least one container.")) {
      return 0;
    }
    String f = Filters.query(Filters.parse(filters));
    JsonNode result = client().post("/volumes/prune" + (f.isEmpty() ? "" : "?" + f), null);
    JsonNode deleted = result == null ? null : result.path("VolumesDeleted");
    if (deleted != null && deleted.isArray() && !deleted.isEmpty()) {
      out().println("Deleted Volumes:");
      deleted.forEach(v -> out().println(v.asText()));
      out().println();
    }
    out().println("Total reclaimed space: " + Format.humanSize(result == null ? 0
        : result.path("SpaceReclaimed").asDouble()));
    return 0;
  }
}
