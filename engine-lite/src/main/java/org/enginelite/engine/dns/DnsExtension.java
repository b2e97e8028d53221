package org.enginelite.engine.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enginelite.dns.DnsForwarder;
import org.enginelite.dns.DnsTransport;
import org.enginelite.dns.files.ResolvConf;
import org.enginelite.engine.network.ContainerNetworking;
import org.enginelite.engine.network.NetworkStore;
import org.enginelite.engine.spi.ContainerSetupStep;
import org.enginelite.engine.spi.EngineExtension;

/**
 * The embedded DNS plugged into the engine. It listens to container networking: endpoints come and go at start,
 * stop, connect, disconnect and remove, and after a daemon restart reattach announces every running container's
 * endpoints again, so each server's sockets are re-opened in its container's namespace. Its one setup step keeps
 * a container's {@code --dns} servers, which its server forwards to instead of the host's. List it after the
 * networks extension.
 */
public final class DnsExtension implements EngineExtension {
  /** How long to wait for each upstream resolver. */
  static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(2);

  private final DnsTransport transport;
  private final DnsForwarder forwarder;
  private final ContainerNameService names;

  public DnsExtension(ContainerNetworking networking, NetworkStore store) {
    this.transport = DnsTransport.create(1);
    List<InetSocketAddress> upstreams = ResolvConf.host().upstreams();
    this.forwarder = upstreams.isEmpty() ? null : new DnsForwarder(transport, upstreams, UPSTREAM_TIMEOUT);
    this.names = new ContainerNameService(transport, forwarder, store::network,
        id -> ContainerUpstreams.of(store.state(), id));
    networking.addListener(names);
  }

  @Override
  public List<ContainerSetupStep> setupSteps() {
    return List.of(new DnsSetupStep());
  }

  public ContainerNameService names() {
    return names;
  }

  @Override
  public void close() {
    names.close();
    if (forwarder != null) {
      forwarder.close();
    }
    transport.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
