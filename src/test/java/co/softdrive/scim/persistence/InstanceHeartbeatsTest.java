package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat table on an in-memory Derby migrated like production: instances count each other
 * without any per-request write, and a silent instance stops counting after its time-to-live.
 */
class InstanceHeartbeatsTest {
  static final long TTL = 30_000;
  static EmbeddedDataSource db;

  @BeforeAll
  static void migratedDatabase() throws SQLException {
    System.setProperty("derby.stream.error.file", "target/derby-unit.log");
    db = new EmbeddedDataSource();
    db.setDatabaseName("memory:live-instances");
    db.setCreateDatabase("create");
    Migrations.migrate(db);
  }

  @Test
  void instancesSeeEachOtherAndASilentOneExpires() throws SQLException {
    try (Connection c = db.getConnection()) {
      c.createStatement().executeUpdate("DELETE FROM instance_heartbeat");
      assertEquals(1, InstanceHeartbeats.beat(c, "a", 0, TTL), "alone");
      assertEquals(2, InstanceHeartbeats.beat(c, "b", 1_000, TTL), "b sees a");
      assertEquals(
          2, InstanceHeartbeats.beat(c, "a", 10_000, TTL), "a sees b; its own row is updated");
      assertEquals(3, InstanceHeartbeats.beat(c, "c", 20_000, TTL));
      // b falls silent (crash): after its time-to-live the others count without it.
      assertEquals(
          3, InstanceHeartbeats.beat(c, "a", 31_000, TTL), "b's last beat is exactly 30 s old");
      assertEquals(2, InstanceHeartbeats.beat(c, "c", 31_001, TTL), "b expired");
      assertEquals(2, InstanceHeartbeats.beat(c, "a", 40_000, TTL));
    }
  }
}
