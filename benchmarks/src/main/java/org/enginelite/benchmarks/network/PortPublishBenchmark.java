package org.enginelite.benchmarks.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.enginelite.benchmarks.AbstractMicrobenchmark;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.IpAddresses;
import org.enginelite.driver.network.JoinSpec;
import org.enginelite.driver.network.NetworkSpec;
import org.enginelite.driver.network.PortBinding;
import org.enginelite.driver.network.PortSpecParser;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.net.bridge.BridgeNetworkDriver;
import org.enginelite.net.bridge.HostNamespace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Publishing and unpublishing a container's ports: host ports held as sockets, DNAT rules in one iptables-restore
 * each way. A single port against Docker's {@code -p 50000-51000} range (1001 ports, which costs Docker a proxy
 * process per port). In a namespace made here; needs root.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class PortPublishBenchmark extends AbstractMicrobenchmark {
  @Param({"8080:80", "50000-51000:50000-51000"})
  public String spec;

  private Path dir;
  private NetNs hostNs;
  private NetNs container;
  private HostNamespace host;
  private BridgeNetworkDriver driver;
  private NetworkSpec network;
  private EndpointSpec endpoint;
  private List<PortBinding> bindings;

  @Setup(Level.Trial)
  public void endpoint() throws IOException {
    dir = Files.createTempDirectory("el-publish-bench");
    hostNs = NetNs.create(dir.resolve("elbphost"));
    container = NetNs.create(dir.resolve("elbpc"));
    host = HostNamespace.of(hostNs);
    driver = new BridgeNetworkDriver(host);
    network = NetworkSpec.of(id(), "bench", Cidr.parse("10.125.0.0/16"), IpAddresses.parse("10.125.0.1"), false,
        Map.of());
    driver.createNetwork(network);
    endpoint = EndpointSpec.of(id(), network.id(), Cidr.parse("10.125.0.2/16"));
    driver.createEndpoint(endpoint);
    driver.join(new JoinSpec(endpoint, container.path(), IfName.eth(0), true));
    bindings = PortSpecParser.parse(spec);
  }

  @Benchmark
  public void publishAndUnpublish() {
    driver.programExternalConnectivity(endpoint, bindings);
    driver.revokeExternalConnectivity(network.id(), endpoint.id());
  }

  @TearDown(Level.Trial)
  public void remove() throws IOException {
    driver.deleteEndpoint(network.id(), endpoint.id());
    driver.deleteNetwork(network.id());
    driver.close();
    host.close();
    container.delete();
    hostNs.delete();
    Files.deleteIfExists(dir);
  }

  private static String id() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
