package co.softdrive.scim.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The rows of {@code job_lease} ({@code name}, {@code owner}, {@code lease_until}), one per job
 * that runs under a lease; the rules of those leases are {@link JobLeases}'. Every change is one
 * conditional statement, so the database decides which instance wins a race.
 *
 * <p>Plain JDBC in auto-commit on a connection of its own: a lease is taken, renewed and ended
 * outside the transactions of the job it guards, each statement is its own short transaction that
 * other instances see at once, and a lost race on a row's first INSERT is a duplicate key, not a
 * transaction marked for rollback.
 */
@ApplicationScoped
public class JobLeaseRows {
  private static final String DUPLICATE_KEY = "23505";

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  public JobLeaseRows() {}

  /** For tests: the rows of {@code dataSource}. */
  public JobLeaseRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Gives the job's lease to {@code owner} until {@code until} if it expired before {@code now}
   * (running or resting); false when it did not, or the job has no row yet.
   */
  public boolean takeExpired(String job, String owner, long until, long now) {
    return update(
            "UPDATE job_lease SET owner = ?, lease_until = ? WHERE name = ? AND lease_until < ?",
            owner,
            until,
            job,
            now)
        == 1;
  }

  /**
   * Gives the job's lease to {@code owner} until {@code until} unless another run holds it: the
   * lease rests (no owner) or expired before {@code now}. False otherwise, or without a row.
   */
  public boolean takeUnlessRunning(String job, String owner, long until, long now) {
    return update(
            "UPDATE job_lease SET owner = ?, lease_until = ?"
                + " WHERE name = ? AND (owner IS NULL OR lease_until < ?)",
            owner,
            until,
            job,
            now)
        == 1;
  }

  /** Whether the job has its row. */
  public boolean exists(String job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM job_lease WHERE name = ?")) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Creates the job's row, its lease held by {@code owner} until {@code until}; false when another
   * instance created it first (and holds the lease).
   */
  public boolean create(String job, String owner, long until) {
    try {
      return update(
              "INSERT INTO job_lease (name, owner, lease_until) VALUES (?, ?, ?)",
              job,
              owner,
              until)
          == 1;
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException s && DUPLICATE_KEY.equals(s.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** Extends the lease {@code owner} holds to {@code until}; false when it does not hold it. */
  public boolean extend(String job, String owner, long until) {
    return update(
            "UPDATE job_lease SET lease_until = ? WHERE name = ? AND owner = ?", until, job, owner)
        == 1;
  }

  /**
   * Ends the run {@code owner} holds: the lease rests, with no owner, until {@code restUntil}.
   * Nothing happens when {@code owner} does not hold it.
   */
  public void release(String job, String owner, long restUntil) {
    update(
        "UPDATE job_lease SET owner = NULL, lease_until = ? WHERE name = ? AND owner = ?",
        restUntil,
        job,
        owner);
  }

  private int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("job_lease: " + e.getMessage(), e);
  }
}
