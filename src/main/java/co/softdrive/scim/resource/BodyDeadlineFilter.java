package co.softdrive.scim.resource;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads request bodies under {@code /api} before anything else, within a deadline and only so many
 * at once. Reading a body blocks a worker thread for as long as the client takes: 300 clients that
 * trickled a body a byte at a time held every worker, and normal requests timed out. Here a body
 * must arrive within {@code scim.limits.request-body-seconds} of its headers (else 408, {@link
 * BoundedBodyReader}), at most {@code scim.limits.body-readers} bodies are read at the same time
 * (the next one gets 503 with {@code Retry-After} at once), and a {@code Content-Length} above
 * {@code scim.limits.request-bytes} gets 413 before anything is read. Each of these answers closes
 * the connection. The body then reaches JAX-RS from memory ({@link BufferedBodyRequest}); requests
 * without a body pass straight through. Reading stays blocking on purpose: with Liberty,
 * dispatching a request again after a non-blocking read ({@code AsyncContext.dispatch}) lost some
 * requests under load (an empty 200).
 */
@WebFilter(
    urlPatterns = "/api/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class BodyDeadlineFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(BodyDeadlineFilter.class.getName());
  static final String READ = "softdrive.body.read";

  @Inject LimitsConfig limits;

  private transient Semaphore readers;

  @Override
  public void init() {
    readers = new Semaphore(limits.bodyReaders());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getAttribute(READ) != null || !hasBody(req)) {
      chain.doFilter(req, res);
      return;
    }
    int max = limits.limits().requestBytes();
    if (req.getContentLengthLong() > max) {
      refuse(req, res, ScimErrors.payloadTooLarge(BoundedBodyReader.tooLarge(max)));
      return;
    }
    if (!readers.tryAcquire()) {
      refuse(
          req,
          res,
          ScimErrors.unavailable("Too many request bodies are arriving at once; retry shortly"));
      return;
    }
    byte[] body;
    try {
      body = BoundedBodyReader.read(req.getInputStream(), max, limits.requestBodySeconds());
    } catch (ScimException e) {
      refuse(req, res, e);
      return;
    } finally {
      readers.release();
    }
    req.setAttribute(READ, Boolean.TRUE);
    chain.doFilter(new BufferedBodyRequest(req, body), res);
  }

  /**
   * Answers a request whose body is not (all) read, in the error format of its API, and closes the
   * connection: the rest of the body may still be on its way.
   */
  private static void refuse(HttpServletRequest req, HttpServletResponse res, ScimException e)
      throws IOException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    res.setHeader("Connection", "close");
    ErrorBodies.write(res, e, RequestPaths.isScimRequestUri(path));
    res.flushBuffer();
    LOG.log(
        Level.FINE,
        "{0} {1}: {2} before the body was read",
        new Object[] {req.getMethod(), path, e.status()});
  }

  private static boolean hasBody(HttpServletRequest req) {
    return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
  }
}
