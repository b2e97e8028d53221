package org.enginelite.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.cli.command.CreateCommand;
import org.enginelite.cli.command.ExecCommand;
import org.enginelite.cli.command.ImageCommand;
import org.enginelite.cli.command.ImageLsCommand;
import org.enginelite.cli.command.ImageRmCommand;
import org.enginelite.cli.command.ImportCommand;
import org.enginelite.cli.command.InfoCommand;
import org.enginelite.cli.command.InspectCommand;
import org.enginelite.cli.command.KillCommand;
import org.enginelite.cli.command.LogsCommand;
import org.enginelite.cli.command.PortCommand;
import org.enginelite.cli.command.PsCommand;
import org.enginelite.cli.command.RestartCommand;
import org.enginelite.cli.command.RmCommand;
import org.enginelite.cli.command.RunCommand;
import org.enginelite.cli.command.StartCommand;
import org.enginelite.cli.command.StopCommand;
import org.enginelite.cli.command.VersionCommand;
import org.enginelite.cli.command.WaitCommand;
import org.enginelite.cli.command.network.NetworkCommand;
import org.enginelite.cli.command.service.ServiceCommand;
import org.enginelite.cli.command.stack.StackCommand;
import org.enginelite.cli.command.swarm.SwarmCommand;
import org.enginelite.cli.command.volume.VolumeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every verb of the CLI, in the order help lists them. The one place a new verb is added. */
public final class CommandRegistry {

  private CommandRegistry() {}

  static final Map<String, Class<?>> VERBS = verbs();

  // As docker's run, create and exec (cobra SetInterspersed(false)): flags end at the image or container, so the
  // command's own flags ("sh -c ...") pass through untouched.
  private static final Set<String> STOP_AT_POSITIONAL = Set.of("run", "create", "exec");
  private static final Set<String> STOP_AT_POSITIONAL_SERVICE = Set.of("create");

  // Verbs whose model is built with picocli's programmatic API, not read from annotations: the ones typed most,
  // whose start-up time counts. A switch rather than a map of method references: linking a lambda costs every
  // start its method-handle set-up. Null for the others.
  private static CommandSpec programmatic(String name) {
    switch (name) {
      case "ps":
        return PsCommand.spec();
      default:
        return null;
    }
  }

  private static Map<String, Class<?>> verbs() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("run", RunCommand.class);
    m.put("create", CreateCommand.class);
    m.put("start", StartCommand.class);
    m.put("stop", StopCommand.class);
    m.put("kill", KillCommand.class);
    m.put("restart", RestartCommand.class);
    m.put("rm", RmCommand.class);
    m.put("ps", PsCommand.class);
    m.put("logs", LogsCommand.class);
    m.put("exec", ExecCommand.class);
    m.put("inspect", InspectCommand.class);
    m.put("wait", WaitCommand.class);
    m.put("port", PortCommand.class);
    m.put("image", ImageCommand.class);
    m.put("images", ImageLsCommand.class);
    m.put("rmi", ImageRmCommand.class);
    m.put("import", ImportCommand.class);
    m.put("network", NetworkCommand.class);
    m.put("volume", VolumeCommand.class);
    m.put("service", ServiceCommand.class);
    m.put("swarm", SwarmCommand.class);
    m.put("stack", StackCommand.class);
    m.put("version", VersionCommand.class);
    m.put("info", InfoCommand.class);
    return m;
  }

  /** The command line for {@code args}: the named verb only, or every verb when none is recognised. */
  static CommandLine commandLine(EngineLiteCli root, String[] args) {
    CommandLine cl = new CommandLine(root.spec());
    String verb = verb(args);
    List<String> names = VERBS.containsKey(verb) ? List.of(verb) : List.copyOf(VERBS.keySet());
    for (String name : names) {
      // A verb class registered under a second name ("images" for image ls) keeps none of its own aliases.
      CommandSpec built = programmatic(name);
      CommandLine sub = built != null ? new CommandLine(built) : new CommandLine(VERBS.get(name));
      if (!sub.getCommandName().equals(name)) {
        sub.getCommandSpec().name(name).aliases(new String[0]);
      }
      cl.addSubcommand(name, sub);
      if (STOP_AT_POSITIONAL.contains(name)) {
        cl.getSubcommands().get(name).setStopAtPositional(true);
      }
      if (name.equals("service")) {
        STOP_AT_POSITIONAL_SERVICE.forEach(s -> cl.getSubcommands().get(name).getSubcommands().get(s)
            .setStopAtPositional(true));
      }
    }
    return cl;
  }

  /** The first argument that is not a root option or its value. */
  static String verb(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-H") || a.equals("--host")) {
        i++;
      } else if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }
}
