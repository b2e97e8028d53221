package org.enginelite.ingress;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
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
 * @param backendCongestionControl TCP congestion control (as in {@code tcp_available_congestion_control}) of the
 *     connections to backends; null keeps the system's. For backends on this host: a paced algorithm such as bbr,
 *     the default on some distributions, costs CPU on every packet of a local hop and paces a stream far below
 *     what the hop can carry
 */
public record FrontendOptions(
    Duration connectTimeout,
    ProxyProtocol proxyProtocol,
    Duration healthCheckInterval,
    Duration failureBackoff,
    Duration udpIdleTimeout,
    boolean splice,
    String backendCongestionControl) {

  /**
   * Defaults: 2 s connect timeout, no PROXY header, no active checks, 1 s back-off, 60 s UDP idle, splice on, the
   * system's congestion control.
   */
  public static final FrontendOptions DEFAULTS =
      new FrontendOptions(
          Duration.ofSeconds(2), ProxyProtocol.NONE, Duration.ZERO, Duration.ofSeconds(1),
          Duration.ofSeconds(60), true, null);

  /** The kernel's TCP_CA_NAME_MAX is 16 bytes with the terminating NUL. */
  private static final Pattern CONGESTION_CONTROL = Pattern.compile("[a-z0-9_]{1,15}");

  public FrontendOptions {
    Objects.requireNonNull(proxyProtocol, "proxyProtocol");
    positive("connect timeout", connectTimeout);
    positive("failure back-off", failureBackoff);
    positive("UDP idle timeout", udpIdleTimeout);
    Objects.requireNonNull(healthCheckInterval, "healthCheckInterval");
    if (healthCheckInterval.isNegative()) {
      throw new InvalidParameterException("health check interval must not be negative: " + healthCheckInterval);
    }
    if (backendCongestionControl != null && !CONGESTION_CONTROL.matcher(backendCongestionControl).matches()) {
      throw new InvalidParameterException(
          "congestion control must be a kernel algorithm name such as cubic, got \"" + backendCongestionControl + "\"");
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
    return new FrontendOptions(
        d, proxyProtocol, healthCheckInterval, failureBackoff, udpIdleTimeout, splice, backendCongestionControl);
  }

  public FrontendOptions withProxyProtocol(ProxyProtocol p) {
    return new FrontendOptions(
        connectTimeout, p, healthCheckInterval, failureBackoff, udpIdleTimeout, splice, backendCongestionControl);
  }

  public FrontendOptions withHealthCheckInterval(Duration d) {
    return new FrontendOptions(
        connectTimeout, proxyProtocol, d, failureBackoff, udpIdleTimeout, splice, backendCongestionControl);
  }

  public FrontendOptions withFailureBackoff(Duration d) {
    return new FrontendOptions(
        connectTimeout, proxyProtocol, healthCheckInterval, d, udpIdleTimeout, splice, backendCongestionControl);
  }

  public FrontendOptions withUdpIdleTimeout(Duration d) {
    return new FrontendOptions(
        connectTimeout, proxyProtocol, healthCheckInterval, failureBackoff, d, splice, backendCongestionControl);
  }

  public FrontendOptions withSplice(boolean on) {
    return new FrontendOptions(
        connectTimeout, proxyProtocol, healthCheckInterval, failureBackoff, udpIdleTimeout, on, backendCongestionControl);
  }

  public FrontendOptions withBackendCongestionControl(String name) {
    return new FrontendOptions(
        connectTimeout, proxyProtocol, healthCheckInterval, failureBackoff, udpIdleTimeout, splice, name);
  }
}
