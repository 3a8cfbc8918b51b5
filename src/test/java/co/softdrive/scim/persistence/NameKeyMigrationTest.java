package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V10 on a database an older release filled: look-alike userNames and group displayNames
 * that were distinct under lower-casing are all kept, the later ones marked as duplicates, and each
 * collision is reported (a WARNING with ids, never names, and a row in {@code name_key_collision}).
 * Runs on embedded Derby, and on PostgreSQL too when {@code -Dtest.pg.url} names a server's
 * maintenance database (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code
 * test.pg.user} and {@code test.pg.password}); it creates and drops its own database there.
 */
class NameKeyMigrationTest {
  /** The look-alike pairs: the first of each is created first. */
  static final List<List<String>> PAIRS =
      List.of(
          List.of("caf\u00e9", "cafe\u0301"),
          List.of("admin", "\uff41dmin"),
          List.of("\u03c3", "\u03c2"),
          List.of("fi", "\ufb01"));

  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger fillLog = Logger.getLogger(NameKeyFill.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel() == Level.WARNING) {
            warnings.add(r);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureWarnings() {
    fillLog.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    fillLog.removeHandler(capture);
  }

  @Test
  void collisionsOnDerbyAreKeptAndReported() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migratedTo(Migrations.NAME_KEYS - 1)) {
      collisionsAreKeptAndReported(db.dataSource());
    }
  }

  @Test
  @WithPostgres
  void collisionsOnPostgresAreKeptAndReported() throws Exception {
    ScratchPostgres.run(
        "scim_namekey",
        ds -> {
          Migrations.migrate(ds, Migrations.NAME_KEYS - 1);
          collisionsAreKeptAndReported(ds);
        });
  }

  private void collisionsAreKeptAndReported(DataSource ds) throws Exception {
    // A tenant with the four look-alike pairs of users and of groups, created one after the other,
    // and a second tenant with only the later spellings: no collision across tenants.
    String tenant = insertTenant(ds, "a");
    String other = insertTenant(ds, "b");
    Map<String, String> users = new TreeMap<>();
    Map<String, String> groups = new TreeMap<>();
    long at = 1_000;
    for (List<String> pair : PAIRS) {
      for (String name : pair) {
        users.put(insert(ds, "User", tenant, name, at), name);
        groups.put(insert(ds, "Group", tenant, name, at), name);
        at += 10;
      }
      insert(ds, "User", other, pair.get(1), at);
      insert(ds, "Group", other, pair.get(1), at);
    }

    SchemaStatus status = Migrations.migrate(ds, Migrations.NAME_KEYS);

    assertEquals(Migrations.NAME_KEYS, status.applied().get(0));
    List<String> expected = new ArrayList<>();
    for (String type : List.of("User", "Group")) {
      Map<String, String> rows = type.equals("User") ? users : groups;
      for (List<String> pair : PAIRS) {
        String first = idOf(rows, pair.get(0));
        String later = idOf(rows, pair.get(1));
        assertEquals(List.of(NameKey.of(pair.get(0)), ""), keyAndTiebreak(ds, type, first));
        assertEquals(List.of(NameKey.of(pair.get(0)), later), keyAndTiebreak(ds, type, later));
        expected.add(tenant + " " + type + " " + later + " kept " + first);
      }
    }
    assertEquals(sorted(expected), sorted(collisionRows(ds)));
    // The WARNINGs name the tenant and both ids, nothing else.
    assertEquals(sorted(expected), sorted(warned()));
    assertEquals(0, count(ds, "scim_user WHERE user_name_key IS NULL"));
    assertEquals(0, count(ds, "scim_group WHERE display_name_key IS NULL"));
    assertEquals(
        0,
        count(ds, "scim_user WHERE tenant_id = '" + other + "' AND user_name_key_tiebreak <> ''"));

    // The key is unique per tenant now: a look-alike with an empty tiebreak is refused.
    assertThrows(
        SQLException.class,
        () ->
            execute(
                ds,
                "UPDATE scim_user SET user_name_key_tiebreak = '' WHERE id = '"
                    + idOf(users, "\uff41dmin")
                    + "'"));

    // A previous release, still running during the rolling upgrade, inserts a look-alike without
    // a key: the next start-up fills it in and reports it the same way.
    String late = insert(ds, "User", tenant, "\uff21\uff24\uff2d\uff29\uff2e", 5_000);
    String fresh = insert(ds, "User", tenant, "new-user", 5_001);
    warnings.clear();
    // (Migrations after V10 are applied now; V10 is not applied again.)
    assertTrue(Migrations.migrate(ds).applied().stream().allMatch(v -> v > Migrations.NAME_KEYS));
    assertEquals(List.of("admin", late), keyAndTiebreak(ds, "User", late));
    assertEquals(List.of("new-user", ""), keyAndTiebreak(ds, "User", fresh));
    assertEquals(List.of(tenant + " User " + late + " kept " + idOf(users, "admin")), warned());
    assertTrue(
        collisionRows(ds).contains(tenant + " User " + late + " kept " + idOf(users, "admin")));
  }

  private List<String> warned() {
    return warnings.stream()
        .map(w -> MessageFormat.format("{0} {1} {2} kept {3}", w.getParameters()))
        .peek(w -> assertEquals(4, warnings.get(0).getParameters().length))
        .toList();
  }

  private static String idOf(Map<String, String> rows, String name) {
    return rows.entrySet().stream()
        .filter(e -> e.getValue().equals(name))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }

  private static String insertTenant(DataSource ds, String name) throws SQLException {
    String id = UUID.randomUUID().toString();
    MemoryDatabase.addTenant(ds, id);
    return id;
  }

  /** A row as the previous release writes it: the lower-cased name only, no comparison key. */
  private static String insert(DataSource ds, String type, String tenant, String name, long at)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    String sql =
        type.equals("User")
            ? "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, active,"
                + " account_state, account_state_at, attributes, created_at, last_modified,"
                + " version) VALUES (?, ?, ?, ?, TRUE, 'active', 0, '{}', ?, ?, 1)"
            : "INSERT INTO scim_group (id, tenant_id, display_name, display_name_ci, attributes,"
                + " member_count, created_at, last_modified, version)"
                + " VALUES (?, ?, ?, ?, '{}', 0, ?, ?, 1)";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, tenant);
      ps.setString(3, name);
      ps.setString(4, name.toLowerCase(Locale.ROOT));
      ps.setLong(5, at);
      ps.setLong(6, at);
      ps.executeUpdate();
    }
    return id;
  }

  private static List<String> keyAndTiebreak(DataSource ds, String type, String id)
      throws SQLException {
    NameKeyFill.Keyed t = type.equals("User") ? NameKeyFill.USERS : NameKeyFill.GROUPS;
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + t.key()
                    + ", "
                    + t.tiebreak()
                    + " FROM "
                    + t.table()
                    + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), id);
        return List.of(rs.getString(1), rs.getString(2));
      }
    }
  }

  private static List<String> collisionRows(DataSource ds) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tenant_id, resource_type, resource_id, kept_id FROM name_key_collision")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " kept "
                + rs.getString(4));
      }
    }
    return rows;
  }

  private static long count(DataSource ds, String fromWhere) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + fromWhere)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
