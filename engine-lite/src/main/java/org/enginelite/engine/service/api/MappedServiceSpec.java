package org.enginelite.engine.service.api;

import java.util.List;
import org.enginelite.engine.service.ServiceSpec;

/** A service spec read from the API, with the warnings POST /services/create returns ("Warnings"). */
public record MappedServiceSpec(ServiceSpec spec, List<String> warnings) {

  public MappedServiceSpec {
    warnings = List.copyOf(warnings);
  }
}
