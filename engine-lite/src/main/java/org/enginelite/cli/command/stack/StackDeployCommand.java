package org.enginelite.cli.command.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.CliException;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.stack.ComposeFile;
import org.enginelite.engine.stack.ComposeWarning;
import org.enginelite.engine.stack.StackDiff;
import org.enginelite.engine.stack.StackNetwork;
import org.enginelite.engine.stack.StackPlanner;
import org.enginelite.engine.stack.StackResources;
import org.enginelite.engine.stack.StackVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stack deploy -c FILE [--prune] STACK}: parses the compose file, prints a warning for each unsupported
 * key, then creates what is missing and updates services whose spec changed, leaving unchanged services and
 * their running tasks alone.
 */
@Command(name = "deploy", aliases = {"up"}, description = "Deploy a new stack or update an existing stack")
public final class StackDeployCommand extends ApiCommand {

  @Option(names = {"-c", "--compose-file"}, required = true, paramLabel = "FILE",
      description = "Path to a Compose file, or \"-\" to read from stdin")
  String composeFile;

  @Option(names = "--prune", description = "Prune services that are no longer referenced")
  boolean prune;

  @Parameters(index = "0", paramLabel = "STACK")
  String stack;

  @Override
  protected int run() throws IOException {
    ComposeFile file = parse();
    for (ComposeWarning w : file.warnings()) {
      err().println(w);
    }
    StackPlanner planner = new StackPlanner(StackPlanner.DOCKER_DEFAULT_DRIVER);
    StackResources desired = planner.plan(stack, file);
    StackObjects objects = new StackObjects(client());
    StackDiff diff = planner.diff(desired, objects.current(stack, desired), prune);
    for (String s : diff.removeServices()) {
      out().println("Removing service " + s);
      objects.removeService(s);
    }
    for (StackNetwork n : diff.createNetworks()) {
      out().println("Creating network " + n.name());
      objects.createNetwork(n);
    }
    for (StackVolume v : diff.createVolumes()) {
      out().println("Creating volume " + v.name());
      objects.createVolume(v);
    }
    for (ServiceSpec s : diff.createServices()) {
      out().println("Creating service " + s.name());
      objects.createService(s);
    }
    for (ServiceSpec s : diff.updateServices()) {
      out().print("Updating service " + s.name());
      out().println(" (id: " + objects.updateService(s) + ")");
    }
    return 0;
  }

  private ComposeFile parse() throws IOException {
    if (composeFile.equals("-")) {
      String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      return ComposeFile.parse("-", text, System.getenv(), Path.of("").toAbsolutePath());
    }
    Path path = Path.of(composeFile).toAbsolutePath();
    try {
      return ComposeFile.parse(composeFile, Files.readString(path), System.getenv(), path.getParent());
    } catch (NoSuchFileException e) {
      throw new CliException("open " + composeFile + ": no such file or directory");
    }
  }
}
