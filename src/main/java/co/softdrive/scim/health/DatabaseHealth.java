package co.softdrive.scim.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers and the schema is current for this build: migrated, and not
 * contracted past what this build knows. Reports the schema versions, which differ while a rolling
 * upgrade runs an older and a newer release side by side.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
  @Inject DatabaseProbe probe;
  @Inject DatabaseState state;

  @Override
  public HealthCheckResponse call() {
    boolean reachable = probe.reachable();
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
