package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conditional statements of job_lease on the real schema (embedded Derby in memory). */
class JobLeaseRowsTest {
  static MemoryDatabase db;
  static JobLeaseRows rows;

  final String job = "job-" + UUID.randomUUID();

  @BeforeAll
  static void database() throws Exception {
    db = MemoryDatabase.migrated();
    rows = new JobLeaseRows(db.dataSource());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void aJobWithoutItsRowIsTakenByNoUpdateAndItsRowIsCreatedOnce() {
    assertFalse(rows.exists(job));
    assertFalse(rows.takeExpired(job, "a", 2_000, 1_000));
    assertFalse(rows.takeUnlessRunning(job, "a", 2_000, 1_000));
    assertTrue(rows.create(job, "a", 2_000));
    assertTrue(rows.exists(job));
    assertFalse(rows.create(job, "b", 2_000), "the second instance lost the race, quietly");
  }

  @Test
  void onlyTheOwnerExtendsOrReleasesAndARestingLeaseIsTakenOnlyUnlessRunning() {
    assertTrue(rows.create(job, "a", 2_000));
    assertFalse(rows.extend(job, "b", 3_000));
    assertTrue(rows.extend(job, "a", 3_000));
    rows.release(job, "b", 10_000);
    assertFalse(rows.takeUnlessRunning(job, "b", 4_000, 2_500), "a still runs it");
    rows.release(job, "a", 10_000);
    assertFalse(rows.takeExpired(job, "b", 12_000, 5_000), "resting until 10,000");
    assertTrue(rows.takeUnlessRunning(job, "b", 12_000, 5_000));
    assertTrue(rows.takeExpired(job, "a", 20_000, 12_001), "b's run expired");
  }
}
