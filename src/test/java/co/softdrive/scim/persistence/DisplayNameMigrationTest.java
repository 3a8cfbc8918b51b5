package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Migration V11 copies stored users' displayName into {@code scim_user.display_name}. */
class DisplayNameMigrationTest {

  @Test
  void existingUsersGetTheirDisplayNameAsSentAndOthersNone() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migratedTo(10)) {
      String tenant = tenant(db.dataSource());
      String named =
          user(db.dataSource(), tenant, "{\"userName\":\"a\",\"displayName\":\"Ann É\"}");
      String unnamed = user(db.dataSource(), tenant, "{\"userName\":\"b\"}");
      String tooLong =
          user(
              db.dataSource(),
              tenant,
              "{\"userName\":\"c\",\"displayName\":\"" + "x".repeat(513) + "\"}");

      Migrations.migrate(db.dataSource());

      assertEquals("Ann É", displayName(db.dataSource(), named));
      assertNull(displayName(db.dataSource(), unnamed));
      assertNull(displayName(db.dataSource(), tooLong));
    }
  }

  @Test
  void unreadableJsonGivesNoDisplayName() {
    assertNull(DisplayNameFill.displayName("{not json"));
    assertNull(DisplayNameFill.displayName("[]"));
    assertEquals("D", DisplayNameFill.displayName("{\"displayName\":\"D\"}"));
  }

  private static String tenant(DataSource ds) throws SQLException {
    String id = UUID.randomUUID().toString();
    MemoryDatabase.addTenant(ds, id);
    return id;
  }

  private static String user(DataSource ds, String tenant, String json) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, active,"
                    + " account_state, account_state_at, attributes, created_at, last_modified,"
                    + " version) VALUES (?, ?, ?, ?, TRUE, 'active', 0, ?, 0, 0, 1)")) {
      ps.setString(1, id);
      ps.setString(2, tenant);
      ps.setString(3, id);
      ps.setString(4, id);
      ps.setString(5, json);
      ps.executeUpdate();
    }
    return id;
  }

  private static String displayName(DataSource ds, String id) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT display_name FROM scim_user WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
