package org.enginelite.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.driver.state.TransactionalStateStore;
import org.sqlite.SQLiteErrorCode;

/**
 * {@link StateStore} on one SQLite database in WAL mode. One connection, one writer at a time: the engine's
 * writes are small and short, and a single serialized writer is what makes "one transaction per user action"
 * trivially true. {@code synchronous=FULL} so a commit survives power loss, not only a process crash.
 *
 * <p>Every call runs under the store's lock on that one connection, so each SQL text is prepared once and its
 * statement reused: preparing is SQLite's parse and plan, paid otherwise on every read and write of every request.
 */
public final class SqliteStateStore extends TransactionalStateStore {
  private static final ObjectMapper JSON = new ObjectMapper()
      .findAndRegisterModules()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  /** One reader and one writer per record type, resolved once instead of looked up on every call. */
  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return JSON.readerFor(type);
    }
  };
  private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
    @Override
    protected ObjectWriter computeValue(Class<?> type) {
      return JSON.writerFor(type);
    }
  };

  private static final String SELECT_ONE = "SELECT value FROM records WHERE bucket = ? AND key = ?";
  private static final String SELECT_RANGE =
      "SELECT key, value FROM records WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key";
  private static final String UPSERT = "INSERT OR REPLACE INTO records (bucket, key, value) VALUES (?, ?, ?)";
  private static final String INSERT_NEW = "INSERT OR IGNORE INTO records (bucket, key, value) VALUES (?, ?, ?)";
  private static final String DELETE = "DELETE FROM records WHERE bucket = ? AND key = ?";

  private final Connection connection;
  /** Prepared statements by SQL text; used only under the store's lock. */
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private SqliteStateStore(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating when missing) {@code state.db} in {@code directory}. */
  public static SqliteStateStore open(Path directory) {
    try {
      Files.createDirectories(directory);
      // The driver's default answers every INSERT with a second query (SELECT last_insert_rowid()) for
      // getGeneratedKeys, which this store never asks for.
      Properties config = new Properties();
      config.setProperty("jdbc.get_generated_keys", "false");
      Path file = directory.resolve("state.db");
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config);
      try (Statement s = c.createStatement()) {
        // The daemon is the database's only user. Exclusive locking, set before WAL mode is first used, keeps the
        // WAL index in the process's memory instead of a shared-memory file and takes the file lock once instead of
        // around every transaction (about eight fcntl(2) calls a commit); a second daemon on the same data root
        // fails to open it instead of sharing it. Durability is WAL's and synchronous=FULL's, as before.
        s.execute("PRAGMA locking_mode=EXCLUSIVE");
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("CREATE TABLE IF NOT EXISTS records (bucket TEXT NOT NULL, key TEXT NOT NULL,"
            + " value TEXT NOT NULL, PRIMARY KEY (bucket, key)) WITHOUT ROWID");
        c.setAutoCommit(false);
      } catch (SQLException e) {
        c.close();
        if (e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code) {
          throw new InternalException("state store " + file + " is in use by another process: is another"
              + " engine-lite daemon running with this data root?", e);
        }
        throw e;
      }
      return new SqliteStateStore(c);
    } catch (SQLException | java.io.IOException e) {
      throw new InternalException("cannot open state store in " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected void commitWrites() {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new InternalException("state store commit failed: " + e.getMessage(), e);
    }
  }

  @Override
  protected void rollbackWrites() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is the one worth reporting
    }
  }

  @Override
  public <T> Optional<T> get(String bucket, String key, Class<T> type) {
    return transact(() -> {
      try {
        PreparedStatement ps = statement(SELECT_ONE);
        ps.setString(1, bucket);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(decode(rs.getString(1), type)) : Optional.<T>empty();
        }
      } catch (SQLException e) {
        forget(SELECT_ONE);
        throw failure("read " + bucket + "/" + key, e);
      }
    });
  }

  @Override
  public <T> Map<String, T> list(String bucket, Class<T> type) {
    return listByPrefix(bucket, "", type);
  }

  @Override
  public <T> Map<String, T> listByPrefix(String bucket, String keyPrefix, Class<T> type) {
    return transact(() -> {
      // Range scan on the primary key: [prefix, prefix + U+FFFF) covers every key starting with prefix.
      try {
        PreparedStatement ps = statement(SELECT_RANGE);
        ps.setString(1, bucket);
        ps.setString(2, keyPrefix);
        ps.setString(3, keyPrefix + '\uffff');
        Map<String, T> out = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), decode(rs.getString(2), type));
          }
        }
        return out;
      } catch (SQLException e) {
        forget(SELECT_RANGE);
        throw failure("list " + bucket, e);
      }
    });
  }

  @Override
  public void put(String bucket, String key, Object record) {
    write(UPSERT, bucket, key, record);
  }

  @Override
  public boolean putIfAbsent(String bucket, String key, Object record) {
    return write(INSERT_NEW, bucket, key, record) == 1;
  }

  @Override
  public boolean delete(String bucket, String key) {
    return write(DELETE, bucket, key, null) == 1;
  }

  private int write(String sql, String bucket, String key, Object record) {
    return transact(() -> {
      try {
        String value = record == null ? null : WRITERS.get(record.getClass()).writeValueAsString(record);
        PreparedStatement ps = statement(sql);
        ps.setString(1, bucket);
        ps.setString(2, key);
        if (value != null) {
          ps.setString(3, value);
        }
        return ps.executeUpdate();
      } catch (SQLException e) {
        forget(sql);
        throw failure("write " + bucket + "/" + key, e);
      } catch (JsonProcessingException e) {
        throw failure("write " + bucket + "/" + key, e);
      }
    });
  }

  /** The statement for {@code sql}, prepared on first use; call only inside a transaction (under the lock). */
  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** Drops a statement that failed, so the next call prepares a fresh one instead of reusing its state. */
  private void forget(String sql) {
    PreparedStatement ps = statements.remove(sql);
    if (ps != null) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // the failure that led here is the one reported
      }
    }
  }

  private static <T> T decode(String json, Class<T> type) {
    try {
      return READERS.get(type).readValue(json);
    } catch (JsonProcessingException e) {
      throw new InternalException("corrupt record of type " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static InternalException failure(String what, Exception e) {
    return new InternalException("state store cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    locked(() -> {
      statements.keySet().stream().toList().forEach(this::forget);
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing at shutdown; nothing left to protect
      }
    });
  }
}
