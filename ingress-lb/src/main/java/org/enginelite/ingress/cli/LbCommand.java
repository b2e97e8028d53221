package org.enginelite.ingress.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.enginelite.driver.DriverException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.FrontendOptions;
import org.enginelite.ingress.HostPort;
import org.enginelite.ingress.Listener;
import org.enginelite.ingress.LoadBalancer;
import org.enginelite.ingress.Protocol;
import org.enginelite.ingress.ProxyProtocol;
import org.enginelite.ingress.transport.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb}: a plain TCP or UDP load balancer in the foreground until SIGINT or SIGTERM. */
@Command(
    name = "lb",
    mixinStandardHelpOptions = true,
    description = "Run a round-robin TCP or UDP load balancer in the foreground until interrupted.")
public final class LbCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "Address to accept on; repeatable.")
  List<String> listen = new ArrayList<>();

  @Option(names = "--backend", required = true, paramLabel = "HOST:PORT", description = "Backend address; repeatable.")
  List<String> backends = new ArrayList<>();

  @Option(names = "--udp", description = "Balance UDP datagrams (flows pinned per client) instead of TCP.")
  boolean udp;

  @Option(names = "--proxy-protocol", paramLabel = "v1|v2", description = "Send a PROXY protocol header to backends.")
  String proxyProtocol;

  @Option(names = "--health-check", description = "Probe backends with a TCP connect every --health-interval.")
  boolean healthCheck;

  @Option(names = "--health-interval", paramLabel = "SECONDS", defaultValue = "2", description = "Active check period (default: ${DEFAULT-VALUE}).")
  int healthInterval;

  @Option(names = "--connect-timeout", paramLabel = "MILLIS", defaultValue = "2000", description = "Backend connect timeout (default: ${DEFAULT-VALUE}).")
  int connectTimeoutMillis;

  @Option(names = "--event-loops", paramLabel = "N", description = "Event loops (default: one per core).")
  Integer eventLoops;

  @Option(names = "--no-splice", description = "Copy through buffers instead of splice(2) (epoll only).")
  boolean noSplice;

  @Option(names = "--backend-cc", paramLabel = "NAME", description = "TCP congestion control of the connections to backends, e.g. cubic for backends on this host (default: the system's).")
  String backendCongestionControl;

  @Option(names = "--transport", paramLabel = "io_uring|epoll|nio", description = "Netty transport (default: io_uring when the kernel allows it, else epoll, else nio).")
  String transport;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit status (used by the engine-lite launcher and tests). */
  public static int run(String... args) {
    return new CommandLine(new LbCommand()).execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Frontend> frontends;
    List<InetSocketAddress> targets = new ArrayList<>();
    try {
      FrontendOptions options = options();
      frontends = new ArrayList<>();
      for (String l : listen) {
        InetSocketAddress a = HostPort.parse(l);
        frontends.add(new Frontend(a, udp ? Protocol.UDP : Protocol.TCP, options));
      }
      for (String b : backends) {
        targets.add(HostPort.parse(b));
      }
    } catch (DriverException e) {
      err.println("lb: " + e.getMessage());
      return 2;
    }
    LoadBalancer lb;
    try {
      Transport chosen = transport == null ? Transport.best() : Transport.named(transport);
      lb = LoadBalancer.create(eventLoops == null ? Runtime.getRuntime().availableProcessors() : eventLoops, chosen);
    } catch (DriverException e) {
      err.println("lb: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              lb.close();
              stopped.countDown();
            },
            "el-lb-shutdown");
    try {
      for (Frontend f : frontends) {
        Listener l = lb.listen(f, targets);
        out.println(
            "listening on " + HostPort.format(l.localAddress()) + "/" + f.protocol().label() + " -> "
                + String.join(", ", backends) + " (" + lb.eventLoops() + " event loops, "
                + lb.transport().label() + ")");
      }
      out.flush();
    } catch (DriverException e) {
      lb.close();
      err.println("lb: " + e.getMessage());
      // A setting the host refuses is bad input, like one that does not parse; a taken port is not.
      return e instanceof InvalidParameterException ? 2 : 1;
    }
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return 0;
  }

  private FrontendOptions options() {
    FrontendOptions o =
        FrontendOptions.DEFAULTS
            .withConnectTimeout(Duration.ofMillis(connectTimeoutMillis))
            .withSplice(!noSplice)
            .withBackendCongestionControl(backendCongestionControl);
    if (proxyProtocol != null) {
      switch (proxyProtocol.toLowerCase(java.util.Locale.ROOT)) {
        case "v1" -> o = o.withProxyProtocol(ProxyProtocol.V1);
        case "v2" -> o = o.withProxyProtocol(ProxyProtocol.V2);
        default -> throw new InvalidParameterException(
            "--proxy-protocol must be v1 or v2, got \"" + proxyProtocol + "\"");
      }
    }
    if (healthCheck) {
      o = o.withHealthCheckInterval(Duration.ofSeconds(Math.max(1, healthInterval)));
    }
    return o;
  }
}
