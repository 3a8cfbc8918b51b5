package co.softdrive.scim.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The instances sharing the database ({@code instance_heartbeat}: one row per instance, its last
 * beat). Plain JDBC in auto-commit on a connection of its own: a beat runs outside any transaction,
 * each statement is its own short one, and a failed beat must not poison anything.
 */
@ApplicationScoped
public class InstanceHeartbeats {
  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  /**
   * Records {@code instance}'s beat at {@code now}, deletes rows older than {@code ttlMillis}, and
   * returns the number of rows left (at least 1).
   */
  public int beat(String instance, long now, long ttlMillis) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return beat(c, instance, now, ttlMillis);
    }
  }

  /** Deletes {@code instance}'s row (a clean stop). */
  public void leave(String instance) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM instance_heartbeat WHERE instance_id = ?")) {
      delete.setString(1, instance);
      delete.executeUpdate();
    }
  }

  /** {@link #beat(String, long, long)} on {@code c} (auto-commit). */
  static int beat(Connection c, String instance, long now, long ttlMillis) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE instance_heartbeat SET last_seen = ? WHERE instance_id = ?")) {
      update.setLong(1, now);
      update.setString(2, instance);
      if (update.executeUpdate() == 0) {
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO instance_heartbeat (instance_id, last_seen) VALUES (?, ?)")) {
          insert.setString(1, instance);
          insert.setLong(2, now);
          insert.executeUpdate();
        }
      }
    }
    try (PreparedStatement expire =
        c.prepareStatement("DELETE FROM instance_heartbeat WHERE last_seen < ?")) {
      expire.setLong(1, now - ttlMillis);
      expire.executeUpdate();
    }
    try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM instance_heartbeat");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return Math.max(1, rs.getInt(1));
    }
  }
}
