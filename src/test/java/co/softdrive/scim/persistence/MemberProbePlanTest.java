package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which of a batch of users are already members of a group is read by key, not by reading the
 * group: the rows Derby visits grow with the batch, never with the group's size.
 */
class MemberProbePlanTest {
  private static final int MEMBERS = 5000;
  private static MemoryDatabase db;

  @BeforeAll
  static void seed() throws Exception {
    db = MemoryDatabase.migrated();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO tenant (id, name, name_ci, status, created_at, updated_at,"
                + " retention_days, group_policy, version) VALUES ('t', 't', 't', 'ACTIVE', 0, 0,"
                + " 30, 'keep', 0)");
        s.executeUpdate(
            "INSERT INTO scim_group (id, tenant_id, display_name, display_name_ci,"
                + " display_name_key, attributes, member_count, created_at, last_modified,"
                + " version) VALUES ('g', 't', 'g', 'g', 'g', '{}', 0, 0, 0, 1)");
      }
      try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, user_name_key,"
                      + " active, account_state, account_state_at, attributes, created_at,"
                      + " last_modified, version) VALUES (?, 't', ?, ?, ?, TRUE, 'ACTIVE', 0, '{}',"
                      + " 0, 0, 1)");
          PreparedStatement m =
              c.prepareStatement(
                  "INSERT INTO group_member (tenant_id, group_id, user_id, added_at)"
                      + " VALUES ('t', 'g', ?, 0)")) {
        for (int i = 0; i < MEMBERS + 50; i++) {
          String id = String.format("u%05d", i);
          u.setString(1, id);
          u.setString(2, id);
          u.setString(3, id);
          u.setString(4, id);
          u.addBatch();
          if (i < MEMBERS) {
            m.setString(1, id);
            m.addBatch();
          }
        }
        u.executeBatch();
        m.executeBatch();
      }
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'GROUP_MEMBER', NULL)");
      }
      c.commit();
    }
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void probesTheKeyOncePerIdWhateverTheGroupsSize() throws Exception {
    // 25 members spread over the group (first, middle, last) and 25 non-members
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(String.format("u%05d", i * (MEMBERS / 25) + (i == 24 ? MEMBERS / 25 - 1 : 0)));
      batch.add(String.format("u%05d", MEMBERS + i));
    }
    try (Connection c = db.dataSource().getConnection()) {
      DerbyPlans.record(c);
      Set<String> found = MembershipRepository.existingMembers(c, "t", "g", batch);
      String plan = DerbyPlans.last(c);
      assertEquals(
          Set.copyOf(batch.stream().filter(id -> id.compareTo("u05000") < 0).toList()), found);
      // the last probe's plan: one key lookup that visits at most the row it looks for
      assertFalse(plan.contains("Table Scan"), plan);
      Matcher visited = Pattern.compile("Number of rows visited=(\\d+)").matcher(plan);
      assertTrue(visited.find(), plan);
      assertTrue(Integer.parseInt(visited.group(1)) <= 1, plan);
      assertTrue(plan.contains("constraint") || plan.contains("index"), plan);
    }
  }

  /** Why Derby gets one statement per id: the same question as one IN list reads the group. */
  @Test
  void anInListAfterTheTenantAndGroupReadsTheWholeGroupOnDerby() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      DerbyPlans.record(c);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT user_id FROM group_member WHERE tenant_id = 't' AND group_id = 'g'"
                  + " AND user_id IN (?, ?, ?, ?)")) {
        ps.setString(1, "u00000");
        ps.setString(2, "u02500");
        ps.setString(3, "u04999");
        ps.setString(4, "u05001");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getString(1);
          }
        }
      }
      String plan = DerbyPlans.last(c);
      Matcher visited = Pattern.compile("Number of rows visited=(\\d+)").matcher(plan);
      assertTrue(visited.find(), plan);
      assertTrue(Integer.parseInt(visited.group(1)) >= MEMBERS / 2, plan);
    }
  }
}
