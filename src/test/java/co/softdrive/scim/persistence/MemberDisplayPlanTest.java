package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group's members page with display names ({@code GroupMemberEntity.pageWithDisplayNames}) reads
 * the group's membership index range and each member's user row by primary key: never the tenant's
 * other users, whatever their number (here a 30-member group in a tenant of 4,000 users, beside a
 * 3,000-member group). The SQL is what EclipseLink generates for the named query on Derby.
 */
class MemberDisplayPlanTest {
  static final String SQL =
      "SELECT t0.user_id, t1.display_name FROM group_member t0, scim_user t1"
          + " WHERE t0.tenant_id = ? AND t0.group_id = ? AND t0.user_id > ? AND t1.id = t0.user_id"
          + " ORDER BY t0.user_id OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY";

  @Test
  void readsTheGroupsMembersAndTheirUserRowsOnly() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated();
        Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO tenant (id, name, name_ci, status, created_at, updated_at,"
                + " retention_days, group_policy, version)"
                + " VALUES ('t', 't', 't', 'active', 0, 0, 30, 'keep', 1)");
        for (String g : List.of("small", "large")) {
          s.execute(
              "INSERT INTO scim_group (id, tenant_id, display_name, display_name_ci,"
                  + " display_name_key, attributes, member_count, created_at, last_modified,"
                  + " version) VALUES ('"
                  + g
                  + "', 't', '"
                  + g
                  + "', '"
                  + g
                  + "', '"
                  + g
                  + "', '{}', 0, 0, 0, 1)");
        }
      }
      try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, user_name_key,"
                      + " display_name, active, account_state, account_state_at, attributes,"
                      + " created_at, last_modified, version)"
                      + " VALUES (?, 't', ?, ?, ?, ?, TRUE, 'active', 0, '{}', 0, 0, 1)");
          PreparedStatement m =
              c.prepareStatement(
                  "INSERT INTO group_member (tenant_id, group_id, user_id, added_at)"
                      + " VALUES ('t', ?, ?, 0)")) {
        for (int i = 0; i < 4_000; i++) {
          String id = String.format("u%05d", i);
          u.setString(1, id);
          u.setString(2, id);
          u.setString(3, id);
          u.setString(4, id);
          u.setString(5, "User " + i);
          u.addBatch();
        }
        u.executeBatch();
        for (int i = 0; i < 4_000; i++) {
          String id = String.format("u%05d", i);
          if (i % 100 < 75) {
            m.setString(1, "large");
            m.setString(2, id);
            m.addBatch();
          }
          if (i % 133 == 0) {
            m.setString(1, "small");
            m.setString(2, id);
            m.addBatch();
          }
        }
        m.executeBatch();
      }
      c.commit();
      for (String table : List.of("SCIM_USER", "GROUP_MEMBER")) {
        try (CallableStatement s =
            c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
          s.setString(1, c.getSchema());
          s.setString(2, table);
          s.execute();
        }
      }
      DerbyPlans.record(c);
      List<String> names = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(SQL)) {
        p.setString(1, "t");
        p.setString(2, "small");
        p.setString(3, "");
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(2));
          }
        }
      }
      String plan = DerbyPlans.last(c);
      c.commit();
      assertEquals(31, names.size());
      assertEquals("User 0", names.get(0));
      assertFalse(plan.contains("Table Scan"), "scans a table:\n" + plan);
      assertFalse(plan.contains("Hash"), "hash join over a table:\n" + plan);
      int user = plan.indexOf("ResultSet for SCIM_USER");
      assertTrue(user >= 0, plan);
      assertTrue(plan.substring(user).contains("using constraint"), "not by primary key:\n" + plan);
      java.util.regex.Matcher visited =
          java.util.regex.Pattern.compile("Number of rows visited=(\\d+)")
              .matcher(plan.substring(user));
      assertTrue(visited.find(), plan);
      assertEquals(31, Integer.parseInt(visited.group(1)), "user rows read:\n" + plan);
    }
  }
}
