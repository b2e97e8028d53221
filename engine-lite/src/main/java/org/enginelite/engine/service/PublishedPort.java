package org.enginelite.engine.service;

import java.util.Locale;
import org.enginelite.driver.InvalidParameterException;

/**
 * A port a service publishes: {@code -p 4000:80} is published 4000, target 80. Published 0 asks the engine to
 * pick one, as swarm does for {@code -p 80}. Ingress mode goes through the load balancer to every task; host
 * mode binds on the node for the task there.
 */
public record PublishedPort(int published, int target, Protocol protocol, Mode mode) {

  public enum Protocol {
    TCP,
    UDP,
    SCTP;

    public String dockerName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Protocol parse(String value) {
      for (Protocol p : values()) {
        if (p.dockerName().equals(value.trim().toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
      throw new InvalidParameterException("invalid protocol \"" + value + "\": must be tcp, udp or sctp");
    }
  }

  public enum Mode {
    INGRESS,
    HOST;

    public String dockerName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String value) {
      for (Mode m : values()) {
        if (m.dockerName().equals(value.trim().toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      throw new InvalidParameterException("invalid publish mode \"" + value + "\": must be ingress or host");
    }
  }

  public PublishedPort {
    if (published < 0 || published > 65535) {
      throw new InvalidParameterException("published port " + published + " is out of range 0-65535");
    }
    if (target < 1 || target > 65535) {
      throw new InvalidParameterException("target port " + target + " is out of range 1-65535");
    }
    if (protocol == null || mode == null) {
      throw new InvalidParameterException("port " + target + " needs a protocol and a mode");
    }
  }

  public static PublishedPort tcp(int published, int target) {
    return new PublishedPort(published, target, Protocol.TCP, Mode.INGRESS);
  }

  /** As {@code docker service ls} prints it: "*:4000->80/tcp". */
  @Override
  public String toString() {
    return "*:" + published + "->" + target + "/" + protocol.dockerName();
  }
}
