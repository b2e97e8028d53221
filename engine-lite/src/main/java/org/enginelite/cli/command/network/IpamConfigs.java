package org.enginelite.cli.command.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.CliException;

/**
 * network create's {@code --subnet}, {@code --ip-range}, {@code --gateway} and {@code --aux-address} grouped into
 * one IPAM config per subnet, as the docker CLI's consolidateIpam: each range, gateway and auxiliary address goes
 * to the subnet that contains it.
 */
final class IpamConfigs {

  private IpamConfigs() {}

  static List<Map<String, Object>> consolidate(List<String> subnets, List<String> ranges, List<String> gateways,
      Map<String, String> aux) {
    if (subnets.isEmpty() && (!ranges.isEmpty() || !gateways.isEmpty() || !aux.isEmpty())) {
      throw new CliException("every ip-range or gateway must have a corresponding subnet");
    }
    List<Map<String, Object>> configs = new ArrayList<>();
    for (String s : subnets) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("Subnet", s);
      configs.add(c);
    }
    for (String r : ranges) {
      Map<String, Object> c = owner(configs, r, "range");
      if (c.containsKey("IPRange")) {
        throw new CliException("cannot configure multiple ranges (" + r + ", " + c.get("IPRange")
            + ") on the same subnet (" + c.get("Subnet") + ")");
      }
      c.put("IPRange", r);
    }
    for (String g : gateways) {
      Map<String, Object> c = owner(configs, g, "gateway");
      if (c.containsKey("Gateway")) {
        throw new CliException("cannot configure multiple gateways (" + g + ", " + c.get("Gateway")
            + ") for the same subnet (" + c.get("Subnet") + ")");
      }
      c.put("Gateway", g);
    }
    for (Map.Entry<String, String> a : aux.entrySet()) {
      Map<String, Object> c = owner(configs, a.getValue(), "aux-address");
      @SuppressWarnings("unchecked")
      Map<String, String> addresses = (Map<String, String>) c.computeIfAbsent("AuxiliaryAddresses",
          k -> new LinkedHashMap<String, String>());
      addresses.put(a.getKey(), a.getValue());
    }
    return configs;
  }

  private static Map<String, Object> owner(List<Map<String, Object>> configs, String address, String what) {
    for (Map<String, Object> c : configs) {
      if (contains((String) c.get("Subnet"), address)) {
        return c;
      }
    }
    throw new CliException("no matching subnet for " + what + " " + address);
  }

  /** Whether CIDR {@code subnet} holds {@code address} (itself an address or a CIDR). */
  static boolean contains(String subnet, String address) {
    try {
      int slash = subnet.indexOf('/');
      if (slash < 0) {
        throw new CliException("invalid CIDR address: " + subnet);
      }
      byte[] net = InetAddress.getByName(subnet.substring(0, slash)).getAddress();
      int prefix = Integer.parseInt(subnet.substring(slash + 1));
      int aSlash = address.indexOf('/');
      byte[] a = InetAddress.getByName(aSlash < 0 ? address : address.substring(0, aSlash)).getAddress();
      if (a.length != net.length || prefix < 0 || prefix > net.length * 8) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((net[bit / 8] & mask) != (a[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException e) {
      throw new CliException("invalid address: " + address + " in " + subnet);
    }
  }
}
