package org.enginelite.mount.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.driver.volume.Volume;
import org.enginelite.driver.volume.VolumeDriver;
import org.enginelite.driver.volume.VolumeSpec;

/**
 * Volumes across drivers plus who uses them. A volume referred to by any container (running or stopped) cannot be
 * removed or pruned; references live in the same store as the containers and are written in their transactions,
 * so after a crash a volume and its users never disagree.
 */
public final class VolumeService {
  private final StateStore store;
  private final Map<String, VolumeDriver> drivers = new LinkedHashMap<>();

  public VolumeService(StateStore store, List<VolumeDriver> drivers) {
    this.store = store;
    drivers.forEach(d -> this.drivers.put(d.name(), d));
  }

  public VolumeDriver driver(String name) {
    VolumeDriver d = drivers.get(name == null || name.isEmpty() ? "local" : name);
    if (d == null) {
      throw new NotFoundException("error looking up volume plugin " + name + ": plugin \"" + name + "\" not found");
    }
    return d;
  }

  /** Creates the volume with {@code driverName}, or returns the existing one of that name. */
  public Volume create(String driverName, VolumeSpec spec) {
    return store.transact(() -> {
      Optional<Volume> existing = find(spec.name());
      VolumeDriver d = driver(driverName);
      if (existing.isPresent()) {
        if (!existing.get().driver().equals(d.name())) {
          throw new ConflictException("create " + spec.name() + ": volume name conflict: " + spec.name()
              + " already exists with driver " + existing.get().driver());
        }
        return existing.get();
      }
      return d.create(spec);
    });
  }

  public Optional<Volume> find(String name) {
    for (VolumeDriver d : drivers.values()) {
      Optional<Volume> v = d.get(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  public Volume inspect(String name) {
    return find(name).orElseThrow(() -> new NotFoundException("get " + name + ": no such volume"));
  }

  public List<Volume> list(VolumeFilter filter) {
    Set<String> used = usedVolumes();
    return drivers.values().stream().flatMap(d -> d.list().stream())
        .filter(v -> filter.matches(v, used.contains(v.name())))
        .sorted(Comparator.comparing(Volume::name)).toList();
  }

  /**
   * Removes a volume no container refers to. {@code force} only forgives a missing volume, as in Docker: a volume
   * in use is refused either way ({@code remove v: volume is in use - [ids]}).
   */
  public void remove(String name, boolean force) {
    store.transact(() -> {
      Optional<Volume> v = find(name);
      if (v.isEmpty()) {
        if (force) {
          return;
        }
        throw new NotFoundException("get " + name + ": no such volume");
      }
      Set<String> users = users(name);
      if (!users.isEmpty()) {
        throw new ConflictException("remove " + name + ": volume is in use - [" + String.join(" ", users) + "]");
      }
      driver(v.get().driver()).remove(name);
    });
  }

  /** Removes every volume no container refers to and that matches {@code filter}. */
  public PruneReport prune(VolumeFilter filter) {
    List<String> deleted = new ArrayList<>();
    long reclaimed = 0;
    for (Volume v : list(filter)) {
      long size = sizeOf(v.mountpoint());
      try {
        remove(v.name(), false);
        deleted.add(v.name());
        reclaimed += size;
      } catch (ConflictException | NotFoundException e) {
        // taken into use, or removed, since the listing: skip it as Docker does
      }
    }
    return new PruneReport(deleted, reclaimed);
  }

  /** Records that {@code containerId} refers to {@code volume}; call inside the container's transaction. */
  public void reference(String volume, String containerId) {
    VolumeReference ref = new VolumeReference(volume, containerId);
    store.put(VolumeReference.BUCKET, ref.key(), ref);
  }

  /** Drops the reference; safe to repeat. */
  public void release(String volume, String containerId) {
    store.delete(VolumeReference.BUCKET, new VolumeReference(volume, containerId).key());
  }

  /** Ids of the containers referring to {@code volume}, sorted. */
  public Set<String> users(String volume) {
    return new TreeSet<>(store.listByPrefix(VolumeReference.BUCKET, volume + "/", VolumeReference.class).values()
        .stream().map(VolumeReference::containerId).toList());
  }

  private Set<String> usedVolumes() {
    return new TreeSet<>(store.list(VolumeReference.BUCKET, VolumeReference.class).values().stream()
        .map(VolumeReference::volume).toList());
  }

  /** Bytes of regular files below {@code dir}, for prune's report; 0 when it cannot be read. */
  static long sizeOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
