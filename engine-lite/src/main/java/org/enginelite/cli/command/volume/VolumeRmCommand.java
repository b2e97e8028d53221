package org.enginelite.cli.command.volume;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code volume rm [-f] VOLUME...}: prints each removed name; the daemon refuses volumes in use. */
@Command(name = "rm", aliases = {"remove"}, description = "Remove one or more volumes")
public final class VolumeRmCommand extends ApiCommand {

  @Option(names = {"-f", "--force"}, description = "Force the removal of one or more volumes")
  boolean force;

  @Parameters(arity = "1..*", paramLabel = "VOLUME")
  List<String> volumes;

  @Override
  protected int run() {
    int status = 0;
    for (String v : volumes) {
      try {
        client().delete("/volumes/" + enc(v) + (force ? "?force=1" : ""));
        out().println(v);
      } catch (ApiException e) {
        err().println("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
