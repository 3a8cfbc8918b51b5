package co.softdrive.scim.activity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The {@code scim_activity} table: batched inserts, the retention purge, and the console's reads (a
 * page of rows, a count, per-bucket counts for charts, a tenant's summary). Every statement is
 * confined to one tenant by its first predicate, so every read and delete runs on an index that
 * starts with {@code tenant_id}. Portable SQL for Derby and PostgreSQL.
 */
@ApplicationScoped
public class ActivityStore {
  private static final String COLUMNS =
      "id, tenant_id, at_millis, token_prefix, method, path, operation, resource_type, resource_id,"
          + " status, scim_type, detail, filter_text, latency_ms, resource_name, change_kind,"
          + " change_summary, members_added, members_removed";

  /** Bucket widths the charts use; the smallest that gives at most {@link #MAX_BUCKETS}. */
  static final List<Duration> WIDTHS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofDays(1));

  static final int MAX_BUCKETS = 120;

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  /** Inserts rows in one batch and one transaction. */
  public void insert(List<ActivityEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO scim_activity ("
                  + COLUMNS
                  + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        for (ActivityEntry e : entries) {
          ps.setString(1, e.id());
          ps.setString(2, e.tenantId());
          ps.setLong(3, e.atMillis());
          nullable(ps, 4, e.tokenPrefix());
          ps.setString(5, e.method());
          ps.setString(6, e.path());
          ps.setString(7, e.operation());
          nullable(ps, 8, e.resourceType());
          nullable(ps, 9, e.resourceId());
          ps.setInt(10, e.status());
          nullable(ps, 11, e.scimType());
          nullable(ps, 12, e.detail());
          nullable(ps, 13, e.filter());
          ps.setInt(14, e.latencyMs());
          ResourceChange ch = e.change();
          nullable(ps, 15, ch == null ? null : ch.resourceName());
          nullable(ps, 16, ch == null ? null : ch.kind());
          nullable(ps, 17, ch == null ? null : ch.summary());
          nullableInt(ps, 18, ch == null || ch.kind() == null ? null : ch.membersAdded());
          nullableInt(ps, 19, ch == null || ch.kind() == null ? null : ch.membersRemoved());
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity insert failed: " + e.getMessage(), e);
    }
  }

  /** Deletes rows older than the cutoff, tenant by tenant (idempotent; run under a job lease). */
  public int purgeOlderThan(long cutoffMillis) {
    int deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      List<String> tenants = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tenant");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM scim_activity WHERE tenant_id = ? AND at_millis < ?")) {
        for (String tenant : tenants) {
          ps.setString(1, tenant);
          ps.setLong(2, cutoffMillis);
          deleted += ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity purge failed: " + e.getMessage(), e);
    }
    return deleted;
  }

  /** One page of rows, newest first. */
  public List<ActivityEntry> page(ActivityFilter f, int offset, int limit) {
    Where w = where(f);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM scim_activity WHERE "
            + w.sql
            + " ORDER BY at_millis DESC, id DESC OFFSET "
            + Math.max(0, offset)
            + " ROWS FETCH NEXT "
            + Math.max(1, Math.min(500, limit))
            + " ROWS ONLY";
    List<ActivityEntry> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new ActivityEntry(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getInt(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getString(13),
                  rs.getInt(14),
                  change(rs)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity query failed: " + e.getMessage(), e);
    }
    return rows;
  }

  public long count(ActivityFilter f) {
    Where w = where(f);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM scim_activity WHERE " + w.sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity count failed: " + e.getMessage(), e);
    }
  }

  /**
   * Requests, failures and latency per time bucket between {@code f.from()} and {@code f.to()}
   * (both required); every bucket is present, empty ones with zeros.
   */
  public List<ActivityBucket> buckets(ActivityFilter f) {
    long from = f.from().toEpochMilli();
    long to = f.to().toEpochMilli();
    long width = bucketWidth(f.from(), f.to()).toMillis();
    long origin = from - Math.floorMod(from, width);
    Where w = where(f);
    // Numbers are inlined (they are longs we computed, never user text): Derby does not allow
    // untyped parameters in a GROUP BY expression.
    String bucket = "((at_millis - " + origin + ") / " + width + ")";
    String sql =
        "SELECT "
            + bucket
            + ", COUNT(*),"
            + " SUM(CASE WHEN status >= 400 AND status < 500 THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END),"
            + " SUM(latency_ms), MAX(latency_ms)"
            + " FROM scim_activity WHERE "
            + w.sql
            + " GROUP BY "
            + bucket;
    TreeMap<Long, ActivityBucket> byIndex = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long index = rs.getLong(1);
          long requests = rs.getLong(2);
          byIndex.put(
              index,
              new ActivityBucket(
                  Instant.ofEpochMilli(origin + index * width),
                  requests,
                  rs.getLong(3),
                  rs.getLong(4),
                  requests == 0 ? 0 : rs.getLong(5) / requests,
                  rs.getLong(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity chart query failed: " + e.getMessage(), e);
    }
    List<ActivityBucket> all = new ArrayList<>();
    for (long i = 0; origin + i * width < to; i++) {
      ActivityBucket b = byIndex.get(i);
      all.add(
          b != null
              ? b
              : new ActivityBucket(Instant.ofEpochMilli(origin + i * width), 0, 0, 0, 0, 0));
    }
    return all;
  }

  /** Last request, last successful request, requests and failures in the last 24 hours. */
  public TenantActivity summary(String tenantId, long now) {
    try (Connection c = dataSource.getConnection()) {
      Long last = max(c, "SELECT MAX(at_millis) FROM scim_activity WHERE tenant_id = ?", tenantId);
      if (last == null) {
        return TenantActivity.none(tenantId);
      }
      Long lastOk =
          max(
              c,
              "SELECT MAX(at_millis) FROM scim_activity WHERE tenant_id = ? AND status < 400",
              tenantId);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COUNT(*), SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) FROM scim_activity"
                  + " WHERE tenant_id = ? AND at_millis >= ?")) {
        ps.setString(1, tenantId);
        ps.setLong(2, now - 86_400_000L);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new TenantActivity(
              tenantId,
              Instant.ofEpochMilli(last),
              lastOk == null ? null : Instant.ofEpochMilli(lastOk),
              rs.getLong(1),
              rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity summary failed: " + e.getMessage(), e);
    }
  }

  /** The smallest width that divides the range into at most {@link #MAX_BUCKETS} buckets. */
  public static Duration bucketWidth(Instant from, Instant to) {
    long range = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    for (Duration d : WIDTHS) {
      if (range / d.toMillis() <= MAX_BUCKETS) {
        return d;
      }
    }
    return WIDTHS.get(WIDTHS.size() - 1);
  }

  private static Long max(Connection c, String sql, String tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long v = rs.getLong(1);
        return rs.wasNull() ? null : v;
      }
    }
  }

  private static ResourceChange change(ResultSet rs) throws SQLException {
    String name = rs.getString(15);
    String kind = rs.getString(16);
    if (name == null && kind == null) {
      return null;
    }
    return new ResourceChange(name, kind, rs.getString(17), rs.getInt(18), rs.getInt(19));
  }

  private static void nullableInt(PreparedStatement ps, int index, Integer value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  private static void nullable(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /** The WHERE clause of a filter and its parameters, in order. */
  static Where where(ActivityFilter f) {
    StringBuilder sql = new StringBuilder("tenant_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(f.tenantId());
    if (f.from() != null) {
      sql.append(" AND at_millis >= ?");
      params.add(f.from().toEpochMilli());
    }
    if (f.to() != null) {
      sql.append(" AND at_millis < ?");
      params.add(f.to().toEpochMilli());
    }
    if (f.statusClass() != null) {
      if (f.statusClass() == 0) {
        sql.append(" AND status >= ?");
        params.add(400);
      } else {
        sql.append(" AND status >= ? AND status < ?");
        params.add(f.statusClass() * 100);
        params.add(f.statusClass() * 100 + 100);
      }
    }
    if (f.operation() != null) {
      sql.append(" AND operation = ?");
      params.add(f.operation());
    }
    if (f.resourceId() != null) {
      sql.append(" AND resource_id = ?");
      params.add(f.resourceId());
    }
    return new Where(sql.toString(), params);
  }

  record Where(String sql, List<Object> params) {
    void bind(PreparedStatement ps) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof Long l) {
          ps.setLong(i + 1, l);
        } else if (p instanceof Integer n) {
          ps.setInt(i + 1, n);
        } else {
          ps.setString(i + 1, (String) p);
        }
      }
    }
  }
}
