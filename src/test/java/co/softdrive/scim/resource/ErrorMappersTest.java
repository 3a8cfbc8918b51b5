package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {
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
        ErrorMappers.cause(new IllegalStateException("tx", wrapped)));
  }

  @Test
  void withoutADatabaseErrorTheRootCausesClassIsLogged() {
    var e = new IllegalStateException("x", new UncheckedIOException(new ConnectException("no")));

    assertEquals("ConnectException", ErrorMappers.cause(e));
  }

  @Test
  void aLongDatabaseMessageIsCut() {
    String cause =
        ErrorMappers.cause(new SQLTransactionRollbackException("x".repeat(9000), "40XL1"));

    assertTrue(cause.length() < 4100, cause);
    assertTrue(cause.endsWith("..."), cause);
  }
}
