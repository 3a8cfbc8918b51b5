package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects one request body as it arrives, on whatever container thread has data, and ends in
 * exactly one of: dispatch with the whole body, 413 (too large), 503 (the instance holds too much),
 * 408 (the deadline passed), or nothing at all when the client went away.
 */
final class BodyReader implements ReadListener, AsyncListener {
  private static final Logger LOG = Logger.getLogger(BodyReader.class.getName());

  /** A body that arrived in full, handed to the dispatched request. */
  record Arrived(byte[] bytes, BodyReader reader) {}

  private final BodyDeadlineFilter filter;
  private final AsyncContext async;
  private final ServletInputStream in;
  private final int max;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final byte[] chunk = new byte[8192];
  private final AtomicBoolean released = new AtomicBoolean();
  private long held;
  private boolean done;

  BodyReader(BodyDeadlineFilter filter, AsyncContext async, ServletInputStream in, int max) {
    this.filter = filter;
    this.async = async;
    this.in = in;
    this.max = max;
  }

  @Override
  public synchronized void onDataAvailable() throws IOException {
    while (!done && in.isReady()) {
      int n = in.read(chunk);
      if (n < 0) {
        return; // onAllDataRead follows
      }
      body.write(chunk, 0, n);
      held += n;
      if (!filter.hold(n)) {
        fail(unavailable());
      } else if (body.size() > max) {
        fail(ScimErrors.payloadTooLarge(filter.tooLarge(max)));
      }
    }
  }

  @Override
  public synchronized void onAllDataRead() {
    if (done) {
      return;
    }
    done = true;
    async
        .getRequest()
        .setAttribute(BodyDeadlineFilter.ARRIVED, new Arrived(body.toByteArray(), this));
    async.dispatch();
  }

  @Override
  public synchronized void onError(Throwable t) {
    // Liberty's readTimeout between two reads, or the client went away.
    LOG.log(Level.FINE, "Reading a request body failed: {0}", String.valueOf(t));
    fail(ScimErrors.requestTimeout(filter.tooSlow()));
  }

  @Override
  public synchronized void onTimeout(AsyncEvent event) {
    fail(ScimErrors.requestTimeout(filter.tooSlow()));
  }

  @Override
  public void onComplete(AsyncEvent event) {
    release();
  }

  /**
   * Gives back what this body counted against {@code scim.limits.buffered-bytes}: once the request
   * has been handled, or answered without it.
   */
  synchronized void release() {
    if (released.compareAndSet(false, true)) {
      filter.release(held);
    }
  }

  @Override
  public synchronized void onError(AsyncEvent event) {
    onError(event.getThrowable());
  }

  @Override
  public void onStartAsync(AsyncEvent event) {}

  private void fail(ScimException e) {
    if (done) {
      return;
    }
    done = true;
    release();
    try {
      BodyDeadlineFilter.send(
          (HttpServletRequest) async.getRequest(),
          (HttpServletResponse) async.getResponse(),
          e,
          true);
    } catch (IOException | RuntimeException ignored) {
      // the client is gone; nothing to answer
    } finally {
      async.complete();
    }
  }

  private static ScimException unavailable() {
    return ScimErrors.unavailable(
        "The server holds too many request bodies at once; retry shortly");
  }
}
