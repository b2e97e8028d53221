package org.enginelite.mount;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a container create asks for about mounts: {@code HostConfig.Binds} ({@code -v}),
 * {@code HostConfig.Mounts} ({@code --mount}), {@code HostConfig.Tmpfs} ({@code --tmpfs}),
 * {@code HostConfig.VolumesFrom} and the image's {@code Volumes}.
 */
public record MountRequest(
    List<String> binds, List<MountSpec> mounts, Map<String, String> tmpfs, List<String> volumesFrom,
    Set<String> imageVolumes) {
  public MountRequest {
    binds = List.copyOf(Objects.requireNonNullElse(binds, List.of()));
    mounts = List.copyOf(Objects.requireNonNullElse(mounts, List.of()));
    tmpfs = Map.copyOf(Objects.requireNonNullElse(tmpfs, Map.of()));
    volumesFrom = List.copyOf(Objects.requireNonNullElse(volumesFrom, List.of()));
    imageVolumes = Set.copyOf(Objects.requireNonNullElse(imageVolumes, Set.of()));
  }

  public static final MountRequest EMPTY = new MountRequest(null, null, null, null, null);

  public boolean isEmpty() {
    return binds.isEmpty() && mounts.isEmpty() && tmpfs.isEmpty() && volumesFrom.isEmpty() && imageVolumes.isEmpty();
  }
}
