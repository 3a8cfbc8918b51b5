package co.softdrive.scim.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bucket on a clock the test moves (nanoseconds). */
class TokenBucketTest {
  static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketGivesItsBurstThenOnePerRefill() {
    TokenBucket b = new TokenBucket(0);
    for (int i = 0; i < 4; i++) {
      assertEquals(0, b.take(0, 2, 4), "burst request " + i);
    }
    long wait = b.take(0, 2, 4);
    assertEquals(SECOND / 2, wait, "one token refills in 1/rate seconds");
    assertTrue(b.take(SECOND / 2 - 1, 2, 4) > 0);
    assertEquals(0, b.take(SECOND / 2, 2, 4));
  }

  @Test
  void aQuietBucketRefillsOnlyUpToItsCapacity() {
    TokenBucket b = new TokenBucket(0);
    b.take(0, 1, 2);
    b.take(0, 1, 2);
    long later = 100 * SECOND;
    assertEquals(0, b.take(later, 1, 2));
    assertEquals(0, b.take(later, 1, 2));
    assertTrue(b.take(later, 1, 2) > 0, "no more than the capacity after a long pause");
  }

  @Test
  void aSmallerShareAppliesFromTheNextRequest() {
    // The rate and capacity are per call: another instance joining halves both.
    TokenBucket b = new TokenBucket(0);
    assertEquals(0, b.take(0, 100, 200));
    for (int i = 0; i < 100; i++) {
      assertEquals(0, b.take(0, 50, 100), "request " + i);
    }
    assertTrue(b.take(0, 50, 100) > 0);
  }

  @Test
  void theSustainedRateIsTheConfiguredOne() {
    TokenBucket b = new TokenBucket(0);
    int admitted = 0;
    // 10 seconds of offered load at 1,000 requests/second against 25/s with a burst of 50.
    for (long t = 0; t < 10 * SECOND; t += SECOND / 1000) {
      if (b.take(t, 25, 50) == 0) {
        admitted++;
      }
    }
    assertEquals(50 + 25 * 10, admitted, 1);
  }
}
