package org.enginelite.engine.stack;

import java.util.ArrayList;
import java.util.List;
import org.enginelite.engine.service.ServiceSpec;

/**
 * What {@code stack deploy} (or {@code stack rm}) has to do, in order: networks and volumes first, so services
 * can join and mount them, then services. Unchanged services are left alone, so running tasks keep running.
 */
public record StackDiff(
    List<StackNetwork> createNetworks,
    List<StackVolume> createVolumes,
    List<ServiceSpec> createServices,
    List<ServiceSpec> updateServices,
    List<String> removeServices,
    List<String> removeNetworks) {

  public StackDiff {
    createNetworks = List.copyOf(createNetworks);
    createVolumes = List.copyOf(createVolumes);
    createServices = List.copyOf(createServices);
    updateServices = List.copyOf(updateServices);
    removeServices = List.copyOf(removeServices);
    removeNetworks = List.copyOf(removeNetworks);
  }

  public boolean isEmpty() {
    return createNetworks.isEmpty() && createVolumes.isEmpty() && createServices.isEmpty()
        && updateServices.isEmpty() && removeServices.isEmpty() && removeNetworks.isEmpty();
  }

  /** The lines docker stack deploy / rm print: "Creating network getstartedlab_webnet" ... */
  public List<String> messages() {
    List<String> out = new ArrayList<>();
    removeServices.forEach(s -> out.add("Removing service " + s));
    removeNetworks.forEach(n -> out.add("Removing network " + n));
    createNetworks.forEach(n -> out.add("Creating network " + n.name()));
    createVolumes.forEach(v -> out.add("Creating volume " + v.name()));
    createServices.forEach(s -> out.add("Creating service " + s.name()));
    updateServices.forEach(s -> out.add("Updating service " + s.name()));
    return List.copyOf(out);
  }
}
