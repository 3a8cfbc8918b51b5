package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A user's rows of {@code scim_user_value} ({@link UserValues}), in the caller's transaction, on
 * its connection. A user's rows are written by one JDBC batch of one statement shape (one round
 * trip on PostgreSQL); a user without such values costs no statement at all.
 */
@ApplicationScoped
public class UserValueRepository {
  static final String INSERT =
      "INSERT INTO scim_user_value (tenant_id, user_id, attr, pos, sub, val)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  static final String DELETE = "DELETE FROM scim_user_value WHERE tenant_id = ? AND user_id = ?";

  /** Rows per JDBC batch. */
  static final int BATCH = 500;

  @Inject TxConnections connections;

  /** Inserts the rows of a user that has none yet (its own row already written). */
  public void insert(TenantId tenant, String userId, List<UserValues.Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    connections.run(
        "write the indexed values of a user",
        c -> {
          insert(c, tenant.value(), userId, rows);
          return null;
        });
  }

  /**
   * Brings a user's rows from {@code before} (what its previous JSON gave) to {@code after}:
   * nothing when they are equal, else a delete and an insert.
   */
  public void replace(
      TenantId tenant, String userId, List<UserValues.Row> before, List<UserValues.Row> after) {
    if (before.equals(after)) {
      return;
    }
    delete(tenant, userId);
    insert(tenant, userId, after);
  }

  /** Deletes every row of a user (before the user's own row, so that none outlives it). */
  public void delete(TenantId tenant, String userId) {
    connections.run(
        "delete the indexed values of a user",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, tenant.value());
            ps.setString(2, userId);
            return ps.executeUpdate();
          }
        });
  }

  static void insert(Connection c, String tenantId, String userId, List<UserValues.Row> rows)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      add(ps, tenantId, userId, rows);
      ps.executeBatch();
    }
  }

  /** Adds the rows to the batch of an {@link #INSERT} statement, executing every {@link #BATCH}. */
  static int add(PreparedStatement ps, String tenantId, String userId, List<UserValues.Row> rows)
      throws SQLException {
    int added = 0;
    for (UserValues.Row r : rows) {
      ps.setString(1, tenantId);
      ps.setString(2, userId);
      ps.setString(3, r.attr());
      ps.setInt(4, r.pos());
      ps.setString(5, r.sub());
      ps.setString(6, r.value());
      ps.addBatch();
      if (++added % BATCH == 0) {
        ps.executeBatch();
      }
    }
    return added;
  }
}
