package org.enginelite.cli.command.service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.enginelite.cli.CliException;

/**
 * A service's {@code -p}: short syntax {@code [published:]target[/proto]} or long syntax
 * {@code published=4000,target=80,protocol=tcp,mode=ingress}, as the EndpointSpec.Ports entry the docker CLI sends.
 */
final class ServicePorts {

  private ServicePorts() {}

  static Map<String, Object> parse(String spec) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Protocol", "tcp");
    if (spec.contains("=")) {
      for (String field : spec.split(",")) {
        int eq = field.indexOf('=');
        if (eq <= 0) {
          throw new CliException("invalid field '" + field + "' must be a key=value pair");
        }
        String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String val = field.substring(eq + 1).trim();
        switch (key) {
          case "published" -> p.put("PublishedPort", port(val, spec));
          case "target" -> p.put("TargetPort", port(val, spec));
          case "protocol" -> p.put("Protocol", val.toLowerCase(Locale.ROOT));
          case "mode" -> p.put("PublishMode", val.toLowerCase(Locale.ROOT));
          default -> throw new CliException("invalid field key " + key);
        }
      }
      if (!p.containsKey("TargetPort")) {
        throw new CliException("missing mandatory field \"target\"");
      }
      p.putIfAbsent("PublishMode", "ingress");
      return order(p);
    }
    String rest = spec;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      p.put("Protocol", rest.substring(slash + 1).toLowerCase(Locale.ROOT));
      rest = rest.substring(0, slash);
    }
    int colon = rest.lastIndexOf(':');
    p.put("TargetPort", port(colon < 0 ? rest : rest.substring(colon + 1), spec));
    if (colon >= 0) {
      p.put("PublishedPort", port(rest.substring(0, colon), spec));
    }
    p.put("PublishMode", "ingress");
    return order(p);
  }

  private static Map<String, Object> order(Map<String, Object> p) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : new String[] {"Protocol", "TargetPort", "PublishedPort", "PublishMode"}) {
      if (p.containsKey(k)) {
        out.put(k, p.get(k));
      }
    }
    return out;
  }

  private static int port(String value, String spec) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0 || n > 65535) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CliException("invalid argument \"" + spec + "\" for \"-p, --publish\" flag: invalid port " + value);
    }
  }
}
