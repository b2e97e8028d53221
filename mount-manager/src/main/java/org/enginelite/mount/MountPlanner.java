package org.enginelite.mount;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.enginelite.driver.volume.VolumeNames;

/**
 * Merges a container's mount request into one list, with Docker's precedence: {@code --volumes-from} first, then
 * {@code -v}, {@code --mount} and {@code --tmpfs} (each may replace an inherited mount, but two of them on one
 * target is {@code Duplicate mount point: /data}), and last the image's volumes where nothing else is mounted.
 * The result is ordered so a parent directory is mounted before anything inside it.
 */
public final class MountPlanner {
  private final VolumesFromSource volumesFrom;

  public MountPlanner(VolumesFromSource volumesFrom) {
    this.volumesFrom = volumesFrom;
  }

  public List<MountPlan> plan(MountRequest request) {
    Map<String, MountPlan> byTarget = new LinkedHashMap<>();
    for (String from : request.volumesFrom()) {
      inherit(from, byTarget);
    }
    Set<String> explicit = new HashSet<>();
    for (String bind : request.binds()) {
      add(BindSpecParser.parse(bind), byTarget, explicit);
    }
    for (MountSpec spec : request.mounts()) {
      add(MountSpecValidator.validate(spec), byTarget, explicit);
    }
    for (Map.Entry<String, String> t : new TreeMap<>(request.tmpfs()).entrySet()) {
      add(TmpfsOptionsParser.parseTmpfs(t.getKey(), t.getValue()), byTarget, explicit);
    }
    for (String path : new TreeSet<>(request.imageVolumes())) {
      String target = Targets.check("volume", path);
      byTarget.putIfAbsent(target, new VolumePlan(VolumeNames.anonymousName(), true, "local", Map.of(), Map.of(),
          target, false, false, ""));
    }
    List<MountPlan> out = new ArrayList<>(byTarget.values());
    out.sort((a, b) -> Integer.compare(depth(a.target()), depth(b.target())));
    return List.copyOf(out);
  }

  private void inherit(String from, Map<String, MountPlan> byTarget) {
    String[] parts = from.split(":", -1);
    if (parts.length > 2 || parts[0].isEmpty()) {
      throw new MountConfigException("invalid volumes-from specification: '" + from + "'");
    }
    Boolean ro = null;
    if (parts.length == 2) {
      ro = switch (parts[1]) {
        case "ro" -> Boolean.TRUE;
        case "rw" -> Boolean.FALSE;
        default -> throw new MountConfigException("invalid mode: " + parts[1]);
      };
    }
    for (MountPlan plan : volumesFrom.mountsOf(parts[0])) {
      if (!(plan instanceof TmpfsPlan)) {
        byTarget.put(plan.target(), plan.inherited(ro));
      }
    }
  }

  private static void add(MountPlan plan, Map<String, MountPlan> byTarget, Set<String> explicit) {
    if (!explicit.add(plan.target())) {
      throw MountConfigException.duplicate(plan.target());
    }
    byTarget.put(plan.target(), plan);
  }

  private static int depth(String target) {
    return Path.of(target).getNameCount();
  }
}
