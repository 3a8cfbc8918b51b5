package co.softdrive.scim.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL differences between the two supported databases (embedded Derby, PostgreSQL): the
 * migrations' column types, and the few statements written per database by code that needs a
 * database's own feature.
 */
public enum Dialect {
  DERBY("CLOB"),
  POSTGRES("TEXT");

  private final String clob;

  Dialect(String clob) {
    this.clob = clob;
  }

  String apply(String sql) {
    return sql.replace("${clob}", clob);
  }

  /** The service's one data source: its dialect, read from connection metadata only once. */
  private static volatile Dialect deployed;

  /**
   * The dialect of the service's data source, for code that runs on every request (a metadata call
   * per statement is a round trip on PostgreSQL).
   */
  public static Dialect of(Connection c) throws SQLException {
    Dialect d = deployed;
    if (d == null) {
      d = of(c.getMetaData());
      deployed = d;
    }
    return d;
  }

  public static Dialect of(DatabaseMetaData md) throws SQLException {
    String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.contains("postgres") ? POSTGRES : DERBY;
  }
}
