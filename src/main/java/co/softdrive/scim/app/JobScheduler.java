package co.softdrive.scim.app;

import co.softdrive.scim.platform.ScheduledJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Schedules every {@link ScheduledJob} bean on the container's managed scheduler once the schema is
 * ready ({@link Startup}), each with a fixed delay: the change feed's sequencer and webhook
 * delivery ({@code feed}), the tombstone purge and the purge of deleted groups' records ({@code
 * lifecycle}), this instance's heartbeat ({@code throttle}), and the activity log's flush and
 * retention purge ({@code activity}). Each job coordinates instances through the database itself.
 */
@ApplicationScoped
public class JobScheduler {
  private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject @Any Instance<ScheduledJob> jobs;

  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
  private volatile boolean started;

  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    for (ScheduledJob job : jobs) {
      tasks.add(
          scheduler.scheduleWithFixedDelay(
              () -> safely(job.name(), job::run),
              job.firstDelay().toMillis(),
              job.interval().toMillis(),
              TimeUnit.MILLISECONDS));
    }
  }

  @PreDestroy
  synchronized void stop() {
    tasks.forEach(t -> t.cancel(false));
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
