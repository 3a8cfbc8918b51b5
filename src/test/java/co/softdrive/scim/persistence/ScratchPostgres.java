package co.softdrive.scim.persistence;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own, on the PostgreSQL server that {@code -Dtest.pg.url} names (its maintenance
 * database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code test.pg.user} and
 * {@code test.pg.password}), for one test: created empty, dropped afterwards. Tests that use it
 * carry {@link WithPostgres}.
 */
public final class ScratchPostgres {
  private ScratchPostgres() {}

  /** What runs on the scratch database. */
  public interface Test {
    void run(DataSource ds) throws Exception;
  }

  /** Creates {@code <prefix>_<random>}, runs {@code test} on it and drops it. */
  public static void run(String prefix, Test test) throws Exception {
    PGSimpleDataSource admin = admin();
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    execute(admin, "CREATE DATABASE " + name);
    try {
      test.run(database(admin, name));
    } finally {
      execute(admin, "DROP DATABASE " + name);
    }
  }

  /** The server's maintenance database, as {@code -Dtest.pg.*} name it. */
  public static PGSimpleDataSource admin() {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setUrl(System.getProperty("test.pg.url"));
    admin.setUser(System.getProperty("test.pg.user", "postgres"));
    admin.setPassword(System.getProperty("test.pg.password", ""));
    return admin;
  }

  /** Database {@code name} on {@code admin}'s server, with its credentials. */
  public static PGSimpleDataSource database(PGSimpleDataSource admin, String name) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(admin.getUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
    ds.setUser(admin.getUser());
    ds.setPassword(admin.getPassword());
    return ds;
  }

  public static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
