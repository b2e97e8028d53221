package org.enginelite.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code engine-lite [-H unix:///PATH] VERB ...}: the root command. Only the verb being run is registered with
 * picocli (all of them for help), so a call like {@code ps} builds one small command model and starts fast. The
 * root's model is built with picocli's programmatic API rather than from annotations: reading annotations costs
 * reflection and a generated proxy class per annotation type on every start.
 */
public final class EngineLiteCli implements Runnable {

  private static final String HOST = "--host";

  /** The JDK's default SelectorProvider on Linux (in java.base, found without a class-path search). */
  private static final String LINUX_SELECTOR_PROVIDER = "sun.nio.ch.EPollSelectorProvider";

  private final PrintStream out;
  private final PrintStream err;
  private InputStream in = System.in;
  private final String hostOverride;
  private DaemonClient client;
  private CommandSpec spec;

  public EngineLiteCli(PrintStream out, PrintStream err, String hostOverride) {
    this.out = out;
    this.err = err;
    this.hostOverride = hostOverride;
  }

  public static void main(String[] args) {
    leanStart();
    ClientWarmUp.start();
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    int status = execute(args, out, err, null);
    out.flush();
    System.exit(status);
  }

  /**
   * Start-up settings of a CLI process, before picocli or NIO is touched. Each spares work a short call would do
   * for nothing: picocli looks for Groovy's Closure class (a miss that opens every jar on the class path) and
   * registers converters for java.time and java.sql types, whose class initialisation builds date-time formatters
   * (no verb has an option of those types); NIO's first socket looks its SelectorProvider up with a ServiceLoader
   * (which scans every jar too), unless the system property names it. Already-set values win.
   */
  static void leanStart() {
    setIfAbsent("picocli.disable.closures", "true");
    setIfAbsent("picocli.converters.excludes", "java\\.(sql|time)\\..*");
    if (jdkHas(LINUX_SELECTOR_PROVIDER)) {
      setIfAbsent("java.nio.channels.spi.SelectorProvider", LINUX_SELECTOR_PROVIDER);
    }
  }

  private static boolean jdkHas(String className) {
    try {
      Class.forName(className, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * Runs one command line and returns its exit status.
   *
   * @param hostOverride a socket URI that wins over the environment when {@code -H} is absent (tests)
   */
  public static int execute(String[] args, PrintStream out, PrintStream err, String hostOverride) {
    return execute(args, System.in, out, err, hostOverride);
  }

  /** As {@link #execute(String[], PrintStream, PrintStream, String)} with {@code in} as the CLI's stdin. */
  public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err, String hostOverride) {
    EngineLiteCli root = new EngineLiteCli(out, err, hostOverride);
    root.in = in;
    CommandLine cl = CommandRegistry.commandLine(root, args);
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    Failures failures = new Failures(err);
    cl.setParameterExceptionHandler(failures);
    cl.setExecutionExceptionHandler(failures);
    return cl.execute(args);
  }

  /**
   * Bad usage and failed verbs as docker reports them. A class rather than two lambdas: picocli's handler
   * interfaces are compiled for Java 5, and a lambda implementing one makes the AppCDS dump link it, which
   * excludes it (and the classes that use it) from the archive, so every start opened picocli's jar.
   */
  private static final class Failures
      implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    private final PrintStream err;

    Failures(PrintStream err) {
      this.err = err;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      return badUsage(e, args);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
      return failure(e, commandLine, err);
    }
  }

  /** The root command's model, bound to this object: -H, and picocli's standard -h and -V. */
  CommandSpec spec() {
    if (spec == null) {
      spec = CommandSpec.wrapWithoutInspection(this).name("engine-lite").versionProvider(new VersionProvider());
      spec.usageMessage()
          .description("A lightweight container engine with Docker's API and verbs.")
          .commandListHeading("%nCommands:%n")
          .footer("%nRun 'engine-lite COMMAND --help' for more information on a command.");
      spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
          .description("Show this help message and exit.").build());
      spec.addOption(OptionSpec.builder("-H", HOST).paramLabel("unix:///PATH").type(String.class)
          .description("Daemon socket to connect to (default ${ENGINE_LITE_HOST:-" + EngineHost.DEFAULT + "})")
          .build());
      spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
          .description("Print version information and exit.").build());
    }
    return spec;
  }

  /** No verb: the usage, with every verb. */
  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  DaemonClient client() {
    if (client == null) {
      String host = spec.findOption(HOST).getValue();
      client = new DaemonClient(EngineHost.resolve(host != null ? host : hostOverride));
    }
    return client;
  }

  PrintStream out() {
    return out;
  }

  InputStream in() {
    return in;
  }

  PrintStream err() {
    return err;
  }

  /** As cobra: the problem, then where to read the usage; status 125 as docker uses for flag errors. */
  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    if (e instanceof CommandLine.UnmatchedArgumentException u && cmd.getParent() == null
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
      cmd.getErr().println("engine-lite: '" + u.getUnmatched().get(0) + "' is not an engine-lite command.");
      cmd.getErr().println("See 'engine-lite --help'.");
      return 125;
    }
    cmd.getErr().println("engine-lite: " + e.getMessage() + ".");
    cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    return 125;
  }

  private static int failure(Exception e, CommandLine cmd, PrintStream err) {
    // docker run and create report daemon and usage errors with status 125, apart from the command's own status.
    String verb = cmd.getCommandSpec().qualifiedName(" ");
    boolean run = verb.equals("engine-lite run") || verb.equals("engine-lite create");
    if (e instanceof ApiException api) {
      err.println("Error response from daemon: " + api.getMessage());
      return run ? 125 : 1;
    }
    if (e instanceof DaemonUnreachableException || e instanceof CliException c && c.usageStatus()) {
      err.println(e.getMessage());
      return run ? 125 : 1;
    }
    if (e instanceof CliException given) {
      err.println(given.getMessage());
      return given.exitCode();
    }
    if (e instanceof UncheckedIOException || e instanceof org.enginelite.driver.DriverException) {
      err.println(e.getMessage());
      return run ? 125 : 1;
    }
    err.println("engine-lite: " + e);
    return 1;
  }
}
