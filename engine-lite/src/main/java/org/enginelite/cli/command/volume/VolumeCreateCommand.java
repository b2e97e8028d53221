package org.enginelite.cli.command.volume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.CliException;
import org.enginelite.cli.flags.KeyValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code volume create [-d local] [--opt k=v] [--label k=v] [NAME]}: prints the volume's name. */
@Command(name = "create", description = "Create a volume")
public final class VolumeCreateCommand extends ApiCommand {

  @Option(names = {"-d", "--driver"}, description = "Specify volume driver name (default \"local\")")
  String driver = "local";

  @Option(names = {"-o", "--opt"}, description = "Set driver specific options")
  List<String> opts = new ArrayList<>();

  @Option(names = "--label", description = "Set metadata for a volume")
  List<String> labels = new ArrayList<>();

  @Option(names = "--name", hidden = true)
  String nameFlag;

  @Parameters(index = "0", arity = "0..1", paramLabel = "VOLUME")
  String name;

  @Override
  protected int run() {
    if (name != null && nameFlag != null && !name.equals(nameFlag)) {
      throw new CliException("conflicting options: either specify --name or provide positional arg, not both");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Driver", driver);
    body.put("DriverOpts", KeyValues.parseStrict(opts, "--opt"));
    body.put("Labels", KeyValues.parse(labels));
    body.put("Name", name != null ? name : nameFlag != null ? nameFlag : "");
    out().println(client().post("/volumes/create", body).path("Name").asText());
    return 0;
  }
}
