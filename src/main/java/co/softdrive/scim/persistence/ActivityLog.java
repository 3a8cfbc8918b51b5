package co.softdrive.scim.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The request log ({@code scim_activity}): batched inserts, the retention purge, and pages and
 * counts of a tenant's rows; its aggregates are {@link ActivityStats}. Plain JDBC, portable between
 * Derby and PostgreSQL: every SCIM request is recorded, so the writer inserts a whole queue in one
 * batch of one statement and one transaction on a connection of its own (no entity per row, nothing
 * for a persistence context to track), and the table has no entity at all. Every read and delete is
 * confined to one tenant by its first predicate, so it runs on an index that starts with {@code
 * tenant_id}.
 */
@ApplicationScoped
public class ActivityLog {
  static final String COLUMNS =
      "id, tenant_id, at_millis, token_prefix, method, path, operation, resource_type, resource_id,"
          + " status, scim_type, detail, filter_text, latency_ms, resource_name, change_kind,"
          + " change_summary, members_added, members_removed";

  /** The most rows one page may ask for. */
  public static final int MAX_PAGE = 500;

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  /**
   * What a read of one tenant's log asks for; null fields do not filter.
   *
   * @param fromMillis the first instant, inclusive
   * @param toMillis the end, exclusive
   * @param statusAtLeast the lowest status
   * @param statusBelow the status the range stops before
   */
  public record Criteria(
      Long fromMillis,
      Long toMillis,
      Integer statusAtLeast,
      Integer statusBelow,
      String operation,
      String resourceId) {}

  /** Inserts rows (of any tenants) in one batch and one transaction of their own. */
  public void insert(List<ActivityRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO scim_activity ("
                  + COLUMNS
                  + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        for (ActivityRow r : rows) {
          ps.setString(1, r.id());
          ps.setString(2, r.tenantId());
          ps.setLong(3, r.atMillis());
          nullable(ps, 4, r.tokenPrefix());
          ps.setString(5, r.method());
          ps.setString(6, r.path());
          ps.setString(7, r.operation());
          nullable(ps, 8, r.resourceType());
          nullable(ps, 9, r.resourceId());
          ps.setInt(10, r.status());
          nullable(ps, 11, r.scimType());
          nullable(ps, 12, r.detail());
          nullable(ps, 13, r.filter());
          ps.setInt(14, r.latencyMs());
          nullable(ps, 15, r.resourceName());
          nullable(ps, 16, r.changeKind());
          nullable(ps, 17, r.changeSummary());
          nullableInt(ps, 18, r.membersAdded());
          nullableInt(ps, 19, r.membersRemoved());
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

  /**
   * The deployment's retention purge: deletes every tenant's rows older than the cutoff, tenant by
   * tenant, so that each delete reads the {@code (tenant_id, at_millis)} index. Idempotent.
   *
   * @return the rows deleted
   */
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

  /** One page of the tenant's rows, newest first; at most {@link #MAX_PAGE}. */
  public List<ActivityRow> page(TenantId tenant, Criteria criteria, int offset, int limit) {
    Where w = where(tenant, criteria);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM scim_activity WHERE "
            + w.sql()
            + " ORDER BY at_millis DESC, id DESC OFFSET "
            + Math.max(0, offset)
            + " ROWS FETCH NEXT "
            + Math.max(1, Math.min(MAX_PAGE, limit))
            + " ROWS ONLY";
    List<ActivityRow> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new ActivityRow(
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
                  rs.getString(15),
                  rs.getString(16),
                  rs.getString(17),
                  nullableInt(rs, 18),
                  nullableInt(rs, 19)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity query failed: " + e.getMessage(), e);
    }
    return rows;
  }

  /** How many of the tenant's rows match. */
  public long count(TenantId tenant, Criteria criteria) {
    Where w = where(tenant, criteria);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM scim_activity WHERE " + w.sql())) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Activity count failed: " + e.getMessage(), e);
    }
  }

  /** The WHERE clause of a read and its parameters, in order, the tenant first. */
  static Where where(TenantId tenant, Criteria f) {
    StringBuilder sql = new StringBuilder("tenant_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(tenant.value());
    if (f.fromMillis() != null) {
      sql.append(" AND at_millis >= ?");
      params.add(f.fromMillis());
    }
    if (f.toMillis() != null) {
      sql.append(" AND at_millis < ?");
      params.add(f.toMillis());
    }
    if (f.statusAtLeast() != null) {
      sql.append(" AND status >= ?");
      params.add(f.statusAtLeast());
    }
    if (f.statusBelow() != null) {
      sql.append(" AND status < ?");
      params.add(f.statusBelow());
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

  private static Integer nullableInt(ResultSet rs, int index) throws SQLException {
    int v = rs.getInt(index);
    return rs.wasNull() ? null : v;
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
}
