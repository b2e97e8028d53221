package org.enginelite.ingress;

import java.time.Duration;
import java.util.Objects;
import org.enginelite.driver.InvalidParameterException;

/**
 * Tunables of one frontend.
 *
 * @param connectTimeout how long a backend connect may take before the next backend is tried
 * @param proxyProtocol PROXY protocol header sent first on each backend connection (TCP only)
 * @param healthCheckInterval period of active TCP connect probes; {@link Duration#ZERO} turns them off
 * @param failureBackoff how long a refusing backend is skipped before it is tried again; doubles on every
 *     further failure up to 32 times this value
 * @param udpIdleTimeout a UDP flow (client address pinned to one backend) expires after this long without traffic
 * @param splice move the payload of bulk TCP streams (past 128 KiB in one direction) with splice(2) inside the
 *     kernel when the transport allows it; the byte counters of a spliced stream advance per 64 KiB chunk
 */
public record FrontendOptions(
    Duration connectTimeout,
    ProxyProtocol proxyProtocol,
    Duration healthCheckInterval,
    Duration failureBackoff,
    Duration udpIdleTimeout,
    boolean splice) {

  /** Defaults: 2 s connect timeout, no PROXY header, no active checks, 1 s back-off, 60 s UDP idle, splice on. */
  public static final FrontendOptions DEFAULTS =
      new FrontendOptions(
          Duration.ofSeconds(2), ProxyProtocol.NONE, Duration.ZERO, Duration.ofSeconds(1),
          Duration.ofSeconds(60), true);

  public FrontendOptions {
    Objects.requireNonNull(proxyProtocol, "proxyProtocol");
    positive("connect timeout", connectTimeout);
    positive("failure back-off", failureBackoff);
    positive("UDP idle timeout", udpIdleTimeout);
    Objects.requireNonNull(healthCheckInterval, "healthCheckInterval");
    if (healthCheckInterval.isNegative()) {
      throw new InvalidParameterException("health check interval must not be negative: " + healthCheckInterval);
    }
  }

  private static void positive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new InvalidParameterException(what + " must be positive: " + d);
    }
  }

  public boolean activeHealthChecks() {
    return !healthCheckInterval.isZero();
  }

  public FrontendOptions withConnectTimeout(Duration d) {
    return new FrontendOptions(d, proxyProtocol, healthCheckInterval, failureBackoff, udpIdleTimeout, splice);
  }

  public FrontendOptions withProxyProtocol(ProxyProtocol p) {
    return new FrontendOptions(connectTimeout, p, healthCheckInterval, failureBackoff, udpIdleTimeout, splice);
  }

  public FrontendOptions withHealthCheckInterval(Duration d) {
    return new FrontendOptions(connectTimeout, proxyProtocol, d, failureBackoff, udpIdleTimeout, splice);
  }

  public FrontendOptions withFailureBackoff(Duration d) {
    return new FrontendOptions(connectTimeout, proxyProtocol, healthCheckInterval, d, udpIdleTimeout, splice);
  }

  public FrontendOptions withUdpIdleTimeout(Duration d) {
    return new FrontendOptions(connectTimeout, proxyProtocol, healthCheckInterval, failureBackoff, d, splice);
  }

  public FrontendOptions withSplice(boolean on) {
    return new FrontendOptions(connectTimeout, proxyProtocol, healthCheckInterval, failureBackoff, udpIdleTimeout, on);
  }
}
