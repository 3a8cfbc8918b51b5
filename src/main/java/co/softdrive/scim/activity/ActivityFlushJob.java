package co.softdrive.scim.activity;

import co.softdrive.scim.platform.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** Writes the queued activity entries every {@code scim.activity.flush-millis}. */
@ApplicationScoped
public class ActivityFlushJob implements ScheduledJob {
  @Inject ActivityRecorder recorder;
  @Inject ActivityConfig config;

  @Override
  public String name() {
    return "activity flush";
  }

  @Override
  public Duration interval() {
    return Duration.ofMillis(config.flushMillis());
  }

  @Override
  public void run() {
    recorder.flushSafely();
  }
}
