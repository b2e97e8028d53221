package org.enginelite.ingress.tcp;

/** Starts moving bytes once both sides are connected: splice(2) when possible, buffer copies otherwise. */
final class Forwarding {
  private Forwarding() {}

  static void start(TcpSession s) {
    s.client.config().setAutoRead(true);
    s.backendChannel().config().setAutoRead(true);
  }
}
