package co.softdrive.scim.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A throw-away embedded Derby database in memory with the real schema (every migration applied),
 * for unit tests of code that is plain JDBC. {@link #close()} drops it.
 */
public final class MemoryDatabase implements AutoCloseable {
  private final String name = "memory:unit-" + UUID.randomUUID();
  private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

  private MemoryDatabase() {
    dataSource.setDatabaseName(name);
    dataSource.setCreateDatabase("create");
  }

  /** A new database, migrated to the newest version this build knows. */
  public static MemoryDatabase migrated() throws SQLException {
    MemoryDatabase db = new MemoryDatabase();
    Migrations.migrate(db.dataSource());
    return db;
  }

  /** A new database with the migrations up to {@code version} only, as an older release left it. */
  static MemoryDatabase migratedTo(int version) throws SQLException {
    MemoryDatabase db = new MemoryDatabase();
    Migrations.migrate(db.dataSource(), version);
    return db;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Adds an active tenant whose id, name and lower-cased name are {@code id}. */
  public void addTenant(String id) throws SQLException {
    addTenant(dataSource, id);
  }

  /** {@link #addTenant(String)} on any database with the schema (Derby or PostgreSQL). */
  public static void addTenant(DataSource ds, String id) throws SQLException {
    try (Connection c = ds.getConnection()) {
      addTenant(c, id);
    }
  }

  /** {@link #addTenant(String)} on a connection, in its transaction if it has one. */
  public static void addTenant(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tenant (id, name, name_ci, status, created_at, updated_at,"
                + " retention_days, group_policy, version)"
                + " VALUES (?, ?, ?, 'ACTIVE', 0, 0, 30, 'keep', 0)")) {
      ps.setString(1, id);
      ps.setString(2, id);
      ps.setString(3, id.toLowerCase(Locale.ROOT));
      ps.executeUpdate();
    }
  }

  /** Runs one statement in auto-commit. */
  public void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName(name);
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a successful drop as SQLState 08006.
    }
  }
}
