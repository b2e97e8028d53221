package org.enginelite.mount;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the OCI runtime spec's {@code mounts}: what runc mounts inside the container's namespace.
 * runc makes bind mounts read-only with a second remount and creates missing destinations in the rootfs.
 */
public record OciMount(String destination, String type, String source, List<String> options) {
  public OciMount {
    options = List.copyOf(options);
  }

  /**
   * The OCI mount for {@code plan}; {@code hostPath} is the host directory behind a volume (what the driver's
   * mount returned) and is ignored for binds and tmpfs.
   */
  public static OciMount of(MountPlan plan, String hostPath) {
    List<String> options = new ArrayList<>();
    if (plan instanceof TmpfsPlan t) {
      return new OciMount(t.target(), "tmpfs", "tmpfs", t.options());
    }
    String source = hostPath;
    if (plan instanceof BindPlan b) {
      options.add(b.nonRecursive() ? "bind" : "rbind");
      options.add(b.propagation().wireName());
      source = b.source();
    } else {
      options.add("rbind");
      options.add(Propagation.RPRIVATE.wireName());
    }
    if (plan.readOnly()) {
      options.add("ro");
    }
    return new OciMount(plan.target(), "bind", source, options);
  }
}
