package org.enginelite.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.enginelite.kernel.netlink.Rtnetlink;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Privileged
class ContainerNamespacesTest {
  @TempDir Path dir;
  private final ContainerNamespaces namespaces = new ContainerNamespaces();

  @AfterEach
  void cleanup() {
    namespaces.close();
    NetNs.delete(dir.resolve("elctr"));
  }

  @Test
  void oneSocketPerNamespace_closedWithItsLastEndpoint() {
    NetNs ns = NetNs.create(dir.resolve("elctr"));
    Rtnetlink first = namespaces.acquire(ns, "ep1");
    assertSame(first, namespaces.acquire(ns, "ep2"));
    namespaces.release("ep1");
    namespaces.release("ep1"); // leave may be repeated
    assertEquals("lo", first.links().get(1).orElseThrow().name());
    namespaces.release("ep2");
    assertThrows(IllegalStateException.class, () -> first.links().get(1));
  }

  @Test
  void namespaceFileHoldingAnotherNamespace_getsANewSocket() {
    NetNs ns = NetNs.create(dir.resolve("elctr"));
    Rtnetlink old = namespaces.acquire(ns, "ep1");
    ns.delete();
    NetNs again = NetNs.create(dir.resolve("elctr"));
    Rtnetlink fresh = namespaces.acquire(again, "ep2");
    assertNotSame(old, fresh);
    assertThrows(IllegalStateException.class, () -> old.links().get(1));
    namespaces.release("ep1"); // the replaced socket's endpoint is forgotten, the new one stays open
    assertEquals("lo", fresh.links().get(1).orElseThrow().name());
  }
}
