package co.softdrive.scim.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.testing.AtOnce;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failures per key in fixed windows, on a clock the test moves (milliseconds); attempts reserved
 * before they run, from many threads at once.
 */
class FailureWindowsTest {

  /** One attempt of {@code key} at {@code now} that fails; returns the window's failures. */
  private static int failOnce(FailureWindows w, String key, long now) {
    return w.fail(key, w.reserve(key, Integer.MAX_VALUE, now).orElseThrow());
  }

  @Test
  void aKeyIsBlockedAfterExactlyMaxFailuresUntilItsWindowEnds() {
    FailureWindows w = new FailureWindows(60_000, 100);
    for (int i = 0; i < 4; i++) {
      assertEquals(i + 1, failOnce(w, "1.2.3.4", 1_000 + i));
      assertEquals(0, w.blockedFor("1.2.3.4", 5, 1_000 + i), "after " + (i + 1) + " failures");
    }
    failOnce(w, "1.2.3.4", 2_000);
    assertEquals(59_000, w.blockedFor("1.2.3.4", 5, 2_000), "blocked until 60 s after the first");
    assertEquals(1, w.blockedFor("1.2.3.4", 5, 60_999));
    assertEquals(0, w.blockedFor("1.2.3.4", 5, 61_000), "free when the window ends");
    assertEquals(0, w.blockedFor("5.6.7.8", 5, 2_000), "other keys are not affected");
  }

  @Test
  void aFailureAfterTheWindowStartsANewOne() {
    FailureWindows w = new FailureWindows(10_000, 100);
    for (int i = 0; i < 3; i++) {
      failOnce(w, "k", 0);
    }
    assertTrue(w.blockedFor("k", 3, 0) > 0);
    assertEquals(1, failOnce(w, "k", 10_000));
    assertEquals(0, w.blockedFor("k", 3, 10_000), "one failure in the new window");
  }

  @Test
  void memoryStaysBounded() {
    FailureWindows w = new FailureWindows(10_000, 100);
    for (int i = 0; i < 100; i++) {
      failOnce(w, "old-" + i, 0);
    }
    failOnce(w, "new", 20_000);
    assertEquals(1, w.size(), "ended windows are dropped when full");
    for (int i = 0; i < 150; i++) {
      failOnce(w, "flood-" + i, 20_000);
    }
    assertTrue(w.size() <= 100, "never more than the bound: " + w.size());
  }

  @Test
  void manyThreadsReservingAtOnceGetExactlyMaxAttempts() throws Exception {
    FailureWindows w = new FailureWindows(60_000, 100);
    List<Boolean> reserved = AtOnce.run(64, client -> w.reserve("src alice", 5, 1_000).isPresent());
    assertEquals(5, reserved.stream().filter(r -> r).count());
    assertTrue(w.reserve("src alice", 5, 1_000).isEmpty(), "the five still run");
    assertEquals(0, w.blockedFor("src alice", 5, 1_000), "busy until they end");
  }

  @Test
  void runningAttemptsMakeAKeyBusyNotBlocked() {
    FailureWindows w = new FailureWindows(10_000, 100);
    List<FailureWindows.Slot> running = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      running.add(w.reserve("k", 3, 0).orElseThrow());
    }
    assertTrue(w.reserve("k", 3, 0).isEmpty(), "all three running");
    assertEquals(0, w.blockedFor("k", 3, 0), "busy, not blocked");
    w.release("k", running.get(2));
    assertTrue(w.reserve("k", 3, 0).isPresent(), "the one given back is taken again");
    assertEquals(1, w.fail("k", running.get(0)));
    assertEquals(2, w.fail("k", running.get(1)));
    assertEquals(0, w.blockedFor("k", 3, 0), "two failures and one running: not blocked");
    assertTrue(w.reserve("k", 3, 0).isEmpty(), "but busy");
  }

  @Test
  void anAttemptOfAnEndedWindowChangesNothingInTheNext() {
    FailureWindows w = new FailureWindows(10_000, 100);
    FailureWindows.Slot old = w.reserve("k", 1, 0).orElseThrow();
    FailureWindows.Slot fresh = w.reserve("k", 1, 10_000).orElseThrow();
    assertEquals(new FailureWindows.Slot(10_000), fresh);
    w.release("k", old);
    assertTrue(w.reserve("k", 1, 10_000).isEmpty(), "the new window's attempt still runs");
    assertEquals(0, w.fail("k", old), "an old failure counts in no window");
    assertEquals(0, w.blockedFor("k", 1, 10_000));
    assertEquals(1, w.fail("k", fresh));
    assertTrue(w.blockedFor("k", 1, 10_000) > 0);
  }
}
