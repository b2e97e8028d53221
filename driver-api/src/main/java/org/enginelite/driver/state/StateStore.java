package org.enginelite.driver.state;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's one transactional store. Every module keeps its records here (containers, networks, endpoints,
 * address leases, port reservations, volumes and their references) so that one user action changes them all in
 * one transaction and they can never disagree after a crash.
 *
 * <p>Records are immutable Java records stored as JSON in a named bucket under a string key. A call made inside
 * {@link #transact} joins that transaction; a call made outside runs in a transaction of its own. A transaction
 * belongs to the thread that opened it, and an exception thrown out of the work rolls everything back.
 */
public interface StateStore extends AutoCloseable {

  /** Runs {@code work} in one transaction (joining the current one on this thread) and returns its result. */
  <T> T transact(Supplier<T> work);

  /** As {@link #transact(Supplier)} for work without a result. */
  default void transact(Runnable work) {
    transact(() -> {
      work.run();
      return null;
    });
  }

  <T> Optional<T> get(String bucket, String key, Class<T> type);

  /** All records of a bucket, ordered by key. */
  <T> Map<String, T> list(String bucket, Class<T> type);

  /** Records whose key starts with {@code keyPrefix}, ordered by key. */
  <T> Map<String, T> listByPrefix(String bucket, String keyPrefix, Class<T> type);

  /** Inserts or replaces. */
  void put(String bucket, String key, Object record);

  /** Inserts only when the key is free; returns false when it was taken. */
  boolean putIfAbsent(String bucket, String key, Object record);

  /** Deletes; returns false when nothing was there (deleting is safe to repeat). */
  boolean delete(String bucket, String key);

  /** Runs {@code action} once the current transaction commits (at once outside a transaction). */
  void afterCommit(Runnable action);

  /**
   * Runs {@code action} once the current transaction ends, committed or rolled back (at once outside a
   * transaction): for what a change made stale either way, such as a cache of records.
   */
  void afterEnd(Runnable action);

  @Override
  void close();
}
