package co.softdrive.scim.transaction;

import co.softdrive.scim.protocol.error.ScimException;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The two halves of {@link QuietClientErrors}, one on each side of Liberty's {@code @Transactional}
 * interceptor (priority {@code PLATFORM_BEFORE + 200}):
 *
 * <ul>
 *   <li>{@link Inside} catches a {@link ScimException} with a 4xx status, marks the transaction
 *       rollback-only (what the {@code @Transactional} interceptor does for any unchecked
 *       exception) and returns it wrapped as a {@link Deferred} value. The transaction interceptor
 *       sees a normal return and, the transaction being rollback-only, rolls it back quietly.
 *   <li>{@link Outside} throws the wrapped exception again, so the caller sees exactly what the
 *       method threw. Every bean with the binding has both halves, so a {@code Deferred} never
 *       leaves the bean that made it, nested calls included.
 * </ul>
 *
 * Server errors (5xx) and every other exception pass through unchanged: those are incidents.
 */
public final class ClientErrorInterceptors {
  private ClientErrorInterceptors() {}

  /** A client error on its way out of a transactional method. */
  record Deferred(ScimException error) {}

  @QuietClientErrors
  @Interceptor
  @Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
  public static class Inside {
    @Resource TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object defer(InvocationContext context) throws Exception {
      try {
        return context.proceed();
      } catch (ScimException e) {
        if (e.status() >= 500) {
          throw e;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
          transactions.setRollbackOnly();
        }
        return new Deferred(e);
      }
    }
  }

  @QuietClientErrors
  @Interceptor
  @Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
  public static class Outside {
    @AroundInvoke
    public Object rethrow(InvocationContext context) throws Exception {
      Object result = context.proceed();
      if (result instanceof Deferred deferred) {
        throw deferred.error();
      }
      return result;
    }
  }
}
