package co.softdrive.scim.lifecycle;

import co.softdrive.scim.platform.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Runs the {@link TombstonePurge} every {@code scim.lifecycle.purge-interval-minutes} (at least one
 * minute), the first time a minute after start; its lease keeps it to about one run per interval
 * across instances.
 */
@ApplicationScoped
public class TombstonePurgeJob implements ScheduledJob {
  @Inject TombstonePurge purge;
  @Inject LifecycleConfig config;

  @Override
  public String name() {
    return "tombstone purge";
  }

  @Override
  public Duration firstDelay() {
    return Duration.ofMinutes(1);
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(Math.max(1, config.purgeIntervalMinutes()));
  }

  @Override
  public void run() {
    purge.run();
  }
}
