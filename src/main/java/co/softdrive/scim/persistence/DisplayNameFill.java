package co.softdrive.scim.persistence;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Migration V11's {@code FILL USER DISPLAY NAMES}: copies every stored user's {@code displayName}
 * out of its JSON into {@code scim_user.display_name}, in batches, on the migration's connection.
 */
final class DisplayNameFill {
  private static final int BATCH = 500;

  private DisplayNameFill() {}

  /** Fills the column of every user that has a display name; returns how many were filled. */
  static int fill(Connection c) throws SQLException {
    int filled = 0;
    try (PreparedStatement select =
            c.prepareStatement("SELECT tenant_id, id, attributes FROM scim_user");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE scim_user SET display_name = ? WHERE tenant_id = ? AND id = ?")) {
      select.setFetchSize(BATCH);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String name = displayName(rs.getString(3));
          if (name == null) {
            continue;
          }
          update.setString(1, name);
          update.setString(2, rs.getString(1));
          update.setString(3, rs.getString(2));
          update.addBatch();
          if (++filled % BATCH == 0) {
            update.executeBatch();
          }
        }
      }
      update.executeBatch();
    }
    return filled;
  }

  /**
   * The top-level {@code displayName} of stored user JSON, or null (none, too long, unreadable).
   */
  static String displayName(String json) {
    if (json == null) {
      return null;
    }
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      JsonValue v = r.readValue();
      if (v instanceof JsonObject o && o.get("displayName") instanceof JsonString s) {
        String name = s.getString();
        return name.length() <= UserEntity.DISPLAY_NAME_LENGTH ? name : null;
      }
    } catch (RuntimeException e) {
      return null; // unreadable JSON keeps no display name; the user's next write sets it
    }
    return null;
  }
}
