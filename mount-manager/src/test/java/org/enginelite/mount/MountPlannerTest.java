package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.NotFoundException;
import org.junit.jupiter.api.Test;

class MountPlannerTest {
  private final MountPlanner planner = new MountPlanner(ref -> {
    if (!ref.equals("db")) {
      throw new NotFoundException("No such container: " + ref);
    }
    return List.of(new VolumePlan("dbdata", false, "local", Map.of(), Map.of(), "/var/lib/db", false, false, "z"),
        new BindPlan("/srv/conf", "/conf", false, Propagation.RPRIVATE, true, false, ""),
        new TmpfsPlan("/tmp", List.of(), false, false));
  });

  @Test
  void plan_everyKind_mergedParentsFirst() {
    List<MountPlan> plans = planner.plan(new MountRequest(List.of("v1:/data/sub", "/srv:/srv"),
        List.of(new MountSpec("volume", "v2", "/data", false, null, null, null)), Map.of("/scratch", "size=1m"),
        List.of(), Set.of()));
    assertEquals(List.of("/srv", "/data", "/scratch", "/data/sub"), plans.stream().map(MountPlan::target).toList());
  }

  @Test
  void plan_sameTargetTwice_isDuplicateMountPoint() {
    assertEquals("Duplicate mount point: /data", message(new MountRequest(List.of("v1:/data", "/srv:/data/"),
        List.of(), Map.of(), List.of(), Set.of())));
    assertEquals("Duplicate mount point: /data", message(new MountRequest(List.of("v1:/data"),
        List.of(), Map.of("/data", ""), List.of(), Set.of())));
    assertEquals("Duplicate mount point: /data", message(new MountRequest(List.of("v1:/data"),
        List.of(new MountSpec("tmpfs", "", "/data", false, null, null, null)), Map.of(), List.of(), Set.of())));
  }

  @Test
  void plan_volumesFrom_inheritsVolumesAndBindsButNotTmpfs_withModeOverride() {
    List<MountPlan> plans = planner.plan(new MountRequest(List.of(), List.of(), Map.of(), List.of("db:ro"), Set.of()));
    assertEquals(2, plans.size());
    assertTrue(plans.stream().allMatch(MountPlan::readOnly));
  }

  @Test
  void plan_explicitMountOverridesInheritedOne() {
    List<MountPlan> plans = planner.plan(new MountRequest(List.of("mine:/var/lib/db"), List.of(), Map.of(),
        List.of("db"), Set.of()));
    assertEquals("mine", plans.stream().filter(p -> p.target().equals("/var/lib/db"))
        .map(p -> ((VolumePlan) p).name()).findFirst().orElseThrow());
  }

  @Test
  void plan_unknownVolumesFromContainer_isNotFound() {
    assertThrows(NotFoundException.class,
        () -> planner.plan(new MountRequest(List.of(), List.of(), Map.of(), List.of("nope"), Set.of())));
  }

  @Test
  void plan_imageVolume_anonymousUnlessUserMountsThere() {
    List<MountPlan> plans = planner.plan(new MountRequest(List.of("v1:/data"), List.of(), Map.of(), List.of(),
        Set.of("/data", "/logs")));
    assertEquals(2, plans.size());
    assertEquals("v1", ((VolumePlan) plans.get(0)).name());
    assertTrue(((VolumePlan) plans.get(1)).anonymous());
  }

  private String message(MountRequest request) {
    return assertThrows(MountConfigException.class, () -> planner.plan(request)).getMessage();
  }
}
