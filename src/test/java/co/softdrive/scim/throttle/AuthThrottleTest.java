package co.softdrive.scim.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.throttle.AuthThrottle.StaffAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff failure budget ({@code scim.limits.auth.staff-max-failures}, 5 here) holds under
 * concurrency: wrong passwords arriving all at once get exactly the budget's worth of checks, as
 * they would one after another.
 */
class AuthThrottleTest {
  static final int BUDGET = 5;
  AuthThrottle throttle;

  @BeforeEach
  void throttle() {
    throttle = Throttles.alone(BUDGET);
  }

  @Test
  void wrongPasswordsAllAtOnceGetExactlyTheBudgetOfChecks() throws Exception {
    int threads = 60;
    AtomicInteger checks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> attempts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        attempts.add(
            pool.submit(
                () -> {
                  go.await();
                  StaffAttempt attempt = throttle.staffAttempt("203.0.113.7", "alice");
                  if (attempt.blocked().isEmpty()) {
                    checks.incrementAndGet();
                    Thread.sleep(20); // the password check (PBKDF2) takes a while
                    attempt.failed();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : attempts) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
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
      StaffAttempt right = throttle.staffAttempt("203.0.113.9", "alice");
      assertTrue(right.blocked().isEmpty(), "right password " + i);
      right.release();
    }
    for (int i = 0; i < BUDGET; i++) {
      throttle.staffAttempt("203.0.113.9", "alice").failed();
    }
    assertTrue(throttle.staffAttempt("203.0.113.9", "alice").blocked().isPresent());
  }
}
