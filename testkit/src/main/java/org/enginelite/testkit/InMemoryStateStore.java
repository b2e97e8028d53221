package org.enginelite.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.driver.state.TransactionalStateStore;

/**
 * A {@link StateStore} in memory with the same transaction rules as the SQLite one: one transaction at a time,
 * nested calls join, an exception rolls every write of the outermost transaction back, after-commit actions run
 * only on commit. Records are kept as the objects written (they are immutable records), so read them with the
 * class they were written as.
 */
public final class InMemoryStateStore extends TransactionalStateStore {
  private final Map<String, NavigableMap<String, Object>> buckets = new HashMap<>();
  private final Deque<Runnable> undo = new ArrayDeque<>();

  @Override
  protected void commitWrites() {
    undo.clear();
  }

  @Override
  protected void rollbackWrites() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
  }

  @Override
  public <T> Optional<T> get(String bucket, String key, Class<T> type) {
    return transact(() -> Optional.ofNullable(bucket(bucket).get(key)).map(v -> cast(v, type)));
  }

  @Override
  public <T> Map<String, T> list(String bucket, Class<T> type) {
    return listByPrefix(bucket, "", type);
  }

  @Override
  public <T> Map<String, T> listByPrefix(String bucket, String keyPrefix, Class<T> type) {
    return transact(() -> {
      Map<String, T> out = new LinkedHashMap<>();
      bucket(bucket).subMap(keyPrefix, true, keyPrefix + '\uffff', false)
          .forEach((k, v) -> out.put(k, cast(v, type)));
      return out;
    });
  }

  @Override
  public void put(String bucket, String key, Object record) {
    transact(() -> write(bucket, key, record));
  }

  @Override
  public boolean putIfAbsent(String bucket, String key, Object record) {
    return transact(() -> bucket(bucket).containsKey(key) ? false : write(bucket, key, record) == null);
  }

  @Override
  public boolean delete(String bucket, String key) {
    return transact(() -> bucket(bucket).containsKey(key) && write(bucket, key, null) != null);
  }

  /** Writes (null deletes) and remembers how to undo it; returns the previous value. */
  private Object write(String bucket, String key, Object record) {
    NavigableMap<String, Object> b = bucket(bucket);
    Object before = record == null ? b.remove(key) : b.put(key, record);
    undo.push(() -> {
      if (before == null) {
        b.remove(key);
      } else {
        b.put(key, before);
      }
    });
    return before;
  }

  private NavigableMap<String, Object> bucket(String name) {
    return buckets.computeIfAbsent(name, n -> new TreeMap<>());
  }

  private static <T> T cast(Object value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new InternalException("record of type " + value.getClass().getSimpleName() + " read as "
          + type.getSimpleName());
    }
    return type.cast(value);
  }

  @Override
  public void close() {}
}
