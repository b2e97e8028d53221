package org.enginelite.ipam.host;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.ipam.HostNetworks;

/**
 * The host's routes from {@code /proc/net/route} (main table) and its own addresses from the LOCAL entries of
 * {@code /proc/net/fib_trie}, as seen from the calling thread's network namespace. Read on every call: pools
 * are requested rarely and routes change.
 */
public final class ProcHostNetworks implements HostNetworks {
  private final Path procNet;

  /** Reads {@code /proc/net}. */
  public ProcHostNetworks() {
    this(Path.of("/proc/net"));
  }

  /** Reads {@code route} and {@code fib_trie} under {@code procNet}. */
  public ProcHostNetworks(Path procNet) {
    this.procNet = procNet;
  }

  @Override
  public List<Ipv4Cidr> inUse() {
    Set<Ipv4Cidr> out = new LinkedHashSet<>(routes(read("route")));
    out.addAll(localAddresses(read("fib_trie")));
    return List.copyOf(out);
  }

  private String read(String name) {
    try {
      return Files.readString(procNet.resolve(name));
    } catch (IOException e) {
      throw new InternalException("cannot read the host's routes from " + procNet.resolve(name) + ": " + e, e);
    }
  }

  /**
   * Parses /proc/net/route. Destination and mask are hex in host byte order; the default route (mask 0) is
   * left out, as Docker's overlap check leaves out routes without a destination.
   */
  static List<Ipv4Cidr> routes(String table) {
    List<Ipv4Cidr> out = new ArrayList<>();
    String[] lines = table.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].trim().split("\\s+");
      if (f.length < 8) {
        continue;
      }
      int dest = hostOrder(f[1]);
      int mask = hostOrder(f[7]);
      if (mask == 0) {
        continue;
      }
      out.add(new Ipv4Cidr(new Ipv4Address(dest), Integer.bitCount(mask)).network());
    }
    return out;
  }

  private static int hostOrder(String hex) {
    int v = Integer.parseUnsignedInt(hex, 16);
    return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(v) : v;
  }

  /**
   * The addresses marked {@code /32 host LOCAL} in /proc/net/fib_trie: each follows a {@code |-- a.b.c.d}
   * leaf line. Loopback addresses are left out; they never clash with a pool.
   */
  static List<Ipv4Cidr> localAddresses(String fibTrie) {
    Set<Ipv4Cidr> out = new LinkedHashSet<>();
    String leaf = null;
    for (String line : fibTrie.split("\n")) {
      String t = line.trim();
      if (t.startsWith("|-- ")) {
        leaf = t.substring(4).trim();
      } else if (leaf != null && t.startsWith("/32 host LOCAL")) {
        Ipv4Address a = Ipv4Address.parse(leaf);
        if ((a.bits() >>> 24) != 127) {
          out.add(new Ipv4Cidr(a, 32));
        }
      }
    }
    return List.copyOf(out);
  }
}
