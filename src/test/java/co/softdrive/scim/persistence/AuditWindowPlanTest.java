package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The mass-deactivation view's audit windows (entries and counts of several actions) read each
 * action's entries of the window from {@code ix_audit_action}, not every entry of the tenant in the
 * window: migration V14 dropped the {@code (tenant_id, occurred_at)} index that the IN list of
 * actions used (Derby probes an IN list only on an index's first column).
 */
class AuditWindowPlanTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final long FROM = NOW - 3_600_000L;

  @Test
  void eachActionIsReadFromItsOwnRangeOfTheActionIndex() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated()) {
      windows(db.dataSource(), true);
    }
  }

  /** The same entries and counts on PostgreSQL (its plans are its own). */
  @Test
  @WithPostgres
  void theSameOnPostgres() throws Exception {
    ScratchPostgres.run(
        "scim_audit",
        ds -> {
          Migrations.migrate(ds);
          windows(ds, false);
        });
  }

  private static void windows(DataSource ds, boolean derby) throws Exception {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO account_audit (tenant_id, user_id, occurred_at, actor_type, action)"
                  + " VALUES (?, ?, ?, 'token', ?)")) {
        // An initial cycle's creations in the window, deletions and holds in and before it.
        for (int i = 0; i < 5_000; i++) {
          add(p, "t", FROM + 10 + i, "created");
        }
        for (int i = 0; i < 20; i++) {
          add(p, "t", FROM + 100 + 2 * i, "deleted");
          add(p, "t", FROM - 100 - i, "deleted");
        }
        for (int i = 0; i < 5; i++) {
          add(p, "t", FROM + 101 + 2 * i, "held");
          add(p, "other", FROM + 101 + 2 * i, "held");
        }
        p.executeBatch();
      }
      c.commit();
      if (derby) {
        try (CallableStatement s =
            c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, 'ACCOUNT_AUDIT', NULL)")) {
          s.setString(1, c.getSchema());
          s.execute();
        }
        c.commit();
      }
    }
    EntityManagerFactory emf = OutsideContainer.entityManagers(ds);
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      if (derby) {
        DerbyPlans.record(em.unwrap(Connection.class));
      }
      AccountAudit audit = new AccountAudit();
      audit.em = em;
      TenantId t = TenantId.of("t");
      List<String> actions = List.of("deleted", "held");

      assertEquals(Map.of("deleted", 20L, "held", 5L), audit.countInWindow(t, actions, FROM, NOW));
      assertRead(em, derby, 6);

      List<AccountAuditEntity> entries = audit.inWindow(t, actions, FROM, NOW, 12);
      assertRead(em, derby, 6);
      // Oldest first across both actions, cut at the limit.
      assertEquals(12, entries.size());
      for (int i = 0; i < 10; i++) {
        assertEquals(i % 2 == 0 ? "deleted" : "held", entries.get(i).getAction());
        assertEquals(FROM + 100 + i, entries.get(i).getOccurredAt());
      }
      assertEquals(List.of(), audit.inWindow(TenantId.of("none"), actions, FROM, NOW, 10));
      em.getTransaction().rollback();
    } finally {
      em.close();
      emf.close();
    }
  }

  /** The last statement read {@code ix_audit_action} and at most {@code most} of its entries. */
  private static void assertRead(EntityManager em, boolean derby, int most) throws Exception {
    if (!derby) {
      return;
    }
    Connection c = em.unwrap(Connection.class);
    String plan = DerbyPlans.last(c);
    assertTrue(plan.contains("using index IX_AUDIT_ACTION"), plan);
    Matcher visited = Pattern.compile("Number of rows visited=(\\d+)").matcher(plan);
    assertTrue(visited.find(), plan);
    int rows = Integer.parseInt(visited.group(1));
    assertTrue(rows <= most, rows + " index rows visited:\n" + plan);
  }

  private static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void add(PreparedStatement p, String tenant, long at, String action)
      throws Exception {
    p.setString(1, tenant);
    p.setString(2, "u-" + at);
    p.setLong(3, at);
    p.setString(4, action);
    p.addBatch();
  }
}
