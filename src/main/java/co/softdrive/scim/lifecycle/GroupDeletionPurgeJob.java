package co.softdrive.scim.lifecycle;

import co.softdrive.scim.activity.ActivityConfig;
import co.softdrive.scim.persistence.JobLeases;
import co.softdrive.scim.platform.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purges the records of deleted groups ({@link GroupDeletions}) once they are older than the
 * activity log's retention ({@code scim.activity.retention-days}), every {@code
 * scim.activity.purge-interval-minutes}, the first time a minute after start. A record explains
 * requests of the activity log (the {@code DELETE /Groups} and the deactivations Entra sent after
 * it) and is kept as long as they are. The {@code group-deletion-retention} lease keeps the purge
 * to one instance at a time and about one run per interval across instances ({@link JobLeases}); it
 * is renewed after every batch, and a run that lost it stops. One transaction per batch of records.
 */
@ApplicationScoped
public class GroupDeletionPurgeJob implements ScheduledJob {
  private static final Logger LOG = Logger.getLogger(GroupDeletionPurgeJob.class.getName());
  static final String JOB = "group-deletion-retention";
  static final long LEASE_MILLIS = 10 * 60_000L;
  static final int BATCH = 100;

  @Inject GroupDeletions deletions;
  @Inject JobLeases leases;
  @Inject ActivityConfig config;

  @Override
  public String name() {
    return "group deletion retention purge";
  }

  @Override
  public Duration firstDelay() {
    return Duration.ofMinutes(1);
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(config.purgeIntervalMinutes());
  }

  @Override
  public void run() {
    purge(System.currentTimeMillis());
  }

  /** One scheduled pass at {@code now}; returns how many records it purged. */
  int purge(long now) {
    if (!leases.claim(JOB, LEASE_MILLIS)) {
      return 0; // another instance purges, or did within the interval
    }
    int purged = 0;
    try {
      long before = now - config.retentionDays() * 86_400_000L;
      for (String tenantId : deletions.tenantIds()) {
        int batch;
        do {
          if (!leases.renew(JOB, LEASE_MILLIS)) {
            LOG.warning("Group deletion purge lost its lease to another instance; this pass stops");
            return purged;
          }
          batch = deletions.purge(tenantId, before, BATCH);
          purged += batch;
        } while (batch == BATCH);
      }
    } finally {
      leases.finish(JOB, config.purgeIntervalMinutes() * 60_000L);
    }
    if (purged > 0) {
      LOG.log(
          Level.INFO,
          "Purged the records of {0} deleted group(s) older than {1} days",
          new Object[] {purged, config.retentionDays()});
    }
    return purged;
  }
}
