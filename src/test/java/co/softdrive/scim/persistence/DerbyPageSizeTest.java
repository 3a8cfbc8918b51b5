package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Embedded Derby creates the schema's tables and indexes with 32 KB pages ({@link DerbyPageSize}),
 * and a database created before keeps what it has but gets them for what is created from then on.
 */
class DerbyPageSizeTest {

  @Test
  void aNewDatabaseHasEveryTableAndIndexOnThirtyTwoKilobytePages() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated()) {
      Map<String, Integer> pages = pageSizes(db);
      for (String hot :
          new String[] {
            "SCIM_USER",
            "SCIM_USER/IX_USER_CREATED",
            "SCIM_USER_EMAIL/IX_EMAIL_VALUE",
            "SCIM_USER_VALUE/IX_USER_VALUE",
            "GROUP_MEMBER/IX_MEMBER_USER",
            "ACCOUNT_AUDIT/IX_AUDIT_ACTION",
            "SCIM_ACTIVITY/IX_ACTIVITY_RESOURCE",
            "CHANGE_EVENT/IX_EVENT_TENANT"
          }) {
        assertTrue(pages.containsKey(hot), hot + " in " + pages.keySet());
      }
      pages.forEach((conglomerate, size) -> assertEquals(32768, size, conglomerate));
    }
  }

  @Test
  void aDatabaseCreatedBeforeKeepsItsPagesAndGetsLargeOnesForWhatComesNext() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migratedTo(14)) {
      // As the previous release left it: no page size of its own.
      db.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', NULL)");
      try (Connection c = db.dataSource().getConnection()) {
        assertNull(DerbyPageSize.current(c));
      }
      db.execute("CREATE TABLE before_upgrade (id INT NOT NULL PRIMARY KEY)");

      Migrations.migrate(db.dataSource());
      db.execute("CREATE TABLE after_upgrade (id INT NOT NULL PRIMARY KEY)");

      try (Connection c = db.dataSource().getConnection()) {
        assertEquals("32768", DerbyPageSize.current(c));
      }
      Map<String, Integer> pages = pageSizes(db);
      assertEquals(4096, pages.get("BEFORE_UPGRADE"));
      assertEquals(32768, pages.get("AFTER_UPGRADE"));
    }
  }

  /** "TABLE" or "TABLE/INDEX" → page size, for every user table's conglomerates. */
  private static Map<String, Integer> pageSizes(MemoryDatabase db) throws SQLException {
    Map<String, Integer> sizes = new TreeMap<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.tablename, s.conglomeratename, s.isindex, s.pagesize"
                    + " FROM SYS.SYSTABLES t, TABLE (SYSCS_DIAG.SPACE_TABLE(t.tablename)) s"
                    + " WHERE t.tabletype = 'T'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(1);
        String name = rs.getShort(3) != 0 ? table + "/" + rs.getString(2) : table;
        sizes.put(name, rs.getInt(4));
      }
    }
    return sizes;
  }
}
