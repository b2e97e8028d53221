package org.enginelite.engine.network;

import java.util.List;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;

/**
 * Finds a network by what users type, in Docker's order: full id, then exact name, then a unique id prefix.
 */
public final class NetworkLookup {
  private NetworkLookup() {}

  public static NetworkRecord find(List<NetworkRecord> networks, String term) {
    if (term == null || term.isEmpty()) {
      throw new InvalidParameterException("network name or id must not be empty");
    }
    for (NetworkRecord n : networks) {
      if (n.id().equals(term)) {
        return n;
      }
    }
    for (NetworkRecord n : networks) {
      if (n.name().equals(term)) {
        return n;
      }
    }
    List<NetworkRecord> byPrefix = networks.stream().filter(n -> n.id().startsWith(term)).toList();
    if (byPrefix.size() == 1) {
      return byPrefix.get(0);
    }
    if (byPrefix.size() > 1) {
      throw new InvalidParameterException("network " + term + " is ambiguous (" + byPrefix.size()
          + " matches found based on ID prefix)");
    }
    throw new NotFoundException("network " + term + " not found");
  }
}
