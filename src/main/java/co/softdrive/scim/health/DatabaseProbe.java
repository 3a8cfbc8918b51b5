package co.softdrive.scim.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the database answers right now: a connection from the pool that validates in 2 s. */
@ApplicationScoped
public class DatabaseProbe {
  static final int VALID_SECONDS = 2;

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  public boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(VALID_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }
}
