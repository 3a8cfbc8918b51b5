package co.softdrive.scim.activity;

import co.softdrive.scim.health.DatabaseState;
import co.softdrive.scim.persistence.JobLeases;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * Takes activity entries from request threads without ever blocking them, and writes them in
 * batches when {@link ActivityFlushJob} runs. A full queue drops the entry and counts it; a
 * database error drops the batch and counts it (the SCIM request has long been answered). {@link
 * ActivityPurgeJob} purges what is past retention.
 */
@ApplicationScoped
public class ActivityRecorder {
  private static final Logger LOG = Logger.getLogger(ActivityRecorder.class.getName());
  static final int BATCH = 500;
  static final long PURGE_FIRST_DELAY_SECONDS = 60;

  /** The lease that lets one instance purge at a time, about once per interval (JobLeases). */
  static final String PURGE_JOB = "activity-retention";

  static final long PURGE_LEASE_MILLIS = 10 * 60_000L;

  @Inject ActivityConfig config;
  @Inject ActivityStore store;
  @Inject DatabaseState database;
  @Inject JobLeases leases;

  private volatile BlockingQueue<ActivityEntry> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private volatile long lastFailureLog;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    queue();
    LOG.log(
        Level.INFO,
        "Recording SCIM activity (queue {0}, retention {1} days)",
        new Object[] {config.queueCapacity(), config.retentionDays()});
  }

  /** Queues an entry; never blocks. Returns false when it was dropped because the queue is full. */
  public boolean record(ActivityEntry entry) {
    if (queue().offer(entry)) {
      return true;
    }
    dropped.incrementAndGet();
    return false;
  }

  /** Writes everything queued now (also what the flush job runs). Returns the number written. */
  public int flush() {
    if (!database.isMigrated()) {
      return 0; // the table may not exist yet; entries wait in the queue
    }
    int total = 0;
    List<ActivityEntry> batch = new ArrayList<>(BATCH);
    while (queue().drainTo(batch, BATCH) > 0) {
      try {
        store.insert(batch);
        total += batch.size();
        written.addAndGet(batch.size());
      } catch (RuntimeException e) {
        dropped.addAndGet(batch.size());
        logFailure("Could not write " + batch.size() + " activity rows", e);
      }
      batch.clear();
    }
    return total;
  }

  @Gauge(
      name = "scim.activity.dropped",
      unit = MetricUnits.NONE,
      absolute = true,
      description = "Activity entries dropped because the queue was full or the database failed")
  public long dropped() {
    return dropped.get();
  }

  @Gauge(
      name = "scim.activity.queued",
      unit = MetricUnits.NONE,
      absolute = true,
      description = "Activity entries waiting to be written")
  public long queued() {
    return queue().size();
  }

  public long written() {
    return written.get();
  }

  @PreDestroy
  void stop() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Final activity flush failed", e);
    }
  }

  private BlockingQueue<ActivityEntry> queue() {
    BlockingQueue<ActivityEntry> q = queue;
    if (q == null) {
      synchronized (this) {
        if (queue == null) {
          queue = new ArrayBlockingQueue<>(config.queueCapacity());
        }
        q = queue;
      }
    }
    return q;
  }

  /** {@link #flush}, logging a failure at most once a minute instead of throwing. */
  public void flushSafely() {
    try {
      flush();
    } catch (RuntimeException e) {
      logFailure("Activity flush failed", e);
    }
  }

  /**
   * Deletes rows past retention when no instance did within the interval; logs a failure at most
   * once a minute instead of throwing.
   */
  public void purgeSafely() {
    if (!database.isMigrated()) {
      return;
    }
    try {
      if (!leases.claim(PURGE_JOB, PURGE_LEASE_MILLIS)) {
        return; // another instance purges, or did within the interval
      }
      try {
        long cutoff = System.currentTimeMillis() - config.retentionDays() * 86_400_000L;
        int purged = store.purgeOlderThan(cutoff);
        if (purged > 0) {
          LOG.log(
              Level.INFO,
              "Purged {0} activity rows older than {1} days",
              new Object[] {purged, config.retentionDays()});
        }
      } finally {
        leases.finish(PURGE_JOB, config.purgeIntervalMinutes() * 60_000L);
      }
    } catch (RuntimeException e) {
      logFailure("Activity purge failed", e);
    }
  }

  private void logFailure(String what, Throwable e) {
    long now = System.currentTimeMillis();
    if (now - lastFailureLog > 60_000) {
      lastFailureLog = now;
      LOG.log(Level.WARNING, what, e);
    }
  }
}
