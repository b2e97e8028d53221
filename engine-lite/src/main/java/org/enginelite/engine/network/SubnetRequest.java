package org.enginelite.engine.network;

import java.util.Map;

/** One IPAM.Config entry of a create request: every field optional (an empty request asks for any free pool). */
public record SubnetRequest(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
  public SubnetRequest {
    subnet = blankToNull(subnet);
    ipRange = blankToNull(ipRange);
    gateway = blankToNull(gateway);
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
