package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enginelite.state.SqliteStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerMountsTest {
  @TempDir Path dir;

  @Test
  void storedAndReadBack_equalsAndKeepsOrder() {
    ContainerMounts mounts = ContainerMounts.of(List.of(
        new VolumePlan("v1", false, "local", Map.of("type", "tmpfs"), Map.of("a", "b"), "/data/x", true, true, "ro"),
        new BindPlan("/srv", "/srv", false, Propagation.RSHARED, true, false, ""),
        new TmpfsPlan("/data", List.of("size=1m"), false, true)));
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      store.put(ContainerMounts.BUCKET, "c1", mounts);
      ContainerMounts back = store.get(ContainerMounts.BUCKET, "c1", ContainerMounts.class).orElseThrow();
      assertEquals(mounts, back);
      assertEquals(List.of("/srv", "/data", "/data/x"), back.all().stream().map(MountPlan::target).toList());
    }
  }
}
