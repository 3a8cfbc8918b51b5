package co.softdrive.scim.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.ServerControl;
import co.softdrive.scim.it.TenantFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Crash safety (docs/reliability.md#crash-safety): client threads write at the server without pause
 * while the Liberty JVM is SIGKILLed and restarted, a few times over; afterwards every write that
 * got a 2xx is there, no write is half-applied, and the change feed has exactly one event per
 * applied change with no gap or duplicate cursor (on PostgreSQL also: each group's stored member
 * count matches its rows). Runs on whichever database the build uses (embedded Derby, or PostgreSQL
 * with {@code -Ddb.kind=postgres}).
 *
 * <p>Bounded for {@code mvn verify}: {@code it.crash.kills} (default 2) kills, each after at least
 * {@code it.crash.acks-per-cycle} (default 60) acknowledged writes; {@code it.crash.clients}
 * (default 6) threads; {@code it.crash.seed} makes the choice of requests repeatable.
 */
class CrashSafetyIT {
  private static final Logger LOG = Logger.getLogger(CrashSafetyIT.class.getName());

  static final int KILLS = Integer.getInteger("it.crash.kills", 2);
  static final int ACKS_PER_CYCLE = Integer.getInteger("it.crash.acks-per-cycle", 60);
  static final int CLIENTS = Integer.getInteger("it.crash.clients", 6);
  static final long SEED = Long.getLong("it.crash.seed", System.nanoTime());
  static final int GROUPS = 3;

  @Test
  void everyAcknowledgedWriteSurvivesSigkillWholeWithItsChangeEvent() throws Exception {
    TenantFixture t = TenantFixture.create("crash").withoutRateLimit();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < GROUPS; i++) {
      groups.add(t.createGroup("crash-group-" + i));
    }
    long cursorBefore = Feed.lastCursorOf(t.tenantId);
    Http http = new Http(t.token, Duration.ofSeconds(60));
    Ledger ledger = new Ledger();
    CrashLoad load = new CrashLoad(http, groups, ledger);
    LOG.log(
        Level.INFO,
        "CrashSafetyIT on {0}: {1} kills, {2} clients, seed {3}",
        new Object[] {ItConfig.dbKind(), KILLS, CLIENTS, Long.toString(SEED)});

    load.start(CLIENTS, SEED);
    try {
      for (int kill = 1; kill <= KILLS; kill++) {
        awaitAcks(ledger, ledger.acked.get() + ACKS_PER_CYCLE);
        // Land the kill at an arbitrary point of the clients' requests.
        Thread.sleep((long) (Math.random() * 500));
        long pid = ServerControl.process().pid();
        ServerControl.kill();
        load.down = true;
        LOG.log(
            Level.INFO,
            "kill {0}: SIGKILLed pid {1} after {2} acknowledged writes",
            new Object[] {kill, Long.toString(pid), ledger.acked.get()});
        ServerControl.start();
        load.down = false;
      }
      awaitAcks(ledger, ledger.acked.get() + ACKS_PER_CYCLE);
    } finally {
      load.stop();
    }

    ServerSnapshot server = ServerSnapshot.read(http, groups);
    CrashCheck check = new CrashCheck();
    check.run(ledger, server, t.tenantId, cursorBefore, Feed.after(cursorBefore));
    LOG.log(
        Level.INFO,
        "CrashSafetyIT on {0}: {1} kills survived; {2} writes sent, {3} acknowledged ({4} user PATCHes), {5} with"
            + " unknown outcome ({6} of those applied), {7} refused while down; checked {8} users, {9} member"
            + " changes, {10} events; {11} lost or inconsistent",
        new Object[] {
          ItConfig.dbKind(),
          KILLS,
          ledger.sent.get(),
          ledger.acked.get(),
          ledger.userPatchesAcked.get(),
          ledger.unknown.get(),
          check.unknownApplied,
          ledger.refused.get(),
          check.usersChecked,
          check.memberOpsChecked,
          check.eventsChecked,
          check.violations.size()
        });
    assertEquals(
        List.of(),
        ledger.unexpected,
        () ->
            "answers other than the expected 2xx; the server's lines about them: "
                + ServerControl.logLines("Database unavailable", "deadlock victim"));
    assertEquals(List.of(), check.violations);
    if (MemberCounts.checkable()) {
      assertEquals(List.of(), MemberCounts.mismatches(t.tenantId), "stored member counts");
    }
    assertTrue(
        ledger.unknown.get() > 0 || KILLS == 0,
        "no request was in flight at any kill: the test proved little");
  }

  /** Waits until the clients have had {@code target} writes acknowledged in total. */
  private static void awaitAcks(Ledger ledger, int target) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 180_000;
    while (ledger.acked.get() < target) {
      if (System.currentTimeMillis() > deadline || !ledger.unexpected.isEmpty()) {
        throw new AssertionError(
            "clients got "
                + ledger.acked.get()
                + " of "
                + target
                + " acknowledgements; unexpected answers: "
                + ledger.unexpected
                + "; the server's lines about them: "
                + ServerControl.logLines("Database unavailable", "deadlock victim"));
      }
      Thread.sleep(100);
    }
  }
}
