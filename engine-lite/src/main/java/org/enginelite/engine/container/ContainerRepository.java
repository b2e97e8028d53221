package org.enginelite.engine.container;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.state.StateStore;

/**
 * Container records: written through to the state store, read from memory. Also the per-container locks
 * that serialize start, stop, exit handling and removal of one container.
 */
final class ContainerRepository {
  private final StateStore store;
  private final Map<String, ContainerRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  ContainerRepository(StateStore store) {
    this.store = store;
    byId.putAll(store.list(ContainerRecord.BUCKET, ContainerRecord.class));
  }

  StateStore store() {
    return store;
  }

  Collection<ContainerRecord> all() {
    return List.copyOf(byId.values());
  }

  Optional<ContainerRecord> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Docker's lookup order: full id, name, unique id prefix. */
  Optional<String> find(String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    if (byId.containsKey(ref)) {
      return Optional.of(ref);
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    for (ContainerRecord r : byId.values()) {
      if (r.name().equals(name)) {
        return Optional.of(r.id());
      }
    }
    List<String> matches = byId.keySet().stream().filter(id -> id.startsWith(ref)).toList();
    if (matches.size() > 1) {
      throw new InvalidParameterException("multiple IDs found with provided prefix: " + ref);
    }
    return matches.stream().findFirst();
  }

  ContainerRecord resolve(String ref) {
    return find(ref).map(byId::get).orElseThrow(() -> new NotFoundException("No such container: " + ref));
  }

  /** Writes (joining the caller's transaction) and updates memory once committed. */
  void put(ContainerRecord r) {
    store.transact(() -> {
      store.put(ContainerRecord.BUCKET, r.id(), r);
      store.afterCommit(() -> byId.put(r.id(), r));
    });
  }

  void delete(ContainerRecord r) {
    store.transact(() -> {
      store.delete(ContainerRecord.BUCKET, r.id());
      store.delete(ContainerRecord.NAMES, r.name());
      store.afterCommit(() -> byId.remove(r.id()));
    });
  }

  ReentrantLock lock(String id) {
    ReentrantLock l = locks.computeIfAbsent(id, k -> new ReentrantLock());
    l.lock();
    return l;
  }

  void forgetLock(String id) {
    locks.remove(id);
  }
}
