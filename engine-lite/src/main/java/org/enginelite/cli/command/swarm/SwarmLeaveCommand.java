package org.enginelite.cli.command.swarm;

import org.enginelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarm leave [--force]}: POST /swarm/leave; "Node left the swarm.". */
@Command(name = "leave", description = "Leave the swarm")
public final class SwarmLeaveCommand extends ApiCommand {

  @Option(names = {"-f", "--force"}, description = "Force this node to leave the swarm, ignoring warnings")
  boolean force;

  @Override
  protected int run() {
    client().post("/swarm/leave" + (force ? "?force=1" : ""), null);
    out().println("Node left the swarm.");
    return 0;
  }
}
