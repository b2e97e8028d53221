package org.enginelite.mount;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container's validated mounts as stored with it (bucket {@value #BUCKET}, key = container id), one list per
 * kind so the record reads back without type tags.
 *
 * @param populated true once the image's content was copied into its empty volumes (done on the first start only)
 */
public record ContainerMounts(
    List<VolumePlan> volumes, List<BindPlan> binds, List<TmpfsPlan> tmpfs, boolean populated) {
  public static final String BUCKET = "container.mounts";

  public ContainerMounts {
    volumes = List.copyOf(Objects.requireNonNullElse(volumes, List.of()));
    binds = List.copyOf(Objects.requireNonNullElse(binds, List.of()));
    tmpfs = List.copyOf(Objects.requireNonNullElse(tmpfs, List.of()));
  }

  public static ContainerMounts of(List<MountPlan> plans) {
    List<VolumePlan> v = new ArrayList<>();
    List<BindPlan> b = new ArrayList<>();
    List<TmpfsPlan> t = new ArrayList<>();
    for (MountPlan p : plans) {
      if (p instanceof VolumePlan vp) {
        v.add(vp);
      } else if (p instanceof BindPlan bp) {
        b.add(bp);
      } else {
        t.add((TmpfsPlan) p);
      }
    }
    return new ContainerMounts(v, b, t, false);
  }

  /** Every plan, parents before what is mounted inside them. */
  public List<MountPlan> all() {
    List<MountPlan> out = new ArrayList<>(volumes);
    out.addAll(binds);
    out.addAll(tmpfs);
    out.sort((a, b) -> Integer.compare(Path.of(a.target()).getNameCount(), Path.of(b.target()).getNameCount()));
    return out;
  }

  public ContainerMounts withPopulated() {
    return new ContainerMounts(volumes, binds, tmpfs, true);
  }
}
