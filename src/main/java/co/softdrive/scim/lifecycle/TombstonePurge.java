package co.softdrive.scim.lifecycle;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.persistence.JobLeases;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Tenants;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purges tombstones whose tenant's retention (default 30 days) has passed since their account was
 * deleted. Runs on a schedule under the {@code tombstone-purge} lease (one instance at a time, and
 * about once per interval across instances; see {@link JobLeases}), one user per transaction, in
 * batches, so it never holds long locks. The lease is renewed after every batch; a run that lost it
 * (this instance stalled past the lease) stops, and the purge of a user re-checks its state under a
 * row lock, so no user is purged twice.
 */
@ApplicationScoped
@QuietClientErrors
public class TombstonePurge {
  private static final Logger LOG = Logger.getLogger(TombstonePurge.class.getName());
  public static final String JOB = "tombstone-purge";
  static final int BATCH = 200;
  static final long LEASE_MILLIS = 10 * 60_000L;

  @Inject Tenants tenants;
  @Inject Users users;
  @Inject JobLeases leases;
  @Inject UserPurge userPurge;
  @Inject LifecycleConfig config;

  /** The scheduled pass: runs when no instance ran it within the interval; returns users purged. */
  public int run() {
    return leases.claim(JOB, LEASE_MILLIS) ? purgeHoldingLease() : 0;
  }

  /** A pass asked for by staff: runs unless another instance is purging right now. */
  public int runNow() {
    return leases.claimNow(JOB, LEASE_MILLIS) ? purgeHoldingLease() : 0;
  }

  private int purgeHoldingLease() {
    int purged;
    try {
      purged = purgeExpired();
    } finally {
      leases.finish(JOB, Math.max(1, config.purgeIntervalMinutes()) * 60_000L);
    }
    if (purged > 0) {
      LOG.log(Level.INFO, "Purged {0} expired tombstone(s)", purged);
    }
    return purged;
  }

  private int purgeExpired() {
    int purged = 0;
    for (TenantEntity tenant : tenants()) {
      long olderThan = System.currentTimeMillis() - tenant.getRetentionDays() * 86_400_000L;
      List<String> ids;
      do {
        if (!leases.renew(JOB, LEASE_MILLIS)) {
          LOG.warning("Tombstone purge lost its lease to another instance; this pass stops");
          return purged;
        }
        ids = expired(tenant.getId(), olderThan);
        for (String id : ids) {
          if (userPurge.purgeExpiredTombstone(tenant.getId(), id, olderThan, Actor.job(JOB))) {
            purged++;
          }
        }
      } while (ids.size() == BATCH);
    }
    return purged;
  }

  @Transactional
  public List<TenantEntity> tenants() {
    return tenants.list();
  }

  @Transactional
  public List<String> expired(String tenantId, long olderThan) {
    return users.tombstonesBefore(TenantId.of(tenantId), olderThan, BATCH);
  }
}
