package org.enginelite.ingress.tcp;

import io.netty.channel.Channel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import org.enginelite.ingress.ProxyProtocol;

/** Writes the PROXY protocol header as the first bytes of a backend connection. */
final class ProxyHeaders {
  private ProxyHeaders() {}

  static void write(Channel backend, Channel client, ProxyProtocol version) {
    InetSocketAddress src = (InetSocketAddress) client.remoteAddress();
    InetSocketAddress dst = (InetSocketAddress) client.localAddress();
    HAProxyProtocolVersion v = version == ProxyProtocol.V1 ? HAProxyProtocolVersion.V1 : HAProxyProtocolVersion.V2;
    HAProxyMessage message;
    boolean v4 = src.getAddress() instanceof Inet4Address;
    if (v4 != dst.getAddress() instanceof Inet4Address) {
      // Families differ (dual-stack socket): the spec's UNKNOWN / LOCAL form carries no addresses.
      message =
          new HAProxyMessage(
              v, v == HAProxyProtocolVersion.V1 ? HAProxyCommand.PROXY : HAProxyCommand.LOCAL,
              HAProxyProxiedProtocol.UNKNOWN, null, null, 0, 0);
    } else {
      message =
          new HAProxyMessage(
              v,
              HAProxyCommand.PROXY,
              v4 ? HAProxyProxiedProtocol.TCP4 : HAProxyProxiedProtocol.TCP6,
              src.getAddress().getHostAddress(),
              dst.getAddress().getHostAddress(),
              src.getPort(),
              dst.getPort());
    }
    backend.pipeline().addFirst(HAProxyMessageEncoder.INSTANCE);
    backend.writeAndFlush(message);
    backend.pipeline().remove(HAProxyMessageEncoder.INSTANCE);
  }
}
