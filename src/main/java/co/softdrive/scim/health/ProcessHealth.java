package co.softdrive.scim.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the process answers. Deliberately independent of the database, so that an outage makes
 * instances unready (no traffic) rather than restarted in a loop.
 */
@Liveness
@ApplicationScoped
public class ProcessHealth implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    Runtime rt = Runtime.getRuntime();
    return HealthCheckResponse.named("process")
        .up()
        .withData("heapUsedBytes", rt.totalMemory() - rt.freeMemory())
        .withData("heapMaxBytes", rt.maxMemory())
        .build();
  }
}
