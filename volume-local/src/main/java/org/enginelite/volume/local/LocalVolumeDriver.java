package org.enginelite.volume.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.driver.volume.LocalVolumeOptions;
import org.enginelite.driver.volume.Volume;
import org.enginelite.driver.volume.VolumeDriver;
import org.enginelite.driver.volume.VolumeNames;
import org.enginelite.driver.volume.VolumeSpec;
import org.enginelite.kernel.mount.Mounts;

/**
 * Docker's {@code local} driver. A volume is {@code <root>/<name>/_data} plus a record in the state store; with
 * {@code type/o/device} options the device is mounted over {@code _data} when the first container mounts the
 * volume and unmounted when the last one lets go. Every operation runs in one store transaction, which also
 * serializes them.
 */
public final class LocalVolumeDriver implements VolumeDriver {
  public static final String NAME = "local";

  private final VolumeDirectories dirs;
  private final StateStore store;
  private final Clock clock;

  private LocalVolumeDriver(Path root, StateStore store, Clock clock) {
    this.dirs = new VolumeDirectories(root);
    this.store = store;
    this.clock = clock;
  }

  /**
   * Opens the driver on {@code root} (normally {@code <data-root>/volumes}) and settles what a crash may have left
   * half done (see {@link LocalVolumeRecovery}).
   */
  public static LocalVolumeDriver open(Path root, StateStore store) {
    return open(root, store, Clock.systemUTC());
  }

  static LocalVolumeDriver open(Path root, StateStore store, Clock clock) {
    LocalVolumeDriver driver = new LocalVolumeDriver(root, store, clock);
    new LocalVolumeRecovery(driver.dirs, store, clock).run();
    return driver;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Scope scope() {
    return Scope.LOCAL;
  }

  /** The folder holding every volume. */
  public Path root() {
    return dirs.root();
  }

  @Override
  public Volume create(VolumeSpec spec) {
    LocalVolumeOptions.parse(spec.options());
    return store.transact(() -> {
      Optional<LocalVolumeRecord> existing = record(spec.name());
      if (existing.isPresent()) {
        return toVolume(existing.get());
      }
      LocalVolumeRecord rec = new LocalVolumeRecord(spec.name(), clock.millis(), spec.labels(), spec.options(),
          spec.anonymous(), Set.of());
      boolean made = dirs.create(spec.name());
      try {
        store.put(LocalVolumeRecord.BUCKET, spec.name(), rec);
      } catch (RuntimeException e) {
        if (made) {
          dirs.moveToTrash(spec.name());
          dirs.emptyTrash(spec.name());
        }
        throw e;
      }
      return toVolume(rec);
    });
  }

  @Override
  public void remove(String name) {
    try {
      store.transact(() -> {
        LocalVolumeRecord rec = record(name).orElseThrow(() -> noSuchVolume(name));
        if (!rec.mountedBy().isEmpty()) {
          throw new ConflictException(
              "remove " + name + ": volume is in use - [" + String.join(" ", rec.sortedUsers()) + "]");
        }
        store.delete(LocalVolumeRecord.BUCKET, name);
        if (!LocalVolumeOptions.parse(rec.options()).isPlainDirectory()) {
          VolumeHostMount.unmount(dirs.data(name));
        }
        dirs.moveToTrash(name);
        store.afterCommit(() -> dirs.emptyTrash(name));
      });
    } catch (RuntimeException e) {
      dirs.restoreFromTrash(name);
      throw e;
    }
  }

  @Override
  public Path mount(String name, String containerId) {
    return store.transact(() -> {
      LocalVolumeRecord rec = record(name).orElseThrow(() -> noSuchVolume(name));
      Path data = dirs.data(name);
      LocalVolumeOptions options = LocalVolumeOptions.parse(rec.options());
      dirs.ensure(name);
      if (!options.isPlainDirectory() && !Mounts.isMountPoint(data)) {
        VolumeHostMount.mount(options, data);
      }
      if (!rec.mountedBy().contains(containerId)) {
        Set<String> users = new HashSet<>(rec.mountedBy());
        users.add(containerId);
        store.put(LocalVolumeRecord.BUCKET, name, rec.withMountedBy(users));
      }
      return data;
    });
  }

  @Override
  public void unmount(String name, String containerId) {
    store.transact(() -> {
      Optional<LocalVolumeRecord> found = record(name);
      if (found.isEmpty()) {
        return;
      }
      LocalVolumeRecord rec = found.get();
      Set<String> users = new HashSet<>(rec.mountedBy());
      users.remove(containerId);
      if (users.isEmpty() && !LocalVolumeOptions.parse(rec.options()).isPlainDirectory()) {
        VolumeHostMount.unmount(dirs.data(name));
      }
      if (!users.equals(rec.mountedBy())) {
        store.put(LocalVolumeRecord.BUCKET, name, rec.withMountedBy(users));
      }
    });
  }

  @Override
  public Optional<Volume> get(String name) {
    if (!VolumeNames.isValid(name)) {
      return Optional.empty();
    }
    return record(name).map(this::toVolume);
  }

  @Override
  public List<Volume> list() {
    return store.list(LocalVolumeRecord.BUCKET, LocalVolumeRecord.class).values().stream()
        .map(this::toVolume).toList();
  }

  /** Containers that have the volume mounted right now (empty for an unknown volume). */
  public Set<String> mountedBy(String name) {
    return record(name).map(LocalVolumeRecord::mountedBy).orElse(Set.of());
  }

  private Optional<LocalVolumeRecord> record(String name) {
    return store.get(LocalVolumeRecord.BUCKET, name, LocalVolumeRecord.class);
  }

  private Volume toVolume(LocalVolumeRecord rec) {
    return new Volume(rec.name(), NAME, dirs.data(rec.name()), Instant.ofEpochMilli(rec.createdAtMillis()),
        rec.labels(), rec.options(), Scope.LOCAL, rec.anonymous());
  }

  static NotFoundException noSuchVolume(String name) {
    return new NotFoundException("get " + name + ": no such volume");
  }

}
