package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciMountTest {
  @Test
  void volume_isRecursiveBindOfTheDriversPath() {
    OciMount m = OciMount.of(new VolumePlan("v1", false, "local", Map.of(), Map.of(), "/data", true, false, "ro"),
        "/var/lib/el/volumes/v1/_data");
    assertEquals(new OciMount("/data", "bind", "/var/lib/el/volumes/v1/_data", List.of("rbind", "rprivate", "ro")),
        m);
  }

  @Test
  void bind_keepsPropagationAndRecursion() {
    OciMount m = OciMount.of(new BindPlan("/srv", "/srv", false, Propagation.RSHARED, true, true, ""), null);
    assertEquals(List.of("bind", "rshared"), m.options());
  }

  @Test
  void inspect_volumeAndBindAsDocker_tmpfsOnlyFromMountsApi() {
    MountPoint v = MountPoint.of(new VolumePlan("v1", false, "local", Map.of(), Map.of(), "/data", false, false, "z"),
        "/d/v1/_data").orElseThrow();
    assertEquals(new MountPoint("volume", "v1", "/d/v1/_data", "/data", "local", "z", true, ""), v);
    MountPoint b = MountPoint.of(new BindPlan("/srv", "/srv", true, Propagation.RPRIVATE, true, false, "ro"), null)
        .orElseThrow();
    assertEquals(new MountPoint("bind", "", "/srv", "/srv", "", "ro", false, "rprivate"), b);
    assertTrue(MountPoint.of(new TmpfsPlan("/t", List.of(), false, false), null).isEmpty());
    assertTrue(MountPoint.of(new TmpfsPlan("/t", List.of(), false, true), null).isPresent());
  }
}
