package org.enginelite.dns;

import java.util.List;
import java.util.Optional;
import org.enginelite.driver.ipam.Ipv4Address;

/** The names one container can resolve locally: those of the networks it is attached to. */
public interface LocalNames {

  /** All addresses of {@code name} (lower case, no trailing dot), empty when unknown. */
  List<Ipv4Address> lookup(String name);

  /** The name registered for {@code address}, for PTR queries. */
  Optional<String> reverse(Ipv4Address address);
}
