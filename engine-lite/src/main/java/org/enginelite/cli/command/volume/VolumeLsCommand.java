package org.enginelite.cli.command.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Table;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volume ls [-q] [--filter dangling=|name=|label=|driver=]}: DRIVER VOLUME NAME. */
@Command(name = "ls", aliases = {"list"}, description = "List volumes")
public final class VolumeLsCommand extends ApiCommand {

  @Option(names = {"-q", "--quiet"}, description = "Only display volume names")
  boolean quiet;

  @Option(names = {"-f", "--filter"}, description = "Provide filter values (e.g. \"dangling=true\")")
  List<String> filters = new ArrayList<>();

  @Override
  protected int run() {
    String f = Filters.query(Filters.parse(filters));
    JsonNode answer = client().get("/volumes" + (f.isEmpty() ? "" : "?" + f));
    List<JsonNode> volumes = new ArrayList<>();
    answer.path("Volumes").forEach(volumes::add);
    // docker volume ls sorts by name.
    volumes.sort((a, b) -> a.path("Name").asText().compareTo(b.path("Name").asText()));
    for (JsonNode w : answer.path("Warnings")) {
      err().println(w.asText());
    }
    if (quiet) {
      volumes.forEach(v -> out().println(v.path("Name").asText()));
      return 0;
    }
    Table t = new Table("DRIVER", "VOLUME NAME");
    volumes.forEach(v -> t.row(v.path("Driver").asText(), v.path("Name").asText()));
    t.print(out());
    return 0;
  }
}
