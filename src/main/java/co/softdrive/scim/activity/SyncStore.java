package co.softdrive.scim.activity;

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
 * The aggregates behind tenant health and provisioning cycles, over {@code scim_activity}. Every
 * statement starts with {@code tenant_id = ?} and reads an index that starts with it: the newest
 * request of each kind is the end of an index range ({@code ix_activity_time}, {@code
 * ix_activity_status}), counts cover the asked window only. Cost grows with the requests in the
 * window, never with the tenant's users, groups or history.
 */
@ApplicationScoped
public class SyncStore {
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

  /** The tenant's connection facts now, failures counted from {@code windowStart}. */
  public SyncFacts facts(String tenantId, long windowStart) {
    try (Connection c = dataSource.getConnection()) {
      long[] last =
          newest(
              c,
              "SELECT at_millis, status FROM scim_activity WHERE tenant_id = ?"
                  + " ORDER BY at_millis DESC FETCH FIRST 1 ROWS ONLY",
              tenantId);
      if (last == null) {
        return SyncFacts.NONE;
      }
      long[] ok =
          newest(
              c,
              "SELECT MAX(at_millis), 0 FROM scim_activity WHERE tenant_id = ? AND status < 400",
              tenantId);
      long[] failed =
          newest(
              c,
              "SELECT at_millis, status FROM scim_activity WHERE tenant_id = ? AND status >= 400"
                  + " ORDER BY at_millis DESC FETCH FIRST 1 ROWS ONLY",
              tenantId);
      long requests;
      long failures;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COUNT(*), SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) FROM scim_activity"
                  + " WHERE tenant_id = ? AND at_millis >= ?")) {
        ps.setString(1, tenantId);
        ps.setLong(2, windowStart);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          requests = rs.getLong(1);
          failures = rs.getLong(2);
        }
      }
      return new SyncFacts(
          last[0],
          (int) last[1],
          ok == null ? null : ok[0],
          failed == null ? null : failed[0],
          failed == null ? 0 : (int) failed[1],
          requests,
          failures);
    } catch (SQLException e) {
      throw new IllegalStateException("Tenant health query failed: " + e.getMessage(), e);
    }
  }

  /**
   * The tenant's requests from {@code from} on, aggregated per minute, oldest first: at most one
   * row per minute of the window ({@link Cycles} groups them).
   */
  public List<Cycle.Minute> minutes(String tenantId, long from) {
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
    List<Cycle.Minute> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
      ps.setLong(2, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Cycle.Minute(
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

  /** The first row's two numbers, or null when there is none (or its first is NULL). */
  private static long[] newest(Connection c, String sql, String tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
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
