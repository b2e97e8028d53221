package org.enginelite.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.ipam.DefaultAddressPools;

/**
 * {@code engine-lite daemon}: serves the Docker Engine API on a unix socket until SIGTERM or SIGINT, which stop
 * the API and leave containers running for the next daemon to pick up.
 *
 * <pre>EngineDaemon [--data-root DIR] [--exec-root DIR] [-H unix:///PATH] [--default-address-pool base=CIDR,size=N]...</pre>
 */
public final class EngineDaemon {
  public static final String DEFAULT_DATA_ROOT = "/var/lib/engine-lite";
  public static final String DEFAULT_EXEC_ROOT = "/run/engine-lite";
  public static final String DEFAULT_HOST = "unix:///run/engine-lite/engine.sock";

  private EngineDaemon() {}

  /** Parsed command line. */
  public record Options(Path dataRoot, Path execRoot, Path socket, List<String> defaultAddressPools) {
    public static Options parse(String... args) {
      Path data = Path.of(DEFAULT_DATA_ROOT);
      Path exec = Path.of(DEFAULT_EXEC_ROOT);
      String host = DEFAULT_HOST;
      List<String> pools = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
        String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("flag needs an argument: " + flag);
          }
          value = args[++i];
        }
        switch (flag) {
          case "--data-root" -> data = Path.of(value);
          case "--exec-root" -> exec = Path.of(value);
          case "-H", "--host" -> host = value;
          case "--default-address-pool" -> pools.add(value);
          default -> throw new IllegalArgumentException("unknown flag: " + flag);
        }
      }
      if (!host.startsWith("unix://")) {
        throw new IllegalArgumentException("only unix:// hosts are supported: " + host);
      }
      // Checked here so a bad pool stops the daemon with one clear line instead of failing at first use.
      DefaultAddressPools.parse(pools);
      return new Options(data.toAbsolutePath(), exec.toAbsolutePath(), Path.of(host.substring("unix://".length())),
          List.copyOf(pools));
    }
  }

  public static void main(String[] args) throws Exception {
    // runc is started for every container: vfork skips the JDK's jspawnhelper exec on that path.
    if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
      System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException | InvalidParameterException e) {
      System.err.println("engine-lite daemon: " + e.getMessage());
      System.err.println("usage: engine-lite daemon [--data-root DIR] [--exec-root DIR] [-H unix:///PATH]"
          + " [--default-address-pool base=CIDR,size=N]...");
      System.exit(2);
      return;
    }
    Engine engine = new Engine(options.dataRoot(), options.execRoot(), options.defaultAddressPools());
    Path pidFile = options.execRoot().resolve("engine-lite.pid");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException ignored) {
        // a stale pid file names a dead process; the next start overwrites it
      }
      stopped.countDown();
    }, "shutdown"));
    try {
      engine.start(options.socket());
    } catch (RuntimeException | IOException e) {
      System.err.println("engine-lite daemon: cannot start: " + e.getMessage());
      System.exit(1);
    }
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
    System.err.println("engine-lite daemon: API listening on unix://" + options.socket());
    stopped.await();
  }
}
