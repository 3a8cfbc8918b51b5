package co.softdrive.scim.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Leases that make a scheduled job run on one instance at a time, and once per interval, when
 * several instances share a database. Each job has a row in {@code job_lease} ({@code name}, {@code
 * owner}, {@code lease_until}); every change is one conditional UPDATE, so the database decides who
 * wins:
 *
 * <ul>
 *   <li><b>running</b>: {@code owner} is the instance, {@code lease_until} its deadline. The runner
 *       {@linkplain #renew renews} it between batches; if it crashes, the lease expires and another
 *       instance may take over.
 *   <li><b>resting</b>: {@code owner} is null and {@code lease_until} the earliest next scheduled
 *       run ({@link #finish}), so that N instances ticking on their own timers run the job about
 *       once per interval instead of N times.
 * </ul>
 *
 * <p>A scheduled run {@linkplain #claim claims} only an expired lease; a run asked for by staff
 * {@linkplain #claimNow claims} any lease that is not running. Plain JDBC in auto-commit: each
 * statement is its own short transaction, and a lost race on the first INSERT of a row is a
 * duplicate key, not a poisoned transaction.
 */
@ApplicationScoped
public class JobLeases {
  /** This instance's identity in leases: host/pid plus a random suffix (new on every start). */
  public static final String INSTANCE =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  private static final String DUPLICATE_KEY = "23505";

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  private final String owner;

  public JobLeases() {
    this(null, INSTANCE);
  }

  /** For tests: leases of a pretend instance {@code owner} on {@code dataSource}. */
  JobLeases(DataSource dataSource, String owner) {
    this.dataSource = dataSource;
    this.owner = owner;
  }

  /** Claims the job for a scheduled run when its lease expired; false when running or resting. */
  public boolean claim(String job, long ttlMillis) {
    return claim(job, ttlMillis, System.currentTimeMillis());
  }

  boolean claim(String job, long ttlMillis, long now) {
    return take(job, "lease_until < ?", ttlMillis, now);
  }

  /** Claims the job for a run asked for now: false only while another run holds it. */
  public boolean claimNow(String job, long ttlMillis) {
    return claimNow(job, ttlMillis, System.currentTimeMillis());
  }

  boolean claimNow(String job, long ttlMillis, long now) {
    return take(job, "(owner IS NULL OR lease_until < ?)", ttlMillis, now);
  }

  /** Extends this instance's running lease; false when it was lost to another instance. */
  public boolean renew(String job, long ttlMillis) {
    return renew(job, ttlMillis, System.currentTimeMillis());
  }

  boolean renew(String job, long ttlMillis, long now) {
    return update(
            "UPDATE job_lease SET lease_until = ? WHERE name = ? AND owner = ?",
            now + ttlMillis,
            job,
            owner)
        == 1;
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
    update(
        "UPDATE job_lease SET owner = NULL, lease_until = ? WHERE name = ? AND owner = ?",
        now + intervalMillis / 10 * 9,
        job,
        owner);
  }

  private boolean take(String job, String free, long ttlMillis, long now) {
    if (update(
            "UPDATE job_lease SET owner = ?, lease_until = ? WHERE name = ? AND " + free,
            owner,
            now + ttlMillis,
            job,
            now)
        == 1) {
      return true;
    }
    if (exists(job)) {
      return false;
    }
    try {
      return update(
              "INSERT INTO job_lease (name, owner, lease_until) VALUES (?, ?, ?)",
              job,
              owner,
              now + ttlMillis)
          == 1;
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException s && DUPLICATE_KEY.equals(s.getSQLState())) {
        return false; // another instance inserted the row first, and holds the lease
      }
      throw e;
    }
  }

  private boolean exists(String job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM job_lease WHERE name = ?")) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("job_lease: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("job_lease: " + e.getMessage(), e);
    }
  }
}
