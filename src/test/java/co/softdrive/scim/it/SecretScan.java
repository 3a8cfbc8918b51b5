package co.softdrive.scim.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Looks for secrets where they must never be: every value of every table of the database, every
 * file under the server's logs directory (messages, console, trace, FFDC), and any text a test
 * captured (response bodies, console pages, metrics). One pass over each place checks every secret,
 * so a large database is read once.
 */
public final class SecretScan {
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final Map<String, Set<String>> found = new LinkedHashMap<>();
  private final Map<String, Set<String>> allowed = new LinkedHashMap<>();
  private int places;

  /**
   * Adds a secret to look for under a label that names it in failure messages, with the places
   * where it belongs (e.g. a token's hash in {@code api_token.secret_hash}).
   */
  public SecretScan secret(String label, String value, String... allowedPlaces) {
    if (value == null || value.length() < 8) {
      throw new IllegalArgumentException("too short to scan for without false hits: " + label);
    }
    secrets.put(label, value);
    found.put(label, new TreeSet<>());
    allowed.put(label, Set.of(allowedPlaces));
    return this;
  }

  /** Checks one place's text for every secret. */
  public void scan(String place, String text) {
    places++;
    check(place, text);
  }

  private void check(String place, String text) {
    if (text == null) {
      return;
    }
    secrets.forEach(
        (label, value) -> {
          if (text.contains(value)) {
            found.get(label).add(place);
          }
        });
  }

  /** Where the secret with this label was found (sorted; empty when nowhere). */
  public Set<String> where(String label) {
    return found.get(label);
  }

  /** Every secret found where it does not belong, with those places; empty when nothing leaked. */
  public Map<String, Set<String>> leaks() {
    Map<String, Set<String>> leaks = new LinkedHashMap<>();
    found.forEach(
        (label, where) -> {
          Set<String> wrong = new TreeSet<>(where);
          wrong.removeAll(allowed.get(label));
          if (!wrong.isEmpty()) {
            leaks.put(label, wrong);
          }
        });
    return leaks;
  }

  public int secretCount() {
    return secrets.size();
  }

  /** How many places (texts, log files, table columns) were checked so far. */
  public int placesScanned() {
    return places;
  }

  /** Scans every regular file under the server's logs directory; returns their names. */
  public List<String> logs() throws IOException {
    Path logs = ServerControl.serverDir().resolve("logs");
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(logs)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = logs.relativize(f).toString();
        files.add(name);
        scan("log " + name, new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /**
   * Scans every value of every table of the application's schema, read as text (each column is one
   * place); a hit is named {@code table.column} in lower case. Returns what was read.
   */
  public DatabaseRead database(Connection c) throws SQLException {
    List<String> tables = tables(c);
    int before = places;
    long values = 0;
    for (String table : tables) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData md = rs.getMetaData();
        String[] columns = new String[md.getColumnCount() + 1];
        for (int i = 1; i < columns.length; i++) {
          columns[i] = (table + "." + md.getColumnName(i)).toLowerCase(Locale.ROOT);
        }
        places += columns.length - 1;
        while (rs.next()) {
          for (int i = 1; i < columns.length; i++) {
            values++;
            check(columns[i], rs.getString(i));
          }
        }
      }
    }
    return new DatabaseRead(tables.size(), places - before, values);
  }

  /** How much of the database a scan read. */
  public record DatabaseRead(int tables, int columns, long values) {}

  /** The application's tables (the migrations' schema). */
  private static List<String> tables(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> tables = new ArrayList<>();
    String schema = ItConfig.dbKind().equals("postgres") ? "public" : "APP";
    try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  /** A JDBC connection to the test database (Derby only while the server is stopped). */
  public static Connection connect() throws SQLException {
    if (ItConfig.dbKind().equals("postgres")) {
      return DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:5432/"
              + System.getProperty("it.pg.database", "softdrive_scim_it"),
          System.getenv().getOrDefault("SCIM_DB_USER", "postgres"),
          System.getenv().getOrDefault("SCIM_DB_PASSWORD", ""));
    }
    // Embedded Derby in this JVM logs to target/, not to derby.log in the working tree.
    System.setProperty("derby.stream.error.file", "target/derby-it-client.log");
    return DriverManager.getConnection(
        "jdbc:derby:" + System.getProperty("it.data.dir") + "/derby/scim");
  }

  /** Releases embedded Derby so the server can open it again. */
  public static void shutdownDerby() {
    if (ItConfig.dbKind().equals("postgres")) {
      return;
    }
    try {
      DriverManager.getConnection(
          "jdbc:derby:" + System.getProperty("it.data.dir") + "/derby/scim;shutdown=true");
    } catch (SQLException expected) {
      // Derby reports a successful shutdown as an exception (SQLState 08006).
    }
  }
}
