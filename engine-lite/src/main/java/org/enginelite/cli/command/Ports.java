package org.enginelite.cli.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.enginelite.cli.api.ContainerSummary.Port;

/**
 * The PORTS column of ps: "0.0.0.0:8080->80/tcp, 443/tcp", sorted as docker's DisplayablePorts sorts them, with
 * consecutive published ports folded into ranges ("0.0.0.0:8000-8001->80-81/tcp").
 */
final class Ports {

  private Ports() {}

  static String display(List<Port> ports) {
    List<Port> list = new ArrayList<>(ports);
    list.sort(ORDER);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < list.size()) {
      Port first = list.get(i);
      int j = i;
      while (j + 1 < list.size() && contiguous(list.get(j), list.get(j + 1))) {
        j++;
      }
      Port last = list.get(j);
      out.add(format(first, last));
      i = j + 1;
    }
    return String.join(", ", out);
  }

  private static final Comparator<Port> ORDER = new Order();

  // By type, address, container port. A class rather than a Comparator.comparing chain or a method reference:
  // linking a lambda costs every start of the CLI its method-handle set-up.
  private static final class Order implements Comparator<Port> {
    @Override
    public int compare(Port a, Port b) {
      int c = a.type().compareTo(b.type());
      if (c == 0) {
        c = a.ip().compareTo(b.ip());
      }
      return c != 0 ? c : Integer.compare(a.privatePort(), b.privatePort());
    }
  }

  private static boolean contiguous(Port a, Port b) {
    return a.type().equals(b.type()) && a.ip().equals(b.ip()) && b.privatePort() == a.privatePort() + 1
        && (a.publicPort() == 0 ? b.publicPort() == 0 : b.publicPort() == a.publicPort() + 1);
  }

  private static String format(Port first, Port last) {
    String priv = first.privatePort() == last.privatePort() ? String.valueOf(first.privatePort())
        : first.privatePort() + "-" + last.privatePort();
    if (first.publicPort() == 0) {
      return priv + "/" + first.type();
    }
    String pub = first.publicPort() == last.publicPort() ? String.valueOf(first.publicPort())
        : first.publicPort() + "-" + last.publicPort();
    String ip = first.ip().contains(":") ? "[" + first.ip() + "]" : first.ip();
    return (ip.isEmpty() ? "" : ip + ":") + pub + "->" + priv + "/" + first.type();
  }
}
