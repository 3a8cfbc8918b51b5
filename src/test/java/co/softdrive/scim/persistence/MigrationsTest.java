package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void everyMigrationSplitsIntoStatementsWithoutCommentsOrPlaceholders() {
    for (String file : Migrations.FILES) {
      for (Migrations.Dialect dialect : Migrations.Dialect.values()) {
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
    String derby = String.join("\n", Migrations.statements("V1__baseline.sql", Migrations.Dialect.DERBY));
    String pg = String.join("\n", Migrations.statements("V1__baseline.sql", Migrations.Dialect.POSTGRES));
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
      for (String s : Migrations.statements(file, Migrations.Dialect.POSTGRES)) {
        if (s.startsWith("CREATE") && s.contains(" INDEX ") && !s.contains(" ON tenant ")
            && !s.contains("ON api_token (secret_hash)") && !s.contains("(user_id)")
            && !s.contains("ON webhook_endpoint")) {
          assertTrue(s.contains("(tenant_id"), s);
        }
      }
    }
  }
}
