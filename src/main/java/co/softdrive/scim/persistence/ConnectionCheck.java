package co.softdrive.scim.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Whether the database answers right now: a connection from the pool that the driver validates
 * within a time limit. JDBC because that is the question ({@link Connection#isValid}); no table is
 * read.
 */
@ApplicationScoped
public class ConnectionCheck {
  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  /** True when a pooled connection validates within {@code timeoutSeconds}; never throws. */
  public boolean reachable(int timeoutSeconds) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(timeoutSeconds);
    } catch (SQLException e) {
      return false;
    }
  }
}
