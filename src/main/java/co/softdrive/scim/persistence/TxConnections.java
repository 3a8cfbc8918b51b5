package co.softdrive.scim.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The JDBC connection of the caller's transaction, for the repositories' plain-JDBC statements.
 *
 * <p>The handle comes from the data source, not from {@code EntityManager.unwrap}: inside a JTA
 * transaction Liberty shares one physical connection between every handle of the same data source
 * (connection sharing is the default), so these statements run in the caller's transaction beside
 * whatever JPA does, but a request that only runs plain statements never starts an EclipseLink unit
 * of work. Measured on the user create of an Entra cycle (docs/benchmarks.md).
 *
 * <p>One handle serves the whole transaction: a user create runs statements for the user, its
 * values, its audit entry and its event, and asking the connection manager for a handle each time
 * (allocation, lazy enlistment, the close event) cost about 2% of the server's CPU per request. The
 * handle is kept in the transaction's registry and closed when the transaction completes, as the
 * per-call handles were closed before it; outside a transaction each call gets a handle of its own.
 */
@ApplicationScoped
public class TxConnections {
  /** Work on the transaction's connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** The registry key of the transaction's handle. */
  private static final Object HANDLE = TxConnections.class.getName() + ".handle";

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Runs {@code work} on the transaction's connection; a {@link SQLException} becomes a {@link
   * PersistenceException} saying what could not be done ({@code what}), unless {@code work} throws
   * a runtime exception of its own.
   */
  public <T> T run(String what, Work<T> work) {
    try {
      Connection shared = transactionHandle();
      if (shared != null) {
        return work.run(shared);
      }
      try (Connection c = dataSource.getConnection()) {
        return work.run(c);
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not " + what, e);
    }
  }

  /**
   * The active transaction's handle, opened on first use; null outside a transaction, and once the
   * handle was closed at the start of the commit (a statement run by another participant's
   * before-completion then gets a handle of its own).
   */
  private Connection transactionHandle() throws SQLException {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return null;
    }
    Connection c = (Connection) transactions.getResource(HANDLE);
    if (c != null && c.isClosed()) {
      return null;
    }
    if (c == null) {
      c = dataSource.getConnection();
      transactions.putResource(HANDLE, c);
      transactions.registerInterposedSynchronization(new CloseAtCompletion(c));
    }
    return c;
  }

  /**
   * Closes the handle before the commit (as a handle closed by its last statement would be), or
   * after a rollback, which has no before-completion.
   */
  private record CloseAtCompletion(Connection handle) implements Synchronization {
    @Override
    public void beforeCompletion() {
      close();
    }

    @Override
    public void afterCompletion(int status) {
      close();
    }

    private void close() {
      try {
        if (!handle.isClosed()) {
          handle.close();
        }
      } catch (SQLException e) {
        // The physical connection goes back to the pool with the transaction either way.
      }
    }
  }

  /** SQL state of a unique or primary-key violation, on Derby and PostgreSQL alike. */
  static boolean isUniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if ("23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return e.getCause() instanceof SQLException c && c != e && isUniqueViolation(c);
  }
}
