package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** One handle per transaction for the plain statements, closed when the transaction completes. */
class TxConnectionsTest {
  private final List<Connection> opened = new ArrayList<>();
  private final Set<Connection> closed = ConcurrentHashMap.newKeySet();
  private final FakeRegistry registry = new FakeRegistry();
  private final TxConnections connections = new TxConnections();

  TxConnectionsTest() {
    connections.dataSource =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    Connection c = connection();
                    opened.add(c);
                    return c;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    connections.transactions = registry;
  }

  private Connection connection() {
    Connection[] self = new Connection[1];
    self[0] =
        (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "close" -> {
                        closed.add(self[0]);
                        yield null;
                      }
                      case "isClosed" -> closed.contains(self[0]);
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return self[0];
  }

  @Test
  void oneHandleServesEveryStatementOfATransactionAndIsClosedBeforeTheCommit() {
    registry.status = Status.STATUS_ACTIVE;
    Connection first = connections.run("first", c -> c);
    Connection second = connections.run("second", c -> c);
    assertSame(first, second);
    assertEquals(1, opened.size());
    assertFalse(closed.contains(first), "open until the transaction completes");

    registry.complete(Status.STATUS_COMMITTED);
    assertTrue(closed.contains(first));

    registry.status = Status.STATUS_ACTIVE;
    assertNotSame(first, connections.run("next transaction", c -> c), "a new transaction");
  }

  @Test
  void statementsRunWhileTheCommitBeginsGetAHandleOfTheirOwn() {
    registry.status = Status.STATUS_ACTIVE;
    Connection handle = connections.run("work", c -> c);
    registry.synchronizations.forEach(Synchronization::beforeCompletion);
    Connection late = connections.run("another participant's before-completion", c -> c);
    assertNotSame(handle, late);
    assertTrue(closed.contains(late), "closed after its statement");
  }

  @Test
  void aRolledBackTransactionsHandleIsClosedAfterwards() {
    registry.status = Status.STATUS_ACTIVE;
    Connection handle = connections.run("work", c -> c);
    registry.rollBack();
    assertTrue(closed.contains(handle));
  }

  @Test
  void outsideATransactionEachCallHasAHandleOfItsOwn() {
    registry.status = Status.STATUS_NO_TRANSACTION;
    Connection first = connections.run("first", c -> c);
    Connection second = connections.run("second", c -> c);
    assertNotSame(first, second);
    assertTrue(closed.contains(first) && closed.contains(second));
    assertTrue(registry.synchronizations.isEmpty());
  }

  /** The registry of one transaction at a time. */
  static final class FakeRegistry implements TransactionSynchronizationRegistry {
    int status = Status.STATUS_NO_TRANSACTION;
    final Map<Object, Object> resources = new HashMap<>();
    final List<Synchronization> synchronizations = new ArrayList<>();

    void complete(int outcome) {
      synchronizations.forEach(Synchronization::beforeCompletion);
      synchronizations.forEach(s -> s.afterCompletion(outcome));
      end();
    }

    void rollBack() {
      synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));
      end();
    }

    private void end() {
      synchronizations.clear();
      resources.clear();
      status = Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public Object getTransactionKey() {
      return status == Status.STATUS_NO_TRANSACTION ? null : this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return status;
    }

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
      return status == Status.STATUS_MARKED_ROLLBACK;
    }
  }
}
