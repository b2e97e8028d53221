package org.enginelite.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import org.enginelite.testkit.InMemoryStateStore;
import org.junit.jupiter.api.Test;

class ContainerUpstreamsTest {
  @Test
  void of_storedServers_areAddressesOnPort53_noneIsEmpty() {
    InMemoryStateStore store = new InMemoryStateStore();
    store.put(ContainerUpstreams.BUCKET, "c1", new ContainerUpstreams(List.of("192.0.2.53", "not-an-address")));
    assertEquals(List.of(new InetSocketAddress("192.0.2.53", 53)), ContainerUpstreams.of(store, "c1"));
    assertEquals(List.of(), ContainerUpstreams.of(store, "c2"));
  }
}
