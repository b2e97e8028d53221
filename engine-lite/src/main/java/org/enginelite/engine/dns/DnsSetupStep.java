package org.enginelite.engine.dns;

import java.util.ArrayList;
import java.util.List;
import org.enginelite.engine.spi.ContainerContext;
import org.enginelite.engine.spi.ContainerSetupStep;

/** Records a container's {@code --dns} servers with the container, for its embedded server to forward to. */
final class DnsSetupStep implements ContainerSetupStep {

  @Override
  public void create(ContainerContext c) {
    List<String> servers = new ArrayList<>();
    c.hostConfig().path("Dns").forEach(s -> servers.add(s.asText()));
    if (!servers.isEmpty()) {
      c.store().put(ContainerUpstreams.BUCKET, c.id(), new ContainerUpstreams(servers));
    }
  }

  @Override
  public void remove(ContainerContext c, boolean removeVolumes) {
    c.store().delete(ContainerUpstreams.BUCKET, c.id());
  }
}
