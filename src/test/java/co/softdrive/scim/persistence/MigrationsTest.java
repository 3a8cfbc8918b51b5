package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void everyMigrationSplitsIntoStatementsWithoutCommentsOrPlaceholders() {
    for (String file : Migrations.FILES) {
      for (Dialect dialect : Dialect.values()) {
        List<String> statements = Migrations.statements(file, dialect);
        assertFalse(statements.isEmpty(), file);
        for (String s : statements) {
          assertFalse(s.contains("${"), file + ": " + s);
          assertFalse(s.strip().startsWith("--"), file + ": " + s);
          assertFalse(s.strip().endsWith(";"), file + ": " + s);
        }
      }
    }
  }

  @Test
  void clobBecomesTextOnPostgresAndClobOnDerby() {
    String derby = String.join("\n", Migrations.statements("V1__baseline.sql", Dialect.DERBY));
    String pg = String.join("\n", Migrations.statements("V1__baseline.sql", Dialect.POSTGRES));
    assertTrue(derby.contains("attributes CLOB NOT NULL"));
    assertTrue(pg.contains("attributes TEXT NOT NULL"));
  }

  @Test
  void versionsAreUniqueAndIncreasing() {
    int last = 0;
    for (String file : Migrations.FILES) {
      int v = Migrations.versionOf(file);
      assertTrue(v > last, file);
      last = v;
    }
    assertEquals(1, Migrations.versionOf("V1__baseline.sql"));
  }

  @Test
  void everyTenantOwnedIndexStartsWithTenantId() {
    for (String file : Migrations.FILES) {
      for (String s : Migrations.statements(file, Dialect.POSTGRES)) {
        if (s.startsWith("CREATE")
            && s.contains(" INDEX ")
            && !s.contains(" ON tenant ")
            && !s.contains("ON api_token (secret_hash)")
            && !s.contains("(user_id)")
            && !s.contains("ON webhook_endpoint")) {
          assertTrue(s.contains("(tenant_id"), s);
        }
      }
    }
  }

  /**
   * V8: no foreign key cascades a delete (Derby locked the whole dependent table for it), and the
   * keys of memberships include the tenant. V14 dropped those of e-mail rows and indexed values
   * ({@link HotTableIndexesTest}).
   */
  @Test
  void foreignKeysOfMembershipsAndEmailsIncludeTheTenantAndNeverCascade() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated();
        java.sql.Connection c = db.dataSource().getConnection()) {
      java.sql.DatabaseMetaData md = c.getMetaData();
      java.util.Map<String, String> keys = new java.util.TreeMap<>();
      for (String table : List.of("GROUP_MEMBER", "SCIM_USER_EMAIL", "SCIM_USER_VALUE")) {
        try (java.sql.ResultSet rs = md.getImportedKeys(null, c.getSchema(), table)) {
          while (rs.next()) {
            keys.merge(
                table
                    + " "
                    + rs.getString("FK_NAME")
                    + " -> "
                    + rs.getString("PKTABLE_NAME")
                    + (rs.getShort("DELETE_RULE") == java.sql.DatabaseMetaData.importedKeyCascade
                        ? " CASCADE"
                        : ""),
                rs.getString("FKCOLUMN_NAME"),
                (a, b) -> a + "," + b);
          }
        }
      }
      assertEquals(
          java.util.Map.of(
              "GROUP_MEMBER FK_MEMBER_GROUP -> SCIM_GROUP", "TENANT_ID,GROUP_ID",
              "GROUP_MEMBER FK_MEMBER_USER -> SCIM_USER", "TENANT_ID,USER_ID"),
          keys);
      assertEquals(List.of(), Migrations.foreignKeys(c, "group_member", "user_id"));
    }
  }

  @Test
  void aFreshDatabaseGetsEveryMigrationAndASecondRunAppliesNothing() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated()) {
      SchemaStatus again = Migrations.migrate(db.dataSource());
      assertEquals(List.of(), again.applied());
      assertEquals(Migrations.latestKnown(), again.database());
      assertEquals(Migrations.latestKnown(), again.known());
      assertTrue(again.usable());
      assertFalse(again.ahead());
    }
  }

  /** Rolling upgrade: the old instance keeps serving on a schema a newer release expanded. */
  @Test
  void aSchemaExpandedByANewerReleaseIsUsedAsItIs() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated()) {
      int next = Migrations.latestKnown() + 1;
      db.execute("ALTER TABLE tenant ADD COLUMN added_by_next_release VARCHAR(20)");
      recordVersion(db, next, "NULL");
      SchemaStatus status = Migrations.migrate(db.dataSource());
      assertEquals(List.of(), status.applied());
      assertEquals(next, status.database());
      assertTrue(status.ahead());
      assertTrue(status.usable(), "an expand migration never locks out the release before it");
    }
  }

  /** ...but not on one contracted past what it knows: it stays unready instead of failing later. */
  @Test
  void aSchemaContractedPastThisBuildIsRefused() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migrated()) {
      int known = Migrations.latestKnown();
      recordVersion(db, known + 1, "NULL");
      recordVersion(db, known + 2, String.valueOf(known + 1));
      SchemaStatus status = Migrations.migrate(db.dataSource());
      assertFalse(status.usable());
      assertEquals(known + 1, status.requiredKnown());
      // A build that knows the required migration would use it.
      assertTrue(new SchemaStatus(List.of(), known + 1, known + 2, known + 1).usable());
    }
  }

  @Test
  void aContractMigrationDeclaresTheOldestCompatibleVersionOnALineOfItsOwn() {
    for (String file : Migrations.FILES) {
      Integer from = Migrations.compatibleFrom(file);
      assertTrue(from == null || from <= Migrations.versionOf(file), file);
    }
    assertNull(
        Migrations.compatibleFrom("V5__schema_compatibility.sql"),
        "its comment only quotes the marker");
    assertEquals(
        7,
        Migrations.declaredCompatibleFrom(
            "-- Drop tenant.old\n-- compatible-from: 7\nALTER TABLE x\n;\n"));
    assertNull(
        Migrations.declaredCompatibleFrom("-- quoting \"-- compatible-from: 7\" is no marker\n"));
  }

  private static void recordVersion(MemoryDatabase db, int version, String compatibleFrom)
      throws Exception {
    db.execute(
        "INSERT INTO schema_version (version, description, applied_at, compatible_from) VALUES ("
            + version
            + ", 'V"
            + version
            + "__by_a_newer_release.sql', 0, "
            + compatibleFrom
            + ")");
  }
}
