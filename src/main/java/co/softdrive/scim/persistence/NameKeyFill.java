package co.softdrive.scim.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fills the {@link NameKey comparison keys} of users and groups whose key is NULL: every row when
 * migration V10 adds the key columns, and afterwards the rows an instance of the previous release
 * inserted during a rolling upgrade (it does not know the columns), at each start-up.
 *
 * <p>Rows whose names were distinct before but share a key under the new rule are all kept. In each
 * tenant the oldest row (by {@code created_at}, then id) keeps the key alone; each later one gets
 * its own id in the tiebreak column, so that the unique constraint on (tenant, key, tiebreak) holds
 * and nothing fails. Every such collision is logged as a WARNING with the tenant and both resource
 * ids (never the names) and recorded in {@code name_key_collision} for support. A look-alike
 * duplicate stays readable, filterable (an {@code eq} filter finds both) and updatable while its
 * name keeps that key; renaming it to another key clears its tiebreak.
 *
 * <p>Left as is: a rename that an instance of the previous release makes during a rolling upgrade
 * keeps the key of the old name until the resource is next written by this release (only a NULL key
 * shows a row this release has not seen).
 */
final class NameKeyFill {
  private static final Logger LOG = Logger.getLogger(NameKeyFill.class.getName());
  private static final int BATCH = 500;

  /** A table with a name and its comparison key. */
  record Keyed(String resourceType, String table, String name, String key, String tiebreak) {}

  static final Keyed USERS =
      new Keyed("User", "scim_user", "user_name", "user_name_key", "user_name_key_tiebreak");
  static final Keyed GROUPS =
      new Keyed(
          "Group", "scim_group", "display_name", "display_name_key", "display_name_key_tiebreak");

  /** What one fill did. */
  record Result(int filled, int collisions) {
    Result plus(Result other) {
      return new Result(filled + other.filled, collisions + other.collisions);
    }
  }

  private NameKeyFill() {}

  /** Fills the missing keys of users and groups on {@code c}; the caller commits. */
  static Result fillMissing(Connection c) throws SQLException {
    Result total = new Result(0, 0);
    for (Keyed t : List.of(USERS, GROUPS)) {
      total = total.plus(fill(c, t));
    }
    return total;
  }

  private static Result fill(Connection c, Keyed t) throws SQLException {
    int filled = 0;
    int collisions = 0;
    long now = System.currentTimeMillis();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT tenant_id, id, "
                    + t.name()
                    + " FROM "
                    + t.table()
                    + " WHERE "
                    + t.key()
                    + " IS NULL ORDER BY tenant_id, created_at, id");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE "
                    + t.table()
                    + " SET "
                    + t.key()
                    + " = ?, "
                    + t.tiebreak()
                    + " = ? WHERE tenant_id = ? AND id = ?");
        PreparedStatement report =
            c.prepareStatement(
                "INSERT INTO name_key_collision"
                    + " (tenant_id, resource_type, resource_id, kept_id, found_at)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      select.setFetchSize(BATCH);
      String tenant = null;
      Map<String, String> holders = new HashMap<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String tenantId = rs.getString(1);
          String id = rs.getString(2);
          if (!tenantId.equals(tenant)) {
            tenant = tenantId;
            holders = holders(c, t, tenantId);
          }
          String key = NameKey.of(rs.getString(3));
          String holder = holders.putIfAbsent(key, id);
          String tiebreak = "";
          if (holder != null) {
            tiebreak = id;
            collisions++;
            report(report, t, tenantId, id, holder, now);
          }
          update.setString(1, key);
          update.setString(2, tiebreak);
          update.setString(3, tenantId);
          update.setString(4, id);
          update.addBatch();
          if (++filled % BATCH == 0) {
            update.executeBatch();
            report.executeBatch();
          }
        }
      }
      update.executeBatch();
      report.executeBatch();
    }
    return new Result(filled, collisions);
  }

  /** The keys the tenant's rows already hold alone, and which row holds each. */
  private static Map<String, String> holders(Connection c, Keyed t, String tenantId)
      throws SQLException {
    Map<String, String> holders = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + t.key()
                + ", id FROM "
                + t.table()
                + " WHERE tenant_id = ? AND "
                + t.key()
                + " IS NOT NULL AND "
                + t.tiebreak()
                + " = ''")) {
      ps.setString(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          holders.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return holders;
  }

  private static void report(
      PreparedStatement report, Keyed t, String tenantId, String id, String kept, long now)
      throws SQLException {
    LOG.log(
        Level.WARNING,
        "Tenant {0}: {1} {2} has the same comparison key (NFKC + case fold) as {1} {3}; both are"
            + " kept, {2} as a look-alike duplicate (table name_key_collision)",
        new Object[] {tenantId, t.resourceType(), id, kept});
    report.setString(1, tenantId);
    report.setString(2, t.resourceType());
    report.setString(3, id);
    report.setString(4, kept);
    report.setLong(5, now);
    report.addBatch();
  }
}
