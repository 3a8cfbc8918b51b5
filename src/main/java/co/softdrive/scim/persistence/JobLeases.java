package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Leases that make a scheduled job run on one instance at a time, and once per interval, when
 * several instances share a database. Each job has a lease ({@link JobLeaseRows}: its owner and
 * deadline) in one of two states:
 *
 * <ul>
 *   <li><b>running</b>: the owner is the instance, the deadline its own. The runner {@linkplain
 *       #renew renews} it between batches; if it crashes, the lease expires and another instance
 *       may take over.
 *   <li><b>resting</b>: no owner, and the deadline is the earliest next scheduled run ({@link
 *       #finish}), so that N instances ticking on their own timers run the job about once per
 *       interval instead of N times.
 * </ul>
 *
 * <p>A scheduled run {@linkplain #claim claims} only an expired lease; a run asked for by staff
 * {@linkplain #claimNow claims} any lease that is not running. A job's first claim creates its
 * lease; of two instances creating it at once, one wins.
 */
@ApplicationScoped
public class JobLeases {
  /** This instance's identity in leases: host/pid plus a random suffix (new on every start). */
  public static final String INSTANCE =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  @Inject JobLeaseRows rows;

  private final String owner;

  public JobLeases() {
    this(null, INSTANCE);
  }

  /** For tests: leases of a pretend instance {@code owner} kept in {@code rows}. */
  JobLeases(JobLeaseRows rows, String owner) {
    this.rows = rows;
    this.owner = owner;
  }

  /** Claims the job for a scheduled run when its lease expired; false when running or resting. */
  public boolean claim(String job, long ttlMillis) {
    return claim(job, ttlMillis, System.currentTimeMillis());
  }

  boolean claim(String job, long ttlMillis, long now) {
    return rows.takeExpired(job, owner, now + ttlMillis, now) || firstClaim(job, now + ttlMillis);
  }

  /** Claims the job for a run asked for now: false only while another run holds it. */
  public boolean claimNow(String job, long ttlMillis) {
    return claimNow(job, ttlMillis, System.currentTimeMillis());
  }

  boolean claimNow(String job, long ttlMillis, long now) {
    return rows.takeUnlessRunning(job, owner, now + ttlMillis, now)
        || firstClaim(job, now + ttlMillis);
  }

  /** Extends this instance's running lease; false when it was lost to another instance. */
  public boolean renew(String job, long ttlMillis) {
    return renew(job, ttlMillis, System.currentTimeMillis());
  }

  boolean renew(String job, long ttlMillis, long now) {
    return rows.extend(job, owner, now + ttlMillis);
  }

  /**
   * Ends this instance's run of a job scheduled every {@code intervalMillis}: no scheduled run
   * starts on any instance for 90% of the interval, so that whichever instance's timer fires next
   * after about one interval finds the lease free.
   */
  public void finish(String job, long intervalMillis) {
    finish(job, intervalMillis, System.currentTimeMillis());
  }

  void finish(String job, long intervalMillis, long now) {
    rows.release(job, owner, now + intervalMillis / 10 * 9);
  }

  /** The job has no lease yet: this instance creates it, unless another one just did. */
  private boolean firstClaim(String job, long until) {
    return !rows.exists(job) && rows.create(job, owner, until);
  }
}
