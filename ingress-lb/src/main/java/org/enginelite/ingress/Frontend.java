package org.enginelite.ingress;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.enginelite.driver.InvalidParameterException;

/**
 * What a listener accepts: an address and port (port 0 picks a free one), a protocol and its options.
 *
 * @param listen address to bind; the wildcard address listens on every interface
 * @param protocol TCP or UDP
 * @param options tunables, {@link FrontendOptions#DEFAULTS} unless given
 */
public record Frontend(InetSocketAddress listen, Protocol protocol, FrontendOptions options) {

  public Frontend {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(options, "options");
    if (listen.isUnresolved()) {
      throw new InvalidParameterException("listen address " + listen.getHostString() + " does not resolve");
    }
    if (protocol == Protocol.UDP && options.proxyProtocol() != ProxyProtocol.NONE) {
      throw new InvalidParameterException("PROXY protocol headers are supported on TCP frontends only");
    }
  }

  public static Frontend tcp(InetSocketAddress listen) {
    return new Frontend(listen, Protocol.TCP, FrontendOptions.DEFAULTS);
  }

  public static Frontend udp(InetSocketAddress listen) {
    return new Frontend(listen, Protocol.UDP, FrontendOptions.DEFAULTS);
  }

  public Frontend withOptions(FrontendOptions newOptions) {
    return new Frontend(listen, protocol, newOptions);
  }

  @Override
  public String toString() {
    return HostPort.format(listen) + "/" + protocol.label();
  }
}
