package co.softdrive.scim.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlockRetryInterceptorTest {
  private static PersistenceException failure(String sqlState) {
    return new PersistenceException(
        "statement failed", new SQLTransactionRollbackException("lock", sqlState));
  }

  @Test
  void derbyAndPostgresDeadlockVictimsAndSerializationFailuresAreRecognised() {
    assertTrue(DeadlockRetryInterceptor.isDeadlockVictim(failure("40001")));
    assertTrue(DeadlockRetryInterceptor.isDeadlockVictim(failure("40P01")));
    assertFalse(
        DeadlockRetryInterceptor.isDeadlockVictim(failure("40XL1")),
        "a lock timeout already waited long");
    assertFalse(
        DeadlockRetryInterceptor.isDeadlockVictim(
            new PersistenceException(new SQLException("dup", "23505"))));
    assertFalse(DeadlockRetryInterceptor.isDeadlockVictim(new IllegalStateException()));
  }

  @Test
  void aDeadlockVictimRunsAgainAndItsSecondAttemptsResultIsReturned() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Object result =
        DeadlockRetryInterceptor.withRetries(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw failure("40001");
              }
              return "done";
            },
            "patch");
    assertEquals("done", result);
    assertEquals(2, calls.get());
  }

  @Test
  void retriesStopAfterThreeAttemptsWithTheLastFailure() {
    AtomicInteger calls = new AtomicInteger();
    PersistenceException last = failure("40P01");
    assertSame(
        last,
        assertThrows(
            PersistenceException.class,
            () ->
                DeadlockRetryInterceptor.withRetries(
                    () -> {
                      calls.incrementAndGet();
                      throw last;
                    },
                    "patch")));
    assertEquals(DeadlockRetryInterceptor.ATTEMPTS, calls.get());
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        PersistenceException.class,
        () ->
            DeadlockRetryInterceptor.withRetries(
                () -> {
                  calls.incrementAndGet();
                  throw new PersistenceException(new SQLException("duplicate key", "23505"));
                },
                "create"));
    assertEquals(1, calls.get());
  }
}
