package co.softdrive.scim.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers and the schema is current. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
  @Inject DatabaseProbe probe;
  @Inject DatabaseState state;

  @Override
  public HealthCheckResponse call() {
    boolean reachable = probe.reachable();
    return HealthCheckResponse.named("database")
        .status(reachable && state.isMigrated())
        .withData("reachable", reachable)
        .withData("schemaCurrent", state.isMigrated())
        .build();
  }
}
