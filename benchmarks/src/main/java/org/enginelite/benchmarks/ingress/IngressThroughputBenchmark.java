package org.enginelite.benchmarks.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enginelite.benchmarks.AbstractMicrobenchmark;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.FrontendOptions;
import org.enginelite.ingress.Listener;
import org.enginelite.ingress.LoadBalancer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Ingress throughput through real loopback sockets: client, balancer and backends in one JVM, the backends on
 * plain blocking threads. {@code bulk} moves 1 MiB per operation to discarding backends (ops/s x 1 MiB = bytes/s);
 * {@code requestResponse} is one 64-byte request answered by a 64-byte echo. With 4 backends the client keeps one
 * connection per backend (the balancer's round-robin spreads them) and uses them in turn.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngressThroughputBenchmark extends AbstractMicrobenchmark {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int BULK = 1 << 20;
  private static final int SMALL = 64;

  @Param({"1", "4"})
  public int backends;

  @Param({"true", "false"})
  public boolean splice;

  private final List<ServerSocket> servers = new ArrayList<>();
  private LoadBalancer lb;
  private Socket[] bulkClients;
  private Socket[] echoClients;
  private final byte[] bulk = new byte[BULK];
  private final byte[] small = new byte[SMALL];
  private final byte[] reply = new byte[SMALL];
  private int next;

  @Setup(Level.Trial)
  public void start() throws IOException {
    List<InetSocketAddress> discard = new ArrayList<>();
    List<InetSocketAddress> echo = new ArrayList<>();
    for (int i = 0; i < backends; i++) {
      discard.add(serve(false));
      echo.add(serve(true));
    }
    lb = LoadBalancer.create(1);
    FrontendOptions options = FrontendOptions.DEFAULTS.withSplice(splice);
    Listener bulkListener =
        lb.listen(Frontend.tcp(new InetSocketAddress(LOOPBACK, 0)).withOptions(options), discard);
    Listener echoListener =
        lb.listen(Frontend.tcp(new InetSocketAddress(LOOPBACK, 0)).withOptions(options), echo);
    bulkClients = new Socket[backends];
    echoClients = new Socket[backends];
    for (int i = 0; i < backends; i++) {
      bulkClients[i] = connect(bulkListener.localAddress());
      echoClients[i] = connect(echoListener.localAddress());
    }
  }

  private static Socket connect(InetSocketAddress a) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(a, 2000);
    s.setSoTimeout(10_000);
    return s;
  }

  private InetSocketAddress serve(boolean echo) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
    servers.add(server);
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  s.setTcpNoDelay(true);
                  Thread h = new Thread(() -> pump(s, echo));
                  h.setDaemon(true);
                  h.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return new InetSocketAddress(LOOPBACK, server.getLocalPort());
  }

  private static void pump(Socket s, boolean echo) {
    byte[] buf = new byte[256 * 1024];
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      int n;
      while ((n = in.read(buf)) > 0) {
        if (echo) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // connection closed at tear-down
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    for (Socket s : bulkClients) {
      s.close();
    }
    for (Socket s : echoClients) {
      s.close();
    }
    lb.close();
    for (ServerSocket s : servers) {
      s.close();
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) % backends;
    return i;
  }

  /** 1 MiB to a discarding backend; backpressure makes the client's write wait for the backend's reads. */
  @Benchmark
  public void bulk() throws IOException {
    bulkClients[nextIndex()].getOutputStream().write(bulk);
  }

  /** One 64-byte request and its 64-byte echo. */
  @Benchmark
  public int requestResponse() throws IOException {
    Socket s = echoClients[nextIndex()];
    s.getOutputStream().write(small);
    return s.getInputStream().readNBytes(reply, 0, SMALL);
  }
}
