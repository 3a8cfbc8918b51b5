package co.softdrive.scim.activity;

import co.softdrive.scim.platform.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Purges activity older than {@code scim.activity.retention-days} every {@code
 * scim.activity.purge-interval-minutes}, the first time a minute after start; the {@code
 * activity-retention} lease keeps it to one instance at a time.
 */
@ApplicationScoped
public class ActivityPurgeJob implements ScheduledJob {
  @Inject ActivityRecorder recorder;
  @Inject ActivityConfig config;

  @Override
  public String name() {
    return "activity retention purge";
  }

  @Override
  public Duration firstDelay() {
    return Duration.ofSeconds(ActivityRecorder.PURGE_FIRST_DELAY_SECONDS);
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(config.purgeIntervalMinutes());
  }

  @Override
  public void run() {
    recorder.purgeSafely();
  }
}
