package co.softdrive.scim.it.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the test database unavailable to the running server, as a database outage would: no new
 * connections are admitted ({@code ALLOW_CONNECTIONS false}) and every open one is terminated.
 * Works through the {@code postgres} maintenance database; {@link #close()} lets connections in
 * again.
 */
final class PostgresOutage implements AutoCloseable {
  private final String database;

  private PostgresOutage(String database) {
    this.database = database;
  }

  static PostgresOutage begin(String database) throws SQLException {
    PostgresOutage outage = new PostgresOutage(database);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS false");
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
        ps.setString(1, database);
        ps.executeQuery().close();
      }
    }
    return outage;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS true");
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/postgres",
        System.getenv().getOrDefault("SCIM_DB_USER", "postgres"),
        System.getenv().getOrDefault("SCIM_DB_PASSWORD", ""));
  }
}
