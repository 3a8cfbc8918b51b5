package co.softdrive.scim.transaction;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a {@link RetryDeadlocks} method again, up to {@link #ATTEMPTS} times in all, when the
 * database rolled its transaction back as a deadlock victim (SQLState 40001 on Derby, 40P01 or a
 * serialization failure 40001 on PostgreSQL). The victim's work is undone as a whole, so running
 * the method again in a new transaction is safe; the client sees a success instead of a 503. Placed
 * outside the {@code @Transactional} interceptor (priority 200), and inactive when the caller
 * already has a transaction, which is then the caller's to retry.
 */
@RetryDeadlocks
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DeadlockRetryInterceptor {
  private static final Logger LOG = Logger.getLogger(DeadlockRetryInterceptor.class.getName());
  static final int ATTEMPTS = 3;

  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  public Object retry(InvocationContext context) throws Exception {
    if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
      return context.proceed();
    }
    return withRetries(context::proceed, context.getMethod().getName());
  }

  static Object withRetries(Callable<Object> call, String what) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !isDeadlockVictim(e)) {
          throw e;
        }
        LOG.log(
            Level.INFO,
            "{0}: chosen as a deadlock victim; running it again (attempt {1} of {2})",
            new Object[] {what, attempt + 1, ATTEMPTS});
        Thread.sleep(ThreadLocalRandom.current().nextLong(10, 100) * attempt);
      }
    }
  }

  static boolean isDeadlockVictim(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
