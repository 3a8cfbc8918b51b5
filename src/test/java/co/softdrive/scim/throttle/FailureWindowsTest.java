package co.softdrive.scim.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Failures per key in fixed windows, on a clock the test moves (milliseconds). */
class FailureWindowsTest {

  @Test
  void aKeyIsBlockedAfterExactlyMaxFailuresUntilItsWindowEnds() {
    FailureWindows w = new FailureWindows(60_000, 100);
    for (int i = 0; i < 4; i++) {
      w.fail("1.2.3.4", 1_000 + i);
      assertEquals(0, w.blockedFor("1.2.3.4", 5, 1_000 + i), "after " + (i + 1) + " failures");
    }
    w.fail("1.2.3.4", 2_000);
    assertEquals(59_000, w.blockedFor("1.2.3.4", 5, 2_000), "blocked until 60 s after the first");
    assertEquals(1, w.blockedFor("1.2.3.4", 5, 60_999));
    assertEquals(0, w.blockedFor("1.2.3.4", 5, 61_000), "free when the window ends");
    assertEquals(0, w.blockedFor("5.6.7.8", 5, 2_000), "other keys are not affected");
  }

  @Test
  void aFailureAfterTheWindowStartsANewOne() {
    FailureWindows w = new FailureWindows(10_000, 100);
    for (int i = 0; i < 3; i++) {
      w.fail("k", 0);
    }
    assertTrue(w.blockedFor("k", 3, 0) > 0);
    w.fail("k", 10_000);
    assertEquals(0, w.blockedFor("k", 3, 10_000), "one failure in the new window");
  }

  @Test
  void memoryStaysBounded() {
    FailureWindows w = new FailureWindows(10_000, 100);
    for (int i = 0; i < 100; i++) {
      w.fail("old-" + i, 0);
    }
    w.fail("new", 20_000);
    assertEquals(1, w.size(), "ended windows are dropped when full");
    for (int i = 0; i < 150; i++) {
      w.fail("flood-" + i, 20_000);
    }
    assertTrue(w.size() <= 100, "never more than the bound: " + w.size());
  }
}
