package co.softdrive.scim.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks for secrets where they must never be: every text column of the database, the logs. */
public final class SecretScan {
  private SecretScan() {}

  /** Places (file names) under the server's logs directory that contain {@code secret}. */
  public static List<String> inLogs(String secret) throws IOException {
    List<String> hits = new ArrayList<>();
    Path logs = ServerControl.serverDir().resolve("logs");
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        if (text.contains(secret)) {
          hits.add(f.toString());
        }
      }
    }
    return hits;
  }

  /** Table.column names whose values contain {@code secret}, over every table of the schema. */
  public static List<String> inDatabase(Connection c, String secret) throws SQLException {
    List<String> hits = new ArrayList<>();
    DatabaseMetaData md = c.getMetaData();
    List<String> tables = new ArrayList<>();
    String schema = ItConfig.dbKind().equals("postgres") ? "public" : "APP";
    try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    for (String table : tables) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            String v = rs.getString(i);
            if (v != null && v.contains(secret)) {
              hits.add(table + "." + rs.getMetaData().getColumnName(i));
            }
          }
        }
      }
    }
    return hits;
  }

  /** A JDBC connection to the test database (Derby only while the server is stopped). */
  public static Connection connect() throws SQLException {
    if (ItConfig.dbKind().equals("postgres")) {
      return DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("it.pg.database", "softdrive_scim_it"),
          System.getenv().getOrDefault("SCIM_DB_USER", "postgres"),
          System.getenv().getOrDefault("SCIM_DB_PASSWORD", ""));
    }
    return DriverManager.getConnection(
        "jdbc:derby:" + System.getProperty("it.data.dir") + "/derby/scim");
  }

  /** Releases embedded Derby so the server can open it again. */
  public static void shutdownDerby() {
    if (ItConfig.dbKind().equals("postgres")) {
      return;
    }
    try {
      DriverManager.getConnection("jdbc:derby:" + System.getProperty("it.data.dir") + "/derby/scim;shutdown=true");
    } catch (SQLException expected) {
      // Derby reports a successful shutdown as an exception (SQLState 08006).
    }
  }
}
