package co.softdrive.scim.health;

import co.softdrive.scim.persistence.ConnectionCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.function.BooleanSupplier;

/**
 * Whether the database answers right now (a connection from the pool that validates in 2 s), and
 * whether an exception means that it does not: an outage, which callers answer with 503 and {@code
 * Retry-After} rather than as an error of the request.
 */
@ApplicationScoped
public class DatabaseProbe {
  static final int VALID_SECONDS = 2;
  static final int MAX_MESSAGE = 4000;

  @Inject ConnectionCheck connection;

  public boolean reachable() {
    return connection.reachable(VALID_SECONDS);
  }

  /** Whether {@code e} comes from the database being unavailable ({@link #isOutage}). */
  public boolean explains(Throwable e) {
    return isOutage(e, this::reachable);
  }

  /**
   * Whether {@code e} comes from the database being unavailable: a lost or refused connection
   * (SQLState class 08, PostgreSQL's 57P, a transient SQL error), or any other database error while
   * the database does not answer {@code reachable}, asked only then (PostgreSQL refusing
   * connections says 55000, for example).
   */
  public static boolean isOutage(Throwable e, BooleanSupplier reachable) {
    return isConnectionLost(e) || (isDatabaseError(e) && !reachable.getAsBoolean());
  }

  /**
   * For the log line of an outage, what the operator on call needs to tell a lost connection from a
   * lock timeout or a deadlock: the database's own error (class, SQLState, and message, which names
   * the locks of a deadlock; cut at {@value #MAX_MESSAGE} characters), else the root cause's class.
   */
  public static String describe(Throwable e) {
    SQLException sql = databaseError(e);
    if (sql == null) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return root.getClass().getSimpleName();
    }
    String message = String.valueOf(sql.getMessage());
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "...";
    }
    return sql.getClass().getSimpleName() + ", SQLState " + sql.getSQLState() + ": " + message;
  }

  private static boolean isConnectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDatabaseError(Throwable e) {
    return databaseError(e) != null;
  }

  /** The first database error in {@code e}'s cause chain, or null. */
  private static SQLException databaseError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
