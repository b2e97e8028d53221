package org.enginelite.kernel.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Privileged
class NetNsTest {
  @TempDir Path dir;

  /** /proc/self/net shows the main thread's namespace; /proc/thread-self/net shows this thread's. */
  private static List<String> interfaces() throws Exception {
    return Files.readAllLines(Path.of("/proc/thread-self/net/dev")).stream().skip(2)
        .map(l -> l.substring(0, l.indexOf(':')).trim()).sorted().collect(Collectors.toList());
  }

  private static String netnsInode() throws Exception {
    return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
  }

  @Test
  void create_run_seesOnlyLoopbackAndOtherInode() throws Exception {
    NetNs ns = NetNs.create(dir.resolve("el-test"));
    try {
      assertTrue(NetNs.exists(ns.path()));
      assertEquals(List.of("lo"), ns.run(NetNsTest::interfaces));
      assertNotEquals(netnsInode(), ns.run(NetNsTest::netnsInode));
      // the caller's thread never moved
      assertTrue(interfaces().size() >= 1);
      assertEquals(ns.run(NetNsTest::netnsInode), NetNs.open(ns.path()).run(NetNsTest::netnsInode));
    } finally {
      ns.delete();
    }
    assertFalse(Files.exists(ns.path()));
    ns.delete(); // repeatable
  }

  @Test
  void open_plainFileOrMissingFile_isNotFound_andExistsIsFalse() throws Exception {
    Path plain = Files.createFile(dir.resolve("el-plain"));
    assertFalse(NetNs.exists(plain));
    assertFalse(NetNs.exists(dir.resolve("el-missing")));
    org.junit.jupiter.api.Assertions.assertThrows(org.enginelite.driver.NotFoundException.class,
        () -> NetNs.open(plain));
    NetNs ns = NetNs.create(dir.resolve("el-test3"));
    ns.delete();
    assertFalse(NetNs.exists(ns.path()));
  }

  @Test
  void run_taskThrows_exceptionReachesCaller() {
    NetNs ns = NetNs.create(dir.resolve("el-test2"));
    try {
      IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> ns.run(() -> {
            throw new IllegalStateException("inside");
          }));
      assertEquals("inside", e.getMessage());
    } finally {
      ns.delete();
    }
  }
}
