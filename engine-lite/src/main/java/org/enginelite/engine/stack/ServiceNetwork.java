package org.enginelite.engine.stack;

import java.util.List;

/** A service's attachment to a compose network (by its name in the file), with extra DNS aliases. */
public record ServiceNetwork(String name, List<String> aliases) {

  public ServiceNetwork {
    aliases = List.copyOf(aliases == null ? List.of() : aliases);
  }
}
