package org.enginelite.cli.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import org.enginelite.cli.Json;
import org.enginelite.cli.Table;
import org.enginelite.cli.api.ContainerListReader;
import org.enginelite.cli.api.ContainerSummary;
import org.enginelite.cli.flags.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ps [-a] [-q] [--filter k=v]}: docker's container table. The list is read with the streaming
 * {@link ContainerListReader}, not as a tree, so ps never starts jackson-databind.
 */
@Command(name = "ps", description = "List containers")
public final class PsCommand extends ApiCommand {

  @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
  boolean all;

  @Option(names = {"-q", "--quiet"}, description = "Only display container IDs")
  boolean quiet;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Override
  protected int run() {
    List<String> query = new ArrayList<>();
    if (all) {
      query.add("all=1");
    }
    String f = Filters.query(Filters.parse(filters));
    if (!f.isEmpty()) {
      query.add(f);
    }
    List<ContainerSummary> list = read(
        client().getBody("/containers/json" + (query.isEmpty() ? "" : "?" + String.join("&", query))));
    if (quiet) {
      list.forEach(c -> out().println(noTrunc ? c.id() : Format.shortId(c.id())));
      return 0;
    }
    table(list, noTrunc).print(out());
    return 0;
  }

  /** The daemon's container list, as ps reads it. */
  public static List<ContainerSummary> read(byte[] json) {
    try {
      return new ContainerListReader(Json.factory()).read(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the daemon answered with an invalid container list: " + e.getMessage(), e);
    }
  }

  public static Table table(List<ContainerSummary> list, boolean noTrunc) {
    Table t = new Table("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
    for (ContainerSummary c : list) {
      t.row(noTrunc ? c.id() : Format.shortId(c.id()), c.image(),
          "\"" + (noTrunc ? c.command() : Format.ellipsis(c.command(), 20)) + "\"",
          Format.ago(c.created()), c.status(), Ports.display(c.ports()), names(c.names()));
    }
    return t;
  }

  private static String names(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String name = n.startsWith("/") ? n.substring(1) : n;
      // Legacy link names ("/web/db") are not the container's own.
      if (!name.contains("/")) {
        out.add(name);
      }
    }
    return String.join(",", out);
  }
}
