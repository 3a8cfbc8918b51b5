package co.softdrive.scim.app;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.feed.EventSequencer;
import co.softdrive.scim.feed.WebhookDelivery;
import co.softdrive.scim.lifecycle.LifecycleConfig;
import co.softdrive.scim.lifecycle.TombstonePurge;
import co.softdrive.scim.throttle.LiveInstances;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Schedules the background jobs on the container's managed scheduler once the schema is ready: the
 * change feed's sequencer (every {@code scim.feed.sequence-millis}), webhook delivery (every {@code
 * scim.webhooks.poll-millis}), the tombstone purge (every {@code
 * scim.lifecycle.purge-interval-minutes}) and this instance's heartbeat (every {@code
 * scim.limits.rate.heartbeat-seconds}). Each job coordinates instances through the database.
 */
@ApplicationScoped
public class JobScheduler {
  private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject WebhookDelivery webhooks;
  @Inject TombstonePurge purge;
  @Inject LifecycleConfig lifecycle;
  @Inject EventSequencer sequencer;
  @Inject LiveInstances instances;
  @Inject LimitsConfig limits;

  @Inject
  @ConfigProperty(name = "scim.feed.sequence-millis", defaultValue = "200")
  long sequenceMillis;

  @Inject
  @ConfigProperty(name = "scim.webhooks.poll-millis", defaultValue = "1000")
  long webhookPollMillis;

  private volatile boolean started;

  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    scheduler.scheduleWithFixedDelay(
        () -> safely("change feed sequencer", () -> sequencer.sequence()),
        sequenceMillis,
        sequenceMillis,
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> safely("webhook delivery", () -> webhooks.run()),
        webhookPollMillis,
        webhookPollMillis,
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> safely("instance heartbeat", instances::beat),
        0,
        limits.heartbeatSeconds(),
        TimeUnit.SECONDS);
    long purgeMinutes = Math.max(1, lifecycle.purgeIntervalMinutes());
    scheduler.scheduleWithFixedDelay(
        () -> safely("tombstone purge", () -> purge.run()), 1, purgeMinutes, TimeUnit.MINUTES);
  }

  private static void safely(String name, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Background job " + name + " failed; it runs again at its next tick", e);
    }
  }
}
