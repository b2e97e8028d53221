package org.enginelite.benchmarks.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.enginelite.benchmarks.AbstractMicrobenchmark;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.IpAddresses;
import org.enginelite.driver.network.NetworkSpec;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.net.bridge.BridgeNetworkDriver;
import org.enginelite.net.bridge.HostNamespace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the CNI bridge plugin's ADD does, done by the bridge driver: createEndpoint + join of one endpoint into a
 * fresh container namespace (veth pair, MAC, MTU, address, lo and eth0 up, default route), on an existing network.
 * The driver acts in a "host" namespace made here, so the machine's own network is never touched. Namespace
 * creation and removal happen outside the measured call. Needs root.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class BridgeJoinBenchmark extends AbstractMicrobenchmark {
  private Path dir;
  private NetNs hostNs;
  private HostNamespace host;
  private BridgeNetworkDriver driver;
  private NetworkSpec network;
  private NetNs container;
  private EndpointSpec endpoint;
  private int next;

  @Setup(Level.Trial)
  public void network() throws IOException {
    dir = Files.createTempDirectory("el-join-bench");
    hostNs = NetNs.create(dir.resolve("elbjhost"));
    host = HostNamespace.of(hostNs);
    driver = new BridgeNetworkDriver(host);
    network = NetworkSpec.of(id(), "bench", Cidr.parse("10.123.0.0/16"), IpAddresses.parse("10.123.0.1"), false,
        Map.of());
    driver.createNetwork(network);
  }

  @Setup(Level.Invocation)
  public void freshContainer() {
    container = NetNs.create(dir.resolve("elbjc"));
    next = next % 60000 + 1;
    endpoint = EndpointSpec.of(id(), network.id(),
        Cidr.of(IpAddresses.parse("10.123." + (next / 250) + "." + (next % 250 + 2)), 16));
  }

  @Benchmark
  public Object createEndpointAndJoin() {
    driver.createEndpoint(endpoint);
    return driver.join(new org.enginelite.driver.network.JoinSpec(endpoint, container.path(), IfName.eth(0), true));
  }

  @TearDown(Level.Invocation)
  public void removeContainer() {
    driver.deleteEndpoint(network.id(), endpoint.id());
    container.delete();
  }

  @TearDown(Level.Trial)
  public void removeNetwork() throws IOException {
    driver.deleteNetwork(network.id());
    driver.close();
    host.close();
    hostNs.delete();
    Files.deleteIfExists(dir);
  }

  private static String id() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
