package co.softdrive.scim.persistence;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Fills {@code scim_user_value} from the users already stored (migration V12): reads the users in
 * pages of {@link #PAGE} by primary key (keyset paging, so a large database is never held in memory
 * nor read through one long cursor while it is written), parses each canonical JSON and inserts its
 * rows ({@link UserValues#of}) in JDBC batches.
 */
final class UserValueFill {
  static final int PAGE = 500;

  private UserValueFill() {}

  /** Fills the rows of every user on {@code c}; returns how many rows; the caller commits. */
  static long fill(Connection c) throws SQLException {
    long rows = 0;
    String after = "";
    try (PreparedStatement page =
            c.prepareStatement(
                "SELECT id, tenant_id, attributes FROM scim_user WHERE id > ? ORDER BY id"
                    + " FETCH FIRST "
                    + PAGE
                    + " ROWS ONLY");
        PreparedStatement insert = c.prepareStatement(UserValueRepository.INSERT)) {
      while (true) {
        page.setString(1, after);
        int read = 0;
        try (ResultSet rs = page.executeQuery()) {
          while (rs.next()) {
            read++;
            after = rs.getString(1);
            rows += UserValueRepository.add(insert, rs.getString(2), after, parse(rs.getString(3)));
          }
        }
        insert.executeBatch();
        if (read < PAGE) {
          return rows;
        }
      }
    }
  }

  private static List<UserValues.Row> parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return UserValues.of(r.readObject());
    } catch (RuntimeException e) {
      // A row whose JSON cannot be read has nothing to index; it is served as it was.
      return List.of();
    }
  }
}
