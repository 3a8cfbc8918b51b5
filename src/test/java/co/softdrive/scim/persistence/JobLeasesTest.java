package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two pretend instances sharing one database, with explicit clocks (no sleeping). Each test uses a
 * job of its own, whose lease row does not exist until the first claim.
 */
class JobLeasesTest {
  static final long TTL = 600_000;
  static final long INTERVAL = 3_600_000;

  static MemoryDatabase db;
  static JobLeases a;
  static JobLeases b;

  final String job = "job-" + UUID.randomUUID();

  @BeforeAll
  static void twoInstances() throws Exception {
    db = MemoryDatabase.migrated();
    JobLeaseRows rows = new JobLeaseRows(db.dataSource());
    a = new JobLeases(rows, "instance-a");
    b = new JobLeases(rows, "instance-b");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void theFirstClaimCreatesTheLeaseAndKeepsTheOtherInstanceOutUntilItExpires() {
    assertTrue(a.claim(job, TTL, 1_000));
    assertFalse(b.claim(job, TTL, 2_000));
    assertFalse(
        b.claimNow(job, TTL, 2_000), "staff cannot start a second run beside a running one");
    assertFalse(a.claim(job, TTL, 2_000), "nor can the owner's own timer");
    // a crashed: its lease expires and b takes over; a's late renewal then fails.
    assertTrue(b.claim(job, TTL, 1_000 + TTL + 1));
    assertFalse(a.renew(job, TTL, 1_000 + TTL + 2));
    assertTrue(b.renew(job, TTL, 1_000 + TTL + 2));
  }

  @Test
  void aFinishedRunRestsForMostOfTheIntervalOnEveryInstanceButStaffMayRunItNow() {
    assertTrue(a.claim(job, TTL, 0));
    a.finish(job, INTERVAL, 60_000);
    assertFalse(b.claim(job, TTL, 120_000), "runs once per interval, not once per instance");
    assertFalse(a.claim(job, TTL, 120_000));
    assertTrue(b.claim(job, TTL, 60_000 + INTERVAL), "the next interval is free for whoever comes");
    b.finish(job, INTERVAL, 60_000 + INTERVAL);
    assertTrue(a.claimNow(job, TTL, 70_000 + INTERVAL));
  }

  @Test
  void onlyTheOwnerFinishesARun() {
    assertTrue(a.claim(job, TTL, 0));
    b.finish(job, INTERVAL, 1_000);
    assertFalse(b.claimNow(job, TTL, 2_000), "b's finish did not release a's running lease");
  }
}
