package co.softdrive.scim.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
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
 */
@ApplicationScoped
public class TxConnections {
  /** Work on the transaction's connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  /**
   * Runs {@code work} on the transaction's connection; a {@link SQLException} becomes a {@link
   * PersistenceException} saying what could not be done ({@code what}), unless {@code work} throws
   * a runtime exception of its own.
   */
  public <T> T run(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new PersistenceException("Could not " + what, e);
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
