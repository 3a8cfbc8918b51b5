package co.softdrive.scim.query;

import co.softdrive.scim.persistence.MemoryDatabase;
import co.softdrive.scim.persistence.OutsideContainer;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The data the filter plan tests run on, on any database with the real schema: tenant {@code t} and
 * seven others ({@link #TENANTS}), each with 3,000 users ({@code t-u0}...), 20 groups ({@code
 * t-g0}...) and one membership per user. In tenant {@code t} two users are rare ({@code t-u17} and
 * {@code t-u2900}): title {@code chief}, department {@code audit}, phone {@code +1 555 0199} twice
 * (one element typed work), a work address in {@code oslo}, the e-mail {@code boss@example.com}
 * twice, displayName {@code the boss}, and the only members of {@code t-g19} ({@code group19});
 * everyone else is an engineer in sales with a work address in paris.
 */
final class PlanTenant {
  static final int USERS = 3000;
  static final int GROUPS = 500;

  /**
   * Tenant {@code t}, then the others of the database: with {@code t} a small share of each table,
   * as on a server of many customers, the databases' optimizers choose the plans they would choose
   * there (with two tenants, a test that most of {@code t}'s rows pass read the whole table).
   */
  static final List<String> TENANTS = List.of("t", "other", "o2", "o3", "o4", "o5", "o6", "o7");

  /** Rows of {@code scim_user_value} per user (the rare users have one more). */
  static final int VALUES_PER_USER = 7;

  private PlanTenant() {}

  /** Fills the database and commits. */
  static void seed(Connection c) throws Exception {
    c.setAutoCommit(false);
    for (String tenant : TENANTS) {
      MemoryDatabase.addTenant(c, tenant);
    }
    try (PreparedStatement u =
            c.prepareStatement(
                "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, user_name_key,"
                    + " display_name, display_name_ci, active, account_state, account_state_at,"
                    + " attributes, created_at, last_modified, version) VALUES (?, ?, ?, ?, ?, ?,"
                    + " ?, TRUE, 'ACTIVE', 0, '{}', ?, 0, 1)");
        PreparedStatement v =
            c.prepareStatement(
                "INSERT INTO scim_user_value (tenant_id, user_id, attr, pos, sub, val)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement g =
            c.prepareStatement(
                "INSERT INTO scim_group (id, tenant_id, display_name, display_name_ci,"
                    + " display_name_key, attributes, member_count, created_at, last_modified,"
                    + " version) VALUES (?, ?, ?, ?, ?, '{}', 0, 0, 0, 1)");
        PreparedStatement e =
            c.prepareStatement(
                "INSERT INTO scim_user_email (tenant_id, user_id, pos, value_ci, is_primary)"
                    + " VALUES (?, ?, ?, ?, FALSE)");
        PreparedStatement m =
            c.prepareStatement(
                "INSERT INTO group_member (tenant_id, group_id, user_id, added_at)"
                    + " VALUES (?, ?, ?, 0)")) {
      for (String tenant : TENANTS) {
        for (int i = 0; i < USERS; i++) {
          String id = tenant + "-u" + i;
          boolean rare = tenant.equals("t") && (i == 17 || i == 2900);
          u.setString(1, id);
          u.setString(2, tenant);
          u.setString(3, "user" + i);
          u.setString(4, "user" + i);
          u.setString(5, "user" + i);
          u.setString(6, rare ? "The Boss" : "User " + i);
          u.setString(7, rare ? "the boss" : "user " + i);
          u.setLong(8, i);
          u.addBatch();
          for (int pos = 0; pos < (rare ? 2 : 1); pos++) {
            // the rare users have the address twice: still listed once
            e.setString(1, tenant);
            e.setString(2, id);
            e.setInt(3, pos);
            e.setString(4, rare ? "boss@example.com" : "user" + i + "@example.com");
            e.addBatch();
          }
          value(v, tenant, id, "title", 0, "", rare ? "chief" : "engineer");
          value(v, tenant, id, "enterprise:department", 0, "", rare ? "audit" : "sales");
          value(v, tenant, id, "phonenumbers", 0, "value", rare ? "+1 555 0199" : "+1 555 " + i);
          value(v, tenant, id, "phonenumbers", 0, "type", "work");
          if (rare) {
            // a second element with the same value: the user still matches once
            value(v, tenant, id, "phonenumbers", 1, "value", "+1 555 0199");
          }
          value(v, tenant, id, "addresses", 0, "type", "work");
          value(v, tenant, id, "addresses", 0, "locality", rare ? "oslo" : "paris");
        }
        for (int k = 0; k < GROUPS; k++) {
          String gid = tenant + "-g" + k;
          g.setString(1, gid);
          g.setString(2, tenant);
          g.setString(3, "group" + k);
          g.setString(4, "group" + k);
          g.setString(5, "group" + k);
          g.addBatch();
        }
        u.executeBatch();
        g.executeBatch();
        v.executeBatch();
        e.executeBatch();
        for (int i = 0; i < USERS; i++) {
          m.setString(1, tenant);
          m.setString(2, tenant + "-g" + (i == 17 || i == 2900 ? 19 : i % 19));
          m.setString(3, tenant + "-u" + i);
          m.addBatch();
        }
        m.executeBatch();
      }
    }
    c.commit();
  }

  private static void value(
      PreparedStatement v, String tenant, String user, String attr, int pos, String sub, String val)
      throws Exception {
    v.setString(1, tenant);
    v.setString(2, user);
    v.setString(3, attr);
    v.setInt(4, pos);
    v.setString(5, sub);
    v.setString(6, val);
    v.addBatch();
  }

  /** The service's persistence unit on {@code ds}, outside a container. */
  static EntityManagerFactory entityManagers(DataSource ds) {
    return OutsideContainer.entityManagers(ds);
  }
}
