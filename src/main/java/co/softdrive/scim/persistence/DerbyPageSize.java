package co.softdrive.scim.persistence;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Embedded Derby's page size for the tables and indexes the migrations create: 32 KB instead of
 * Derby's default of 4 KB, kept as a property of the database (so it does not depend on the JVM's
 * options) and set before the first migration creates anything. Derby reads it when a table or
 * index is created; what a database already holds keeps the size it was created with.
 *
 * <p>Why: every index key here starts with the 36-character tenant id, so a 4 KB page holds a few
 * dozen entries. An initial cycle adds 25 index entries per user, and with small pages a large part
 * of each insert was splitting full pages and walking one more level of branch pages
 * (docs/benchmarks.md, <i>Derby's page size</i>). PostgreSQL has its own page size and is left
 * alone.
 */
final class DerbyPageSize {
  static final String PROPERTY = "derby.storage.pageSize";

  /** The page size of everything created from now on, in bytes. */
  static final int BYTES = 32768;

  private DerbyPageSize() {}

  /** Sets the database's page size when it is not set yet, or set to another size. */
  static void apply(Connection c) throws SQLException {
    if (String.valueOf(BYTES).equals(current(c))) {
      return;
    }
    try (CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
      s.setString(1, PROPERTY);
      s.setString(2, String.valueOf(BYTES));
      s.execute();
    }
  }

  /** The database's own setting, or null when it has none (Derby then uses 4 KB). */
  static String current(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
      s.setString(1, PROPERTY);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
