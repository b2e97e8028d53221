package org.enginelite.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Base of every verb that talks to the daemon: the client for the root's {@code -H}, and the output streams. */
public abstract class ApiCommand implements Callable<Integer> {

  @Spec
  protected CommandSpec spec;

  // Only --help: "-h" is a flag of some verbs (run -h is --hostname), as in docker.
  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean helpRequested;

  private DaemonClient client;

  protected DaemonClient client() {
    if (client == null) {
      client = ((EngineLiteCli) spec.root().userObject()).client();
    }
    return client;
  }

  protected PrintStream out() {
    return ((EngineLiteCli) spec.root().userObject()).out();
  }

  /** The CLI's stdin ({@code run -i}, {@code exec -i}). */
  protected java.io.InputStream in() {
    return ((EngineLiteCli) spec.root().userObject()).in();
  }

  protected PrintStream err() {
    return ((EngineLiteCli) spec.root().userObject()).err();
  }

  /**
   * The model of a verb built with picocli's programmatic API (no annotation reflection at start-up), bound to
   * this object: its name, description and --help; the verb adds its options.
   */
  protected final CommandSpec programmaticSpec(String name, String description) {
    spec = CommandSpec.wrapWithoutInspection(this).name(name);
    spec.usageMessage().description(description);
    spec.addOption(OptionSpec.builder("--help").usageHelp(true).description("Print usage").build());
    return spec;
  }

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /** Does the verb's work; returns the exit status. */
  protected abstract int run() throws Exception;
}
