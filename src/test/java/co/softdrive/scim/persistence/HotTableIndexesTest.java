package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The indexes and foreign keys of the tables every provisioned user or membership writes to are
 * exactly the intended ones, each with the reason it is there: every row adds an entry to each
 * index of its table (on embedded Derby a B-tree search and insert in the server's process) and
 * every foreign key probes its parent's index. Adding one here needs a reader that cannot do
 * without it. Runs on embedded Derby, and on PostgreSQL too when {@code -Dtest.pg.url} names a
 * server's maintenance database (it creates and drops its own database there).
 */
class HotTableIndexesTest {

  /** table → index (its columns, "unique" when it is) → who reads it. */
  static final Map<String, Map<String, String>> INTENDED = new LinkedHashMap<>();

  static {
    INTENDED.put(
        "scim_user",
        Map.of(
            "(id) unique",
            "primary key: JPA's finds and updates by id, Users.existing and displayNames (an IN list"
                + " of ids probed per id; docs/benchmarks.md)",
            "(tenant_id, user_name_key, user_name_key_tiebreak) unique",
            "ux_user_name_key: userName uniqueness, the userName filters (Entra's eq lookup) and"
                + " sortBy=userName",
            "(tenant_id, id) unique",
            "uq_user_tenant_id: the key group_member's foreign key refers to",
            "(tenant_id, external_id)",
            "ix_user_external_id: externalId filters and the console's search",
            "(tenant_id, display_name_ci)",
            "ix_user_display_name: displayName filters, members.display eq",
            "(tenant_id, employee_number_ci)",
            "ix_user_employee_number: employeeNumber filters",
            "(tenant_id, created_at, id)",
            "ix_user_created: list pages in creation order, the walk of filters on side tables",
            "(tenant_id, account_state, account_state_at)",
            "ix_user_state: the tombstone purge, the deletion guard's counts, the console's state"
                + " filter"));
    INTENDED.put(
        "scim_user_email",
        Map.of(
            "(tenant_id, user_id, pos) unique",
            "primary key: a user's e-mail rows (rewrite, delete, emails filters per user)",
            "(tenant_id, value_ci)",
            "ix_email_value: emails filters and the console's search by e-mail"));
    INTENDED.put(
        "scim_user_value",
        Map.of(
            "(tenant_id, user_id, attr, pos, sub) unique",
            "primary key: a user's rows (rewrite, delete, bracket filters per element)",
            "(tenant_id, attr, sub, val, user_id)",
            "ix_user_value: filters on every attribute without a column"));
    INTENDED.put(
        "group_member",
        Map.of(
            "(tenant_id, group_id, user_id) unique",
            "primary key: a group's members, the member probes of PATCHes",
            "(tenant_id, user_id)",
            "ix_member_user: a user's groups, the deletion of a user's memberships; on Derby also"
                + " fk_member_user's index"));
    INTENDED.put(
        "account_audit",
        Map.of(
            "(id) unique",
            "primary key (identity): the trail's order and paging",
            "(tenant_id, user_id, occurred_at)",
            "ix_audit_user: one account's history",
            "(tenant_id, action, occurred_at, actor_type)",
            "ix_audit_action: the deletion guard's count, the mass-deactivation windows",
            "(tenant_id, user_name_ci)",
            "ix_audit_user_name: the console's search for purged accounts by name"));
    INTENDED.put(
        "scim_activity",
        Map.of(
            "(tenant_id, at_millis)",
            "ix_activity_time: pages, charts, cycles, the retention purge",
            "(tenant_id, status, at_millis)",
            "ix_activity_status: the error filter and tenant health's last failure",
            "(tenant_id, resource_id, at_millis)",
            "ix_activity_resource: a user's or group's requests"));
    INTENDED.put(
        "change_event_pending",
        Map.of("(id) unique", "primary key: the sequencer moves pending events in id order"));
    INTENDED.put(
        "change_event",
        Map.of(
            "(seq) unique",
            "primary key: the feed's cursor",
            "(tenant_id, seq)",
            "ix_event_tenant: a tenant's feed and webhooks narrowed to a tenant"));
  }

  /** table → foreign keys as "(columns) -> parent": only the ones integrity needs. */
  static final Map<String, List<String>> FOREIGN_KEYS =
      Map.of(
          "scim_user", List.of(),
          "scim_group", List.of(),
          "scim_user_email", List.of(),
          "scim_user_value", List.of(),
          // A membership's group and user are of its own tenant: the groups.display and
          // members.display filters read the other row by primary key and rely on it.
          "group_member",
              List.of(
                  "(tenant_id, group_id) -> scim_group (tenant_id, id)",
                  "(tenant_id, user_id) -> scim_user (tenant_id, id)"),
          "account_audit", List.of(),
          "scim_activity", List.of());

  /**
   * Rows one user of Entra's initial cycle writes (the benchmark's user: one e-mail, one value row
   * for name.formatted): the user, its e-mail and value rows, the audit entry, two request-log rows
   * (the userName lookup and the POST), the pending event and the event it becomes.
   */
  static final Map<String, Integer> ROWS_PER_CREATED_USER =
      Map.of(
          "scim_user", 1,
          "scim_user_email", 1,
          "scim_user_value", 1,
          "account_audit", 1,
          "scim_activity", 2,
          "change_event_pending", 1,
          "change_event", 1);

  @Test
  void derbyHasExactlyTheIntendedIndexesAndForeignKeys() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated()) {
      assertIntended(db.dataSource());
    }
  }

  /** A database of the previous release, with rows, ends up with the same schema as a new one. */
  @Test
  void derbyMigratedFromTheSchemaBeforeKeepsItsRowsAndEndsUpTheSame() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migratedTo(13)) {
      assertMigratesWithRows(db.dataSource());
    }
  }

  /**
   * Index entries one created user adds, counted from the schema: rows per table times the table's
   * indexes (Derby and PostgreSQL index every row, NULLs included). Before V14: 32 entries and 3
   * foreign-key probes (user → tenant, e-mail → user, value → user); now 25 and none.
   */
  @Test
  void aCreatedUserAddsTwentyFiveIndexEntriesInsteadOfThirtyTwo() throws Exception {
    try (MemoryDatabase before = MemoryDatabase.migratedTo(13);
        MemoryDatabase now = MemoryDatabase.migrated()) {
      assertEquals(32, entriesPerCreatedUser(before.dataSource()));
      assertEquals(3, foreignKeyProbesPerCreatedUser(before.dataSource()));
      assertEquals(25, entriesPerCreatedUser(now.dataSource()));
      assertEquals(0, foreignKeyProbesPerCreatedUser(now.dataSource()));
    }
  }

  @Test
  @WithPostgres
  void postgresHasExactlyTheIntendedIndexesAndForeignKeys() throws Exception {
    onPostgres(
        ds -> {
          Migrations.migrate(ds);
          assertIntended(ds);
          assertEquals(25, entriesPerCreatedUser(ds));
        });
    onPostgres(
        ds -> {
          Migrations.migrate(ds, 13);
          assertMigratesWithRows(ds);
        });
  }

  private static void assertIntended(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      boolean derby = Dialect.of(c.getMetaData()) == Dialect.DERBY;
      for (var table : INTENDED.entrySet()) {
        TreeSet<String> expected = new TreeSet<>(table.getValue().keySet());
        if (derby) {
          // Derby backs every foreign key with an index of its columns (shared with an index of
          // the same columns); PostgreSQL does not.
          for (String key : FOREIGN_KEYS.getOrDefault(table.getKey(), List.of())) {
            expected.add(key.substring(0, key.indexOf(" -> ")));
          }
        }
        assertEquals(
            expected, new TreeSet<>(indexes(c, table.getKey())), "indexes of " + table.getKey());
      }
      for (var table : FOREIGN_KEYS.entrySet()) {
        assertEquals(
            table.getValue(), foreignKeys(c, table.getKey()), "foreign keys of " + table.getKey());
      }
    }
  }

  private static void assertMigratesWithRows(DataSource ds) throws Exception {
    String t = UUID.randomUUID().toString();
    String u = UUID.randomUUID().toString();
    String g = UUID.randomUUID().toString();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO tenant (id, name, name_ci, status, created_at, updated_at, retention_days,"
              + " group_policy, version) VALUES ('"
              + t
              + "', 'n', 'n', 'ACTIVE', 1, 1, 30, 'KEEP', 0)");
      s.execute(
          "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, user_name_key, active,"
              + " account_state, account_state_at, attributes, created_at, last_modified, version)"
              + " VALUES ('"
              + u
              + "', '"
              + t
              + "', 'A@x', 'a@x', 'a@x', TRUE, 'ACTIVE', 1, '{}', 1, 1, 0)");
      s.execute(
          "INSERT INTO scim_user_email (tenant_id, user_id, pos, value_ci, is_primary) VALUES ('"
              + t
              + "', '"
              + u
              + "', 0, 'a@x', TRUE)");
      s.execute(
          "INSERT INTO scim_user_value (tenant_id, user_id, attr, pos, sub, val) VALUES ('"
              + t
              + "', '"
              + u
              + "', 'title', 0, '', 'boss')");
      s.execute(
          "INSERT INTO scim_group (id, tenant_id, display_name, display_name_ci, display_name_key,"
              + " attributes, member_count, created_at, last_modified, version) VALUES ('"
              + g
              + "', '"
              + t
              + "', 'G', 'g', 'g', '{}', 1, 1, 1, 0)");
      s.execute(
          "INSERT INTO group_member (tenant_id, group_id, user_id, added_at) VALUES ('"
              + t
              + "', '"
              + g
              + "', '"
              + u
              + "', 1)");
      s.execute(
          "INSERT INTO account_audit (tenant_id, user_id, user_name, user_name_ci, occurred_at,"
              + " actor_type, action) VALUES ('"
              + t
              + "', '"
              + u
              + "', 'A@x', 'a@x', 1, 'scim', 'created')");
      s.execute(
          "INSERT INTO scim_activity (id, tenant_id, at_millis, method, path, operation, status,"
              + " latency_ms) VALUES ('"
              + UUID.randomUUID()
              + "', '"
              + t
              + "', 1, 'POST', '/Users', 'Users.create', 201, 3)");
    }
    SchemaStatus status = Migrations.migrate(ds);
    assertEquals(List.of(14), status.applied());
    assertEquals(10, status.requiredKnown());
    assertIntended(ds);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "scim_user",
              "scim_user_email",
              "scim_user_value",
              "scim_group",
              "group_member",
              "account_audit",
              "scim_activity")) {
        try (ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = '" + t + "'")) {
          rs.next();
          assertEquals(1, rs.getLong(1), table);
        }
      }
    }
  }

  static int entriesPerCreatedUser(DataSource ds) throws SQLException {
    int entries = 0;
    try (Connection c = ds.getConnection()) {
      for (var rows : ROWS_PER_CREATED_USER.entrySet()) {
        entries += rows.getValue() * indexes(c, rows.getKey()).size();
      }
    }
    return entries;
  }

  static int foreignKeyProbesPerCreatedUser(DataSource ds) throws SQLException {
    int probes = 0;
    try (Connection c = ds.getConnection()) {
      for (var rows : ROWS_PER_CREATED_USER.entrySet()) {
        probes += rows.getValue() * foreignKeys(c, rows.getKey()).size();
      }
    }
    return probes;
  }

  /**
   * The table's physical indexes as "(columns)" or "(columns) unique", sorted. Derby keeps one
   * index for several definitions of the same columns (a foreign key's and a user index), so
   * identical descriptions count once there.
   */
  static List<String> indexes(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<String, Map<Integer, String>> columns = new TreeMap<>();
    Map<String, Boolean> unique = new TreeMap<>();
    try (ResultSet rs = md.getIndexInfo(null, c.getSchema(), stored(md, table), false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name == null) {
          continue;
        }
        columns
            .computeIfAbsent(name, k -> new TreeMap<>())
            .put(
                (int) rs.getShort("ORDINAL_POSITION"),
                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
      }
    }
    boolean derby = Dialect.of(md) == Dialect.DERBY;
    if (derby) {
      // A unique constraint on nullable columns is a non-unique index with duplicate NULLs to
      // Derby's metadata; its constraint says it is unique.
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT g.CONGLOMERATENAME FROM SYS.SYSKEYS k JOIN SYS.SYSCONGLOMERATES g"
                      + " ON g.CONGLOMERATEID = k.CONGLOMERATEID")) {
        while (rs.next()) {
          unique.computeIfPresent(rs.getString(1), (name, u) -> true);
        }
      }
    }
    List<String> result = new ArrayList<>();
    for (var index : columns.entrySet()) {
      String d =
          "("
              + String.join(", ", index.getValue().values())
              + ")"
              + (unique.get(index.getKey()) ? " unique" : "");
      if (!(derby && result.contains(d))) {
        result.add(d);
      }
    }
    result.sort(null);
    return result;
  }

  /** The table's foreign keys as "(columns) -> parent (columns)", sorted. */
  static List<String> foreignKeys(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<String, Map<Integer, String[]>> keys = new TreeMap<>();
    Map<String, String> parents = new TreeMap<>();
    try (ResultSet rs = md.getImportedKeys(null, c.getSchema(), stored(md, table))) {
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        keys.computeIfAbsent(name, k -> new TreeMap<>())
            .put(
                (int) rs.getShort("KEY_SEQ"),
                new String[] {
                  rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                  rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)
                });
        parents.put(name, rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    List<String> result = new ArrayList<>();
    for (var key : keys.entrySet()) {
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      for (String[] pair : key.getValue().values()) {
        from.add(pair[0]);
        to.add(pair[1]);
      }
      result.add(
          "("
              + String.join(", ", from)
              + ") -> "
              + parents.get(key.getKey())
              + " ("
              + String.join(", ", to)
              + ")");
    }
    result.sort(null);
    return result;
  }

  private static String stored(DatabaseMetaData md, String table) throws SQLException {
    return md.storesUpperCaseIdentifiers()
        ? table.toUpperCase(Locale.ROOT)
        : table.toLowerCase(Locale.ROOT);
  }

  private static void onPostgres(ScratchPostgres.Test test) throws Exception {
    ScratchPostgres.run("scim_indexes", test);
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
