package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request log's SQL on an in-memory Derby migrated like production: the WHERE clause a read
 * builds, and rows written in one batch read back by page, count and aggregates of their tenant
 * only, and purged past the cutoff.
 */
class ActivityLogTest {
  static final TenantId A = TenantId.of("tenant-a");
  static final TenantId B = TenantId.of("tenant-b");
  static final ActivityLog.Criteria ALL =
      new ActivityLog.Criteria(null, null, null, null, null, null);
  static MemoryDatabase db;
  static ActivityLog log;
  static ActivityStats stats;

  @BeforeAll
  static void migratedDatabase() throws SQLException {
    System.setProperty("derby.stream.error.file", "target/derby-unit.log");
    db = MemoryDatabase.migrated();
    log = new ActivityLog();
    log.dataSource = db.dataSource();
    stats = new ActivityStats();
    stats.dataSource = db.dataSource();
    for (TenantId t : List.of(A, B)) {
      db.addTenant(t.value());
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void onlyTheTenantFiltersWhenNothingElseIsGiven() {
    var w = ActivityLog.where(A, ALL);
    assertEquals("tenant_id = ?", w.sql());
    assertEquals(List.of("tenant-a"), w.params());
  }

  @Test
  void everyCriterionBecomesAParameterAfterTheTenant() {
    var w =
        ActivityLog.where(
            A, new ActivityLog.Criteria(1_000L, 61_000L, 400, 500, "Users.patch", "u1"));
    assertEquals(
        "tenant_id = ? AND at_millis >= ? AND at_millis < ? AND status >= ? AND status < ?"
            + " AND operation = ? AND resource_id = ?",
        w.sql());
    assertEquals(List.of("tenant-a", 1_000L, 61_000L, 400, 500, "Users.patch", "u1"), w.params());
  }

  @Test
  void rowsAreReadBackByTheirTenantOnlyAndPurgedPastTheCutoff() {
    TenantId t = TenantId.of("tenant-rows");
    long base = 60_000L * 20_000; // on a minute
    ActivityRow created = row(t, "r1", base, 201, "User", "created", 0, 0, "alice");
    ActivityRow failed = row(t, "r2", base + 30_000, 500, "User", null, null, null, null);
    ActivityRow members = row(t, "r3", base + 90_000, 200, "Group", "updated", 3, 1, "Sales");
    ActivityRow other = row(B, "r4", base + 1_000, 200, "User", "created", 0, 0, "bob");
    log.insert(List.of(created, failed, members, other));

    assertEquals(List.of(members, failed, created), log.page(t, ALL, 0, 10), "newest first");
    assertEquals(List.of(failed), log.page(t, ALL, 1, 1));
    assertEquals(3, log.count(t, ALL));
    assertEquals(1, log.count(t, new ActivityLog.Criteria(null, null, 400, null, null, null)));

    List<ActivityStats.Bucket> buckets = stats.buckets(t, ALL, base, 60_000);
    assertEquals(
        List.of(
            new ActivityStats.Bucket(0, 2, 0, 1, 24, 12),
            new ActivityStats.Bucket(1, 1, 0, 0, 12, 12)),
        buckets.stream()
            .sorted(java.util.Comparator.comparing(ActivityStats.Bucket::index))
            .toList());

    assertEquals(
        new ActivityStats.Summary(base + 90_000, base + 90_000, 3, 1), stats.summary(t, 0));
    assertEquals(
        new ActivityStats.Summary(null, null, 0, 0), stats.summary(TenantId.of("none"), 0));
    assertEquals(
        new ActivityStats.Facts(base + 90_000, 200, base + 90_000, base + 30_000, 500, 1, 0),
        stats.facts(t, base + 60_000));
    assertEquals(ActivityStats.Facts.NONE, stats.facts(TenantId.of("none"), 0));

    List<ActivityStats.Minute> minutes = stats.minutes(t, 0);
    assertEquals(2, minutes.size());
    assertEquals(
        new ActivityStats.Minute(base + 90_000, base + 90_000, 1, 0, 0, 0, 0, 4, 0),
        minutes.get(1));
    assertEquals(1, minutes.get(0).usersCreated());
    assertEquals(1, minutes.get(0).failures());

    // The purge goes tenant by tenant over the tenant table: tenant-rows has no tenant row.
    assertEquals(1, log.purgeOlderThan(base + 2_000));
    assertEquals(0, log.count(B, ALL));
    assertEquals(3, log.count(t, ALL));
  }

  private static ActivityRow row(
      TenantId t,
      String id,
      long at,
      int status,
      String type,
      String kind,
      Integer added,
      Integer removed,
      String name) {
    return new ActivityRow(
        id,
        t.value(),
        at,
        "sdscim_abc",
        "POST",
        "/Users",
        "Users.create",
        type,
        "res-" + id,
        status,
        null,
        status >= 400 ? "failed" : null,
        null,
        12,
        name,
        kind,
        kind == null ? null : kind + " in words",
        added,
        removed);
  }
}
