package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import java.util.List;
import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rm [-f] [-v] CONTAINER...}. */
@Command(name = "rm", description = "Remove one or more containers")
public final class RmCommand extends ApiCommand {

  @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL)")
  boolean force;

  @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container")
  boolean volumes;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  protected int run() {
    StringBuilder q = new StringBuilder();
    if (force) {
      q.append("force=1");
    }
    if (volumes) {
      q.append(q.length() > 0 ? "&" : "").append("v=1");
    }
    String query = q.length() == 0 ? "" : "?" + q;
    return ContainerBatch.each(containers, out(), err(),
        n -> client().delete("/containers/" + enc(n) + query));
  }
}
