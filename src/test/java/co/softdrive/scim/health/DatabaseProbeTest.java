package co.softdrive.scim.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Telling a database outage from other errors: what the admin API, the console's sign-in and SCIM
 * answer with 503 and {@code Retry-After} instead of an error of the request.
 */
class DatabaseProbeTest {
  static final BooleanSupplier NOT_ASKED =
      () -> {
        throw new AssertionError("the probe need not be asked");
      };

  @Test
  void aLostConnectionIsAnOutageWithoutAskingTheProbe() {
    assertTrue(
        DatabaseProbe.isOutage(
            new PersistenceException(new SQLException("connection reset", "08006")), NOT_ASKED));
    assertTrue(
        DatabaseProbe.isOutage(
            new RuntimeException(new SQLException("terminating connection", "57P01")), NOT_ASKED));
    assertTrue(
        DatabaseProbe.isOutage(
            new PersistenceException(new SQLTransientConnectionException("pool timeout")),
            NOT_ASKED));
  }

  @Test
  void anyOtherDatabaseErrorIsAnOutageOnlyWhileTheDatabaseDoesNotAnswer() {
    // PostgreSQL refusing connections (ALLOW_CONNECTIONS false) says 55000.
    PersistenceException refused =
        new PersistenceException(new SQLException("database does not allow connections", "55000"));
    assertTrue(DatabaseProbe.isOutage(refused, () -> false));
    assertFalse(DatabaseProbe.isOutage(refused, () -> true));
  }

  @Test
  void whatIsNoDatabaseErrorIsNoOutage() {
    assertFalse(DatabaseProbe.isOutage(new IllegalStateException("a bug"), NOT_ASKED));
    assertFalse(DatabaseProbe.isOutage(new PersistenceException("no SQL cause"), NOT_ASKED));
  }

  @Test
  void theLoggedCauseOfAnOutageIsTheDatabasesOwnErrorWithItsSqlState() {
    var deadlock =
        new SQLTransactionRollbackException(
            "A lock could not be obtained due to a deadlock, cycle of locks and waiters is: ...",
            "40001");
    var wrapped = new PersistenceException("Exception [EclipseLink-4002]", deadlock);

    assertEquals(
        "SQLTransactionRollbackException, SQLState 40001: A lock could not be obtained due to a"
            + " deadlock, cycle of locks and waiters is: ...",
        DatabaseProbe.describe(new IllegalStateException("tx", wrapped)));
  }

  @Test
  void withoutADatabaseErrorTheRootCausesClassIsLogged() {
    var e = new IllegalStateException("x", new UncheckedIOException(new ConnectException("no")));

    assertEquals("ConnectException", DatabaseProbe.describe(e));
  }

  @Test
  void aLongDatabaseMessageIsCut() {
    String cause =
        DatabaseProbe.describe(new SQLTransactionRollbackException("x".repeat(9000), "40XL1"));

    assertTrue(cause.length() < 4100, cause);
    assertTrue(cause.endsWith("..."), cause);
  }
}
