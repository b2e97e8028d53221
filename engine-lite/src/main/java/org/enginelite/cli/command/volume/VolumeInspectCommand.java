package org.enginelite.cli.command.volume;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Inspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code volume inspect VOLUME...}: GET /volumes/{name} as a JSON array. */
@Command(name = "inspect", description = "Display detailed information on one or more volumes")
public final class VolumeInspectCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "VOLUME")
  List<String> volumes;

  @Override
  protected int run() {
    return Inspector.print(volumes, "volume", v -> client().get("/volumes/" + enc(v)), out(), err());
  }
}
