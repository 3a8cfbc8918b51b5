package co.softdrive.scim.throttle;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.platform.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * This instance's heartbeat ({@link LiveInstances#beat}), at once and then every {@code
 * scim.limits.rate.heartbeat-seconds}.
 */
@ApplicationScoped
public class HeartbeatJob implements ScheduledJob {
  @Inject LiveInstances instances;
  @Inject LimitsConfig limits;

  @Override
  public String name() {
    return "instance heartbeat";
  }

  @Override
  public Duration firstDelay() {
    return Duration.ZERO;
  }

  @Override
  public Duration interval() {
    return Duration.ofSeconds(limits.heartbeatSeconds());
  }

  @Override
  public void run() {
    instances.beat();
  }
}
