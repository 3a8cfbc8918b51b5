package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deletion guard's count of a tenant's automatic deletions in its window (on every
 * deactivation) reads the window's deletion entries only, whatever the tenant's other audit rows
 * and the optimizer's statistics: found by the benchmark, where Derby read all 103,717 audit rows
 * of a 100,000-user tenant per deactivation.
 */
class AutomaticDeletionCountTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final long WINDOW_START = NOW - 3_600_000L;

  @Test
  void readsOnlyTheWindowsDeletionEntriesOfItsIndex() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated();
        Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO account_audit (tenant_id, user_id, occurred_at, actor_type, action)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        // Statistics that mislead: many tenants with a single action each.
        for (int t = 0; t < 40; t++) {
          for (int i = 0; i < 50; i++) {
            add(p, "other-" + t, NOW - i, "token", "created");
          }
        }
        // The tenant: an initial cycle's creations in the window, deletions in and before it.
        for (int i = 0; i < 10_000; i++) {
          add(p, "t", NOW - 1_000_000 + i, "token", "created");
        }
        for (int i = 0; i < 30; i++) {
          add(p, "t", NOW - 1_000 + i, "token", "deleted");
        }
        for (int i = 0; i < 5; i++) {
          add(p, "t", NOW - 500 + i, "staff", "deleted");
          add(p, "t", WINDOW_START - 10 - i, "token", "deleted");
        }
        p.executeBatch();
      }
      c.commit();
      try (CallableStatement s =
          c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, 'ACCOUNT_AUDIT', NULL)")) {
        s.setString(1, c.getSchema());
        s.execute();
      }
      DerbyPlans.record(c);
      assertEquals(
          30, AccountAudit.countAutomaticDeletionsSince(c, TenantId.of("t"), WINDOW_START));
      String plan = DerbyPlans.last(c);
      assertTrue(plan.contains("using index IX_AUDIT_ACTION"), plan);
      assertFalse(plan.contains("Index Row to Base Row"), "reads table rows:\n" + plan);
      Matcher visited = Pattern.compile("Number of rows visited=(\\d+)").matcher(plan);
      assertTrue(visited.find(), plan);
      int rows = Integer.parseInt(visited.group(1));
      assertTrue(rows <= 36, rows + " index rows visited for 35 deletions in the window:\n" + plan);
      assertEquals(
          0, AccountAudit.countAutomaticDeletionsSince(c, TenantId.of("other-1"), WINDOW_START));
      c.rollback();
    }
  }

  private static void add(
      PreparedStatement p, String tenant, long at, String actorType, String action)
      throws Exception {
    p.setString(1, tenant);
    p.setString(2, "u-" + at);
    p.setLong(3, at);
    p.setString(4, actorType);
    p.setString(5, action);
    p.addBatch();
  }
}
