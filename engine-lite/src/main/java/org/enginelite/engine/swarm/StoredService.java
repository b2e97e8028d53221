package org.enginelite.engine.swarm;

import org.enginelite.engine.service.ServiceSpec;

/**
 * A service as the state store keeps it: its id, the version index {@code service update} must echo back
 * (raised on every update), and times as RFC 3339 strings.
 */
public record StoredService(String id, long version, String createdAt, String updatedAt, ServiceSpec spec) {

  public String name() {
    return spec.name();
  }

  StoredService updated(ServiceSpec newSpec, String now) {
    return new StoredService(id, version + 1, createdAt, now, newSpec);
  }
}
