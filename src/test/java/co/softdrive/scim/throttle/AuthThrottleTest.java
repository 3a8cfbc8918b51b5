package co.softdrive.scim.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.testing.AtOnce;
import co.softdrive.scim.throttle.AuthThrottle.Attempt;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failure budgets hold under concurrency: wrong passwords ({@code
 * scim.limits.auth.staff-max-failures}, 5 here) and unknown bearer tokens ({@code
 * scim.limits.auth.max-failures}, 20 here) arriving all at once get exactly the budget's worth of
 * checks, as they would one after another.
 */
class AuthThrottleTest {
  static final int BUDGET = 5;
  static final int BEARER_BUDGET = 20;
  AuthThrottle throttle;

  @BeforeEach
  void throttle() {
    throttle = Throttles.alone(BUDGET, BEARER_BUDGET);
  }

  @Test
  void wrongPasswordsAllAtOnceGetExactlyTheBudgetOfChecks() throws Exception {
    int threads = 60;
    AtomicInteger checks = new AtomicInteger();
    AtOnce.run(
        threads,
        client -> {
          Attempt attempt = throttle.staffAttempt("203.0.113.7", "alice");
          if (attempt.blocked().isEmpty()) {
            checks.incrementAndGet();
            Thread.sleep(20); // the password check (PBKDF2) takes a while
            attempt.failed();
          }
          return null;
        });
    assertEquals(BUDGET, checks.get());
    OptionalLong wait = throttle.staffAttempt("203.0.113.7", "alice").blocked();
    assertTrue(wait.isPresent() && wait.getAsLong() > 0, "then blocked: " + wait);
    assertTrue(
        throttle.staffAttempt("203.0.113.8", "alice").blocked().isEmpty(),
        "another source has its own budget");
    assertTrue(
        throttle.staffAttempt("203.0.113.7", "bob").blocked().isEmpty(),
        "another account has its own budget");
  }

  @Test
  void attemptsThatWereNoFailureGiveTheirSlotBack() {
    for (int i = 0; i < 3 * BUDGET; i++) {
      Attempt right = throttle.staffAttempt("203.0.113.9", "alice");
      assertTrue(right.blocked().isEmpty(), "right password " + i);
      right.release();
    }
    for (int i = 0; i < BUDGET; i++) {
      throttle.staffAttempt("203.0.113.9", "alice").failed();
    }
    assertTrue(throttle.staffAttempt("203.0.113.9", "alice").blocked().isPresent());
  }

  @Test
  void unknownTokensAllAtOnceGetExactlyTheBudgetOfLookups() throws Exception {
    int threads = 3 * BEARER_BUDGET;
    AtomicInteger lookups = new AtomicInteger();
    AtOnce.run(
        threads,
        client -> {
          Attempt attempt = throttle.bearerAttempt("198.51.100.7");
          if (attempt.blocked().isEmpty()) {
            lookups.incrementAndGet();
            Thread.sleep(20); // the token lookup takes a while
            attempt.failed();
          }
          return null;
        });
    assertEquals(BEARER_BUDGET, lookups.get());
    OptionalLong wait = throttle.bearerAttempt("198.51.100.7").blocked();
    assertTrue(wait.isPresent() && wait.getAsLong() > 0, "then blocked: " + wait);
    assertTrue(
        throttle.bearerAttempt("198.51.100.8").blocked().isEmpty(),
        "another source has its own budget");
    assertTrue(
        throttle.staffAttempt("198.51.100.7", "alice").blocked().isEmpty(),
        "the staff budget is another budget");
  }

  @Test
  void moreValidTokensAtOnceThanTheBudgetWaitForASlotInsteadOfBeingRefused() throws Exception {
    int threads = 3 * BEARER_BUDGET;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    for (int i = 0; i < BEARER_BUDGET / 2; i++) {
      throttle.bearerAttempt("198.51.100.10").failed(); // half the budget spent on guesses
    }
    List<Boolean> admitted =
        AtOnce.run(
            threads,
            client -> {
              Attempt attempt = throttle.bearerAttempt("198.51.100.10");
              if (attempt.blocked().isPresent()) {
                return false;
              }
              mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
              Thread.sleep(20); // the lookup of a token this instance has not seen yet
              running.decrementAndGet();
              attempt.release();
              return true;
            });
    assertFalse(admitted.contains(false), "a valid token was refused");
    assertEquals(BEARER_BUDGET / 2, mostAtOnce.get(), "lookups at once: what the failures leave");
    for (int i = 0; i < BEARER_BUDGET / 2; i++) {
      throttle.bearerAttempt("198.51.100.10").failed();
    }
    assertTrue(
        throttle.bearerAttempt("198.51.100.10").blocked().isPresent(), "guesses still spend it");
  }

  @Test
  void aSourceBusyLongerThanTheWaitIsToldToRetry() {
    List<Attempt> held = new ArrayList<>();
    for (int i = 0; i < BEARER_BUDGET; i++) {
      held.add(throttle.bearerAttempt("198.51.100.11"));
    }
    long start = System.nanoTime();
    OptionalLong wait = throttle.bearerAttempt("198.51.100.11").blocked();
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(OptionalLong.of(1), wait, "retry after a second");
    assertTrue(waitedMillis >= AuthThrottle.BUSY_WAIT_MILLIS, "waited " + waitedMillis + " ms");
    held.forEach(Attempt::release);
    assertTrue(throttle.bearerAttempt("198.51.100.11").blocked().isEmpty());
  }

  @Test
  void validTokensInParallelGiveTheirSlotsBack() throws Exception {
    int threads = 3 * BEARER_BUDGET;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        attempts.add(
            pool.submit(
                () -> {
                  Attempt attempt = throttle.bearerAttempt("198.51.100.9");
                  attempt.release();
                  return attempt.blocked().isEmpty();
                }));
      }
      for (Future<Boolean> f : attempts) {
        assertTrue(f.get(30, TimeUnit.SECONDS), "a valid token was refused");
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < BEARER_BUDGET; i++) {
      throttle.bearerAttempt("198.51.100.9").failed();
    }
    assertTrue(throttle.bearerAttempt("198.51.100.9").blocked().isPresent());
  }
}
