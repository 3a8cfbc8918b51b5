package co.softdrive.scim.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Embedded Derby's plan of what a test ran: which index a statement read, and how many rows. */
public final class DerbyPlans {
  private DerbyPlans() {}

  /** From now on Derby keeps the plan, with its counts, of the last statement run on {@code c}. */
  public static void record(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
    }
  }

  /** The plan of the last statement run on {@code c} since {@link #record}. */
  public static String last(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
