package co.softdrive.scim.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers and the schema is current. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  @Inject DatabaseState state;

  @Override
  public HealthCheckResponse call() {
    boolean reachable;
    try (Connection c = dataSource.getConnection()) {
      reachable = c.isValid(2);
    } catch (SQLException e) {
      reachable = false;
    }
    return HealthCheckResponse.named("database")
        .status(reachable && state.isMigrated())
        .withData("reachable", reachable)
        .withData("schemaCurrent", state.isMigrated())
        .build();
  }
}
