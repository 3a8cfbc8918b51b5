package co.softdrive.scim.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<name>.sql} applied in order, each once,
 * recorded in {@code schema_version}. Runs at start-up before any request is served.
 *
 * <p>Safe with several instances starting at once: the runner takes an exclusive table lock on
 * {@code schema_version} (Derby and PostgreSQL both support {@code LOCK TABLE ... IN EXCLUSIVE
 * MODE}) and applies each migration in its own transaction (both databases have transactional DDL),
 * so a crash mid-migration leaves the previous version intact.
 *
 * <p>Rolling upgrades (docs/operations.md): migrations only ever add (expand), so a build keeps
 * serving when the database holds versions it does not know, applied by a newer release running
 * beside it. Removing what an older release still reads (contract) happens one release later, in a
 * migration that declares {@code -- compatible-from: <version>} on a line of its own: the oldest
 * migration a build must know to work on the schema from then on. A build that knows less reports
 * {@link SchemaStatus#usable()} false and stays unready instead of failing on a missing column.
 *
 * <p>Longer than most classes because it is one procedure: lock, read what is applied, check
 * compatibility, apply each missing file with its placeholders and its Java fill step, record it.
 */
public final class Migrations {
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  /** Every migration, in order. Add new files here; never edit an applied one. */
  static final List<String> FILES =
      List.of(
          "V1__baseline.sql",
          "V2__activity.sql",
          "V3__lifecycle.sql",
          "V4__limits.sql",
          "V5__schema_compatibility.sql",
          "V7__event_sequencer.sql",
          "V8__no_cascading_deletes.sql",
          "V9__guard_window_index.sql",
          "V10__name_keys.sql",
          "V11__user_display_name.sql",
          "V12__user_values.sql",
          "V13__support_views.sql",
          "V14__fewer_index_entries.sql");

  /** The migration that added the comparison keys of userNames and group displayNames. */
  static final int NAME_KEYS = 10;

  /**
   * {@code FILL NAME KEYS}: computes the comparison keys of users and groups in Java ({@link
   * NameKeyFill}); SQL has no NFKC or case fold that both databases share.
   */
  private static final String FILL_NAME_KEYS = "FILL NAME KEYS";

  /**
   * {@code FILL USER VALUES}: writes the filterable values of the users already stored into {@code
   * scim_user_value} ({@link UserValueFill}), reading their JSON in Java.
   */
  private static final String FILL_USER_VALUES = "FILL USER VALUES";

  /**
   * {@code FILL USER DISPLAY NAMES}: users' display names out of their JSON ({@link
   * DisplayNameFill}).
   */
  private static final String FILL_DISPLAY_NAMES = "FILL USER DISPLAY NAMES";

  /**
   * {@code DROP FOREIGN KEY <table> (<column>)}: drops the foreign key of that one column, whatever
   * name the database gave it (V1 declared its foreign keys inline, without names, and Derby and
   * PostgreSQL name them differently). Nothing to drop is not an error.
   */
  private static final Pattern DROP_FOREIGN_KEY =
      Pattern.compile("^DROP FOREIGN KEY (\\w+) \\((\\w+)\\)$", Pattern.CASE_INSENSITIVE);

  /**
   * {@code DROP PRIMARY KEY <table>}: drops the table's primary key constraint, whatever name the
   * database gave it (declared inline, it has the database's own name). No key is not an error.
   */
  private static final Pattern DROP_PRIMARY_KEY =
      Pattern.compile("^DROP PRIMARY KEY (\\w+)$", Pattern.CASE_INSENSITIVE);

  /**
   * {@code DROP INDEX IF EXISTS <index> ON <table>}: drops the index when the table has it (Derby
   * has no {@code IF EXISTS}, and an index may exist on one database only).
   */
  private static final Pattern DROP_INDEX_IF_EXISTS =
      Pattern.compile("^DROP INDEX IF EXISTS (\\w+) ON (\\w+)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern COMPATIBLE_FROM =
      Pattern.compile("^--\\s*compatible-from:\\s*(\\d+)\\s*$", Pattern.MULTILINE);

  private Migrations() {}

  /**
   * Applies what is missing; returns what was applied and whether this build may use the schema.
   * Then fills the name comparison keys that an instance of the previous release left out of the
   * users and groups it inserted during a rolling upgrade ({@link NameKeyFill}).
   */
  public static SchemaStatus migrate(DataSource dataSource) throws SQLException {
    SchemaStatus status = migrate(dataSource, Integer.MAX_VALUE);
    if (status.usable() && status.database() >= NAME_KEYS) {
      fillMissingNameKeys(dataSource);
    }
    return status;
  }

  private static void fillMissingNameKeys(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        NameKeyFill.Result r = NameKeyFill.fillMissing(c);
        c.commit();
        if (r.filled() > 0) {
          LOG.log(
              Level.INFO,
              "Filled the name comparison keys of {0} users and groups written by a previous"
                  + " release ({1} look-alike duplicates)",
              new Object[] {r.filled(), r.collisions()});
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Applies the missing migrations up to version {@code upTo} (tests start from older schemas). */
  static SchemaStatus migrate(DataSource dataSource, int upTo) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(c.getMetaData());
      c.setAutoCommit(true);
      if (dialect == Dialect.DERBY) {
        DerbyPageSize.apply(c);
      }
      ensureVersionTable(c);
      c.setAutoCommit(false);
      List<Integer> applied = new ArrayList<>();
      try {
        lock(c);
        Set<Integer> done = appliedVersions(c);
        for (String file : FILES) {
          int version = versionOf(file);
          if (done.contains(version) || version > upTo) {
            continue;
          }
          for (String statement : statements(file, dialect)) {
            execute(c, statement);
          }
          record(c, file);
          applied.add(version);
          LOG.log(Level.INFO, "Applied schema migration {0}", file);
        }
        SchemaStatus status = status(c, applied);
        c.commit();
        return status;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void execute(Connection c, String statement) throws SQLException {
    if (statement.equalsIgnoreCase(FILL_DISPLAY_NAMES)) {
      int filled = DisplayNameFill.fill(c);
      LOG.log(Level.INFO, "Copied the display names of {0} users into their rows", filled);
      return;
    }
    if (statement.equalsIgnoreCase(FILL_NAME_KEYS)) {
      NameKeyFill.Result r = NameKeyFill.fillMissing(c);
      LOG.log(
          Level.INFO,
          "Computed the name comparison keys of {0} users and groups; {1} look-alike duplicates"
              + " kept (see the WARNINGs above and table name_key_collision)",
          new Object[] {r.filled(), r.collisions()});
      return;
    }
    if (statement.equalsIgnoreCase(FILL_USER_VALUES)) {
      long rows = UserValueFill.fill(c);
      LOG.log(Level.INFO, "Indexed {0} filterable values of the users already stored", rows);
      return;
    }
    Matcher dropForeignKey = DROP_FOREIGN_KEY.matcher(statement);
    if (dropForeignKey.matches()) {
      String table = dropForeignKey.group(1);
      for (String name : foreignKeys(c, table, dropForeignKey.group(2))) {
        try (Statement s = c.createStatement()) {
          s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"");
        }
      }
      return;
    }
    Matcher dropPrimaryKey = DROP_PRIMARY_KEY.matcher(statement);
    if (dropPrimaryKey.matches()) {
      String table = dropPrimaryKey.group(1);
      String name = primaryKey(c, table);
      if (name != null) {
        try (Statement s = c.createStatement()) {
          s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"");
        }
      }
      return;
    }
    Matcher dropIndex = DROP_INDEX_IF_EXISTS.matcher(statement);
    if (dropIndex.matches()) {
      String index = dropIndex.group(1);
      if (indexNames(c, dropIndex.group(2)).contains(index.toLowerCase(Locale.ROOT))) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP INDEX " + index);
        }
      }
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static String stored(Connection c, String identifier) throws SQLException {
    return c.getMetaData().storesUpperCaseIdentifiers()
        ? identifier.toUpperCase(Locale.ROOT)
        : identifier.toLowerCase(Locale.ROOT);
  }

  /** The name of {@code table}'s primary key constraint, or null when it has none. */
  static String primaryKey(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, c.getSchema(), stored(c, table))) {
      return rs.next() ? rs.getString("PK_NAME") : null;
    }
  }

  /** The names of {@code table}'s indexes, lower-cased. */
  static Set<String> indexNames(Connection c, String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet rs =
        c.getMetaData().getIndexInfo(null, c.getSchema(), stored(c, table), false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name != null) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  /** Names of the foreign keys of {@code table} made of {@code column} alone. */
  static List<String> foreignKeys(Connection c, String table, String column) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    boolean upper = md.storesUpperCaseIdentifiers();
    String t = upper ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
    Map<String, List<String>> columnsByKey = new LinkedHashMap<>();
    try (ResultSet rs = md.getImportedKeys(null, c.getSchema(), t)) {
      while (rs.next()) {
        columnsByKey
            .computeIfAbsent(rs.getString("FK_NAME"), k -> new ArrayList<>())
            .add(rs.getString("FKCOLUMN_NAME"));
      }
    }
    List<String> names = new ArrayList<>();
    columnsByKey.forEach(
        (name, columns) -> {
          if (columns.size() == 1 && columns.get(0).equalsIgnoreCase(column)) {
            names.add(name);
          }
        });
    return names;
  }

  private static void record(Connection c, String file) throws SQLException {
    Integer compatibleFrom = compatibleFrom(file);
    try (PreparedStatement ps =
        c.prepareStatement(
            compatibleFrom == null
                ? "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"
                : "INSERT INTO schema_version (version, description, applied_at, compatible_from)"
                    + " VALUES (?, ?, ?, ?)")) {
      ps.setInt(1, versionOf(file));
      ps.setString(2, file);
      ps.setLong(3, System.currentTimeMillis());
      if (compatibleFrom != null) {
        ps.setInt(4, compatibleFrom);
      }
      ps.executeUpdate();
    }
  }

  private static SchemaStatus status(Connection c, List<Integer> applied) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT MAX(version), MAX(compatible_from) FROM schema_version")) {
      rs.next();
      return new SchemaStatus(applied, latestKnown(), rs.getInt(1), rs.getInt(2));
    }
  }

  /** The newest migration this build knows. */
  static int latestKnown() {
    return versionOf(FILES.get(FILES.size() - 1));
  }

  /** The {@code -- compatible-from: <version>} a contract migration declares, or null. */
  static Integer compatibleFrom(String file) {
    return declaredCompatibleFrom(read(file));
  }

  static Integer declaredCompatibleFrom(String sql) {
    Matcher m = COMPATIBLE_FROM.matcher(sql);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static void ensureVersionTable(Connection c) throws SQLException {
    if (tableExists(c, "schema_version")) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY,"
              + " description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
    } catch (SQLException e) {
      // Another instance created it between our check and our CREATE: fine.
      if (!tableExists(c, "schema_version")) {
        throw e;
      }
    }
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void lock(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
    }
  }

  private static Set<Integer> appliedVersions(Connection c) throws SQLException {
    Set<Integer> versions = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  static int versionOf(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }

  /** The statements of one file for one dialect: placeholders replaced, comments dropped. */
  static List<String> statements(String file, Dialect dialect) {
    String sql = read(file);
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.equals(";")) {
        if (!current.toString().isBlank()) {
          result.add(dialect.apply(current.toString().strip()));
        }
        current.setLength(0);
      } else {
        current.append(line).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      result.add(dialect.apply(current.toString().strip()));
    }
    return result;
  }

  private static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read migration " + file, e);
    }
  }
}
