package co.softdrive.scim.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Aggregates over a tenant's request log ({@code scim_activity}, see {@link ActivityLog}):
 * per-bucket counts for the console's charts, the tenant's summary for lists, and what tenant
 * health and provisioning cycles are judged on. Every statement starts with {@code tenant_id = ?}
 * and reads an index that starts with it: the newest request of each kind is the end of an index
 * range ({@code ix_activity_time}, {@code ix_activity_status}), counts and sums cover the asked
 * window only, so the cost grows with the requests in the window, never with the tenant's users,
 * groups or history. Plain JDBC: grouping by an expression of {@code at_millis} (Derby wants its
 * numbers inlined there) and {@code FETCH FIRST} are SQL that JPQL cannot carry, and the table has
 * no entity.
 */
@ApplicationScoped
public class ActivityStats {
  /** Users created, updated (restores too), deactivated (held too), deleted; memberships. */
  static final String MINUTE_SUMS =
      " SUM(CASE WHEN resource_type = 'User' AND change_kind = 'created' THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN resource_type = 'User' AND change_kind IN ('updated', 'restored')"
          + " THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN resource_type = 'User' AND change_kind IN ('deactivated', 'held')"
          + " THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN resource_type = 'User' AND change_kind = 'deleted' THEN 1 ELSE 0 END),"
          + " SUM(COALESCE(members_added, 0) + COALESCE(members_removed, 0)),"
          + " SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END)";

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  /**
   * One time bucket that has requests.
   *
   * @param index the bucket's number counted from the origin
   * @param latencySumMs the sum of the requests' latencies
   */
  public record Bucket(
      long index,
      long requests,
      long clientErrors,
      long serverErrors,
      long latencySumMs,
      long maxLatencyMs) {}

  /**
   * A tenant's activity at a glance (epoch millis); {@code lastRequest} null when there is none,
   * and then nothing else was read.
   */
  public record Summary(Long lastRequest, Long lastSuccess, long requests, long failures) {}

  /**
   * The tenant's connection at one moment (epoch millis, null when there is no such request).
   *
   * @param lastRequestStatus the newest request's status, 0 without requests
   * @param lastSuccess the newest request answered below 400
   * @param lastFailure the newest request answered 400 or above
   * @param lastFailureStatus its status, 0 without failures
   * @param windowRequests requests since the window start
   * @param windowFailures failed requests since the window start
   */
  public record Facts(
      Long lastRequest,
      int lastRequestStatus,
      Long lastSuccess,
      Long lastFailure,
      int lastFailureStatus,
      long windowRequests,
      long windowFailures) {
    public static final Facts NONE = new Facts(null, 0, null, null, 0, 0, 0);
  }

  /**
   * One minute's requests, as the provisioning cycles group them; counts as {@link #MINUTE_SUMS}.
   */
  public record Minute(
      long firstMillis,
      long lastMillis,
      long requests,
      long usersCreated,
      long usersUpdated,
      long usersDeactivated,
      long usersDeleted,
      long membershipChanges,
      long failures) {}

  /**
   * Requests, failures and latency per bucket of {@code widthMillis} counted from {@code
   * originMillis}, for the rows that match; buckets without requests are absent.
   */
  public List<Bucket> buckets(
      TenantId tenant, ActivityLog.Criteria criteria, long originMillis, long widthMillis) {
    ActivityLog.Where w = ActivityLog.where(tenant, criteria);
    // Numbers are inlined (they are longs the caller computed, never user text): Derby does not
    // allow untyped parameters in a GROUP BY expression.
    String bucket = "((at_millis - " + originMillis + ") / " + widthMillis + ")";
    String sql =
        "SELECT "
            + bucket
            + ", COUNT(*),"
            + " SUM(CASE WHEN status >= 400 AND status < 500 THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END),"
            + " SUM(latency_ms), MAX(latency_ms)"
            + " FROM scim_activity WHERE "
            + w.sql()
            + " GROUP BY "
            + bucket;
    List<Bucket> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Bucket(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity chart query failed: " + e.getMessage(), e);
    }
    return rows;
  }

  /** Last request, last successful request, requests and failures since {@code since}. */
  public Summary summary(TenantId tenant, long since) {
    try (Connection c = dataSource.getConnection()) {
      long[] last =
          newest(c, "SELECT MAX(at_millis), 0 FROM scim_activity WHERE tenant_id = ?", tenant);
      if (last == null) {
        return new Summary(null, null, 0, 0);
      }
      long[] lastOk =
          newest(
              c,
              "SELECT MAX(at_millis), 0 FROM scim_activity WHERE tenant_id = ? AND status < 400",
              tenant);
      long[] window = window(c, tenant, since);
      return new Summary(last[0], lastOk == null ? null : lastOk[0], window[0], window[1]);
    } catch (SQLException e) {
      throw new IllegalStateException("Activity summary failed: " + e.getMessage(), e);
    }
  }

  /** The tenant's connection facts now, requests and failures counted from {@code windowStart}. */
  public Facts facts(TenantId tenant, long windowStart) {
    try (Connection c = dataSource.getConnection()) {
      long[] last =
          newest(
              c,
              "SELECT at_millis, status FROM scim_activity WHERE tenant_id = ?"
                  + " ORDER BY at_millis DESC FETCH FIRST 1 ROWS ONLY",
              tenant);
      if (last == null) {
        return Facts.NONE;
      }
      long[] ok =
          newest(
              c,
              "SELECT MAX(at_millis), 0 FROM scim_activity WHERE tenant_id = ? AND status < 400",
              tenant);
      long[] failed =
          newest(
              c,
              "SELECT at_millis, status FROM scim_activity WHERE tenant_id = ? AND status >= 400"
                  + " ORDER BY at_millis DESC FETCH FIRST 1 ROWS ONLY",
              tenant);
      long[] window = window(c, tenant, windowStart);
      return new Facts(
          last[0],
          (int) last[1],
          ok == null ? null : ok[0],
          failed == null ? null : failed[0],
          failed == null ? 0 : (int) failed[1],
          window[0],
          window[1]);
    } catch (SQLException e) {
      throw new IllegalStateException("Tenant health query failed: " + e.getMessage(), e);
    }
  }

  /**
   * The tenant's requests from {@code from} on, aggregated per minute, oldest first: at most one
   * row per minute of the window.
   */
  public List<Minute> minutes(TenantId tenant, long from) {
    // The width is inlined (a constant of ours): Derby allows no parameter in a GROUP BY
    // expression.
    String minute = "(at_millis / 60000)";
    String sql =
        "SELECT "
            + minute
            + ", MIN(at_millis), MAX(at_millis), COUNT(*),"
            + MINUTE_SUMS
            + " FROM scim_activity WHERE tenant_id = ? AND at_millis >= ? GROUP BY "
            + minute
            + " ORDER BY 1";
    List<Minute> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant.value());
      ps.setLong(2, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Minute(
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getLong(10)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Provisioning cycles query failed: " + e.getMessage(), e);
    }
    return rows;
  }

  /** Requests and failed requests (400 and above) since {@code since}. */
  private static long[] window(Connection c, TenantId tenant, long since) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*), SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) FROM scim_activity"
                + " WHERE tenant_id = ? AND at_millis >= ?")) {
      ps.setString(1, tenant.value());
      ps.setLong(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  /** The first row's two numbers, or null when there is none (or its first is NULL). */
  private static long[] newest(Connection c, String sql, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long at = rs.getLong(1);
        if (rs.wasNull()) {
          return null;
        }
        return new long[] {at, rs.getLong(2)};
      }
    }
  }
}
