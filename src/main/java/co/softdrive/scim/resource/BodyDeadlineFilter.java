package co.softdrive.scim.resource;

import co.softdrive.scim.platform.LimitsConfig;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives request bodies under {@code /api} without holding a thread while they arrive, and only
 * for so long. A blocking read keeps a worker thread for as long as the client takes; clients that
 * trickle a body a byte at a time took the server from about 240 to over 700 threads and stalled
 * normal requests for seconds. Here the body is read with a non-blocking {@link
 * jakarta.servlet.ReadListener} ({@link BodyReader}); once it is complete the request is dispatched
 * to JAX-RS with the body in memory ({@link BufferedBodyRequest}). A body that has not arrived
 * {@code scim.limits.request-body-seconds} after the headers gets 408 and the connection is closed;
 * one announced or grown beyond {@code scim.limits.request-bytes} gets 413; and while the bodies
 * held by this instance exceed {@code scim.limits.buffered-bytes}, further ones get 503 with {@code
 * Retry-After}. Requests without a body pass straight through.
 */
@WebFilter(
    urlPatterns = "/api/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC})
public class BodyDeadlineFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(BodyDeadlineFilter.class.getName());
  static final String ARRIVED = "softdrive.body.arrived";
  static final String READING = "softdrive.body.reading";

  @Inject LimitsConfig limits;

  /** Bytes of bodies this instance holds: arriving, or being handled. */
  private final AtomicLong held = new AtomicLong();

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getAttribute(ARRIVED) instanceof BodyReader.Arrived body) {
      req.removeAttribute(ARRIVED);
      try {
        chain.doFilter(new BufferedBodyRequest(req, body.bytes()), res);
      } finally {
        body.reader().release();
      }
      return;
    }
    // Once per request: PathNormalizingFilter may forward it, and the dispatch comes back here.
    if (req.getDispatcherType() == DispatcherType.ASYNC
        || req.getAttribute(READING) != null
        || !hasBody(req)) {
      chain.doFilter(req, res);
      return;
    }
    req.setAttribute(READING, Boolean.TRUE);
    int max = limits.limits().requestBytes();
    if (req.getContentLengthLong() > max) {
      send(req, res, ScimErrors.payloadTooLarge(tooLarge(max)), false);
      return;
    }
    AsyncContext async = req.startAsync();
    async.setTimeout(limits.requestBodySeconds() * 1000L);
    BodyReader reader = new BodyReader(this, async, req.getInputStream(), max);
    async.addListener(reader);
    req.getInputStream().setReadListener(reader);
  }

  /** Counts bytes that arrived; false when the instance holds more than it may. */
  boolean hold(int bytes) {
    return held.addAndGet(bytes) <= limits.bufferedBytes();
  }

  void release(long bytes) {
    held.addAndGet(-bytes);
  }

  String tooLarge(int max) {
    return "The request body exceeds the limit of " + max + " bytes";
  }

  String tooSlow() {
    return "The request body did not arrive within "
        + limits.requestBodySeconds()
        + " seconds of the request headers";
  }

  /**
   * Answers a request whose body will not be read, in the error format of its API, and closes the
   * connection: the rest of the body may still be on its way.
   */
  static void send(HttpServletRequest req, HttpServletResponse res, ScimException e, boolean async)
      throws IOException {
    boolean scim =
        ErrorBodies.isScimPath(req.getRequestURI().substring(req.getContextPath().length()));
    Response error = ErrorBodies.of(e, scim);
    res.setStatus(error.getStatus());
    error.getStringHeaders().forEach((name, values) -> values.forEach(v -> res.addHeader(name, v)));
    res.setHeader("Connection", "close");
    byte[] body = String.valueOf(error.getEntity()).getBytes(StandardCharsets.UTF_8);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
    res.flushBuffer();
    LOG.log(
        Level.FINE,
        "{0} {1}: {2} without reading the body{3}",
        new Object[] {req.getMethod(), req.getRequestURI(), e.status(), async ? " (async)" : ""});
  }

  private static boolean hasBody(HttpServletRequest req) {
    return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
  }
}
