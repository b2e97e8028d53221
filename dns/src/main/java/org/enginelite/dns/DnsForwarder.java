package org.enginelite.dns;

import io.netty.channel.AddressedEnvelope;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.NoopDnsCnameCache;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Sends the questions the name table cannot answer to the host's resolvers, in order, moving to the next on a
 * timeout or error (Netty's resolver supplies query ids, the per-query timeout and the retry over TCP when a UDP
 * answer is truncated). Its sockets are made on the event loop, in the daemon's namespace, so loopback resolvers
 * of the host stay reachable. One forwarder serves every container's server.
 */
public final class DnsForwarder implements AutoCloseable {
  private final DnsNameResolver resolver;
  private final EventLoop loop;
  private final List<InetSocketAddress> upstreams;

  /**
   * @param transport the event loops and channel types to use
   * @param upstreams the resolvers to ask, in order (from {@code ResolvConf.hostUpstreams})
   * @param timeout how long to wait for each resolver
   */
  public DnsForwarder(DnsTransport transport, List<InetSocketAddress> upstreams, Duration timeout) {
    this.upstreams = List.copyOf(upstreams);
    this.loop = transport.group().next();
    this.resolver = new DnsNameResolverBuilder(loop)
        .datagramChannelType(transport.datagramType())
        .socketChannelType(transport.socketType(), true)
        .queryTimeoutMillis(timeout.toMillis())
        .resolveCache(NoopDnsCache.INSTANCE)
        .cnameCache(NoopDnsCnameCache.INSTANCE)
        .recursionDesired(true)
        .maxQueriesPerResolve(1)
        .build();
  }

  public List<InetSocketAddress> upstreams() {
    return upstreams;
  }

  /**
   * Asks the upstream resolvers; the future fails when none answered. The caller releases the envelope.
   * An answer with an error code (NXDOMAIN) is an answer, passed on as it is.
   */
  public Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> forward(DnsQuestion question) {
    Promise<AddressedEnvelope<DnsResponse, InetSocketAddress>> promise = loop.newPromise();
    attempt(question, 0, promise, null);
    return promise;
  }

  private void attempt(DnsQuestion question, int index,
      Promise<AddressedEnvelope<DnsResponse, InetSocketAddress>> promise, Throwable last) {
    if (index >= upstreams.size()) {
      promise.tryFailure(last != null ? last : new IllegalStateException("no upstream resolvers"));
      return;
    }
    resolver.query(upstreams.get(index), question).addListener(
        (Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> f) -> {
          if (f.isSuccess()) {
            if (!promise.trySuccess(f.getNow())) {
              f.getNow().release();
            }
          } else {
            attempt(question, index + 1, promise, f.cause());
          }
        });
  }

  @Override
  public void close() {
    resolver.close();
  }
}
