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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code ps [-a] [-q] [--no-trunc] [--filter k=v]}: docker's container table. The verb typed most, so its start
 * is kept lean: its model is built programmatically ({@link #spec()}) rather than read from annotations, and the
 * list is read with the streaming {@link ContainerListReader}, not as a tree, so ps never starts
 * jackson-databind.
 */
public final class PsCommand extends ApiCommand {

  private static final String ALL = "--all";
  private static final String QUIET = "--quiet";
  private static final String NO_TRUNC = "--no-trunc";
  private static final String FILTER = "--filter";

  private PsCommand() {}

  /** The ps command's model, bound to a new PsCommand. */
  public static CommandSpec spec() {
    CommandSpec spec = new PsCommand().programmaticSpec("ps", "List containers");
    spec.addOption(OptionSpec.builder("-a", ALL).type(boolean.class)
        .description("Show all containers (default shows just running)").build());
    spec.addOption(OptionSpec.builder("-q", QUIET).type(boolean.class)
        .description("Only display container IDs").build());
    spec.addOption(OptionSpec.builder(NO_TRUNC).type(boolean.class).description("Don't truncate output").build());
    spec.addOption(OptionSpec.builder("-f", FILTER).type(List.class).auxiliaryTypes(String.class)
        .paramLabel("<filters>").description("Filter output based on conditions provided").build());
    return spec;
  }

  @Override
  protected int run() {
    ParseResult parsed = spec.commandLine().getParseResult();
    boolean all = parsed.matchedOptionValue(ALL, false);
    boolean quiet = parsed.matchedOptionValue(QUIET, false);
    boolean noTrunc = parsed.matchedOptionValue(NO_TRUNC, false);
    List<String> filters = parsed.matchedOptionValue(FILTER, List.of());
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
      for (ContainerSummary c : list) {
        out().println(noTrunc ? c.id() : Format.shortId(c.id()));
      }
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
