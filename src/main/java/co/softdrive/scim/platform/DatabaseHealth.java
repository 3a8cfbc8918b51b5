package co.softdrive.scim.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers and the schema is current for this build: migrated, and
 * not contracted past what this build knows. Reports the schema versions, which differ while a
 * rolling upgrade runs an older and a newer release side by side.
 */
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
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("database")
            .status(reachable && state.isMigrated())
            .withData("reachable", reachable)
            .withData("schemaCurrent", state.isMigrated());
    state
        .schema()
        .ifPresent(
            s ->
                response
                    .withData("schemaVersion", s.database())
                    .withData("buildSchemaVersion", s.known()));
    return response.build();
  }
}
