package co.softdrive.scim.feed;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.persistence.WebhookEndpointEntity;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the change feed to webhook endpoints: at least once, in cursor order (so in order per
 * tenant), up to {@link #BATCH} events per POST. Every attempt checks the target again ({@link
 * WebhookTargets}) and connects only to the addresses it checked ({@link WebhookPost}). A failed
 * POST (non-2xx, redirect, no connection, timeout, refused by policy) is retried after an
 * exponential back-off (1 s doubling to 1 h); the endpoint's state shows the attempts, the next try
 * and the last error in a few coarse words ("HTTP 503", "connection failed", "timed out", "refused
 * by policy"), never an exception's message. Several instances share the work through per-endpoint
 * leases in the database, and since the cursor only advances after a 2xx, a crash causes a
 * redelivery, never a loss. Receivers should de-duplicate on {@code cursor}.
 */
@ApplicationScoped
public class WebhookDelivery {
  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
  static final int BATCH = 100;

  @Inject WebhookStore store;
  @Inject Outbox outbox;
  @Inject WebhookConfig config;

  /** One pass over the endpoints that are due; returns how many POSTs succeeded. */
  public int run() {
    int delivered = 0;
    long now = System.currentTimeMillis();
    for (String id : store.due(now)) {
      WebhookEndpointEntity endpoint = store.claim(id, now);
      if (endpoint != null && deliver(endpoint)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean deliver(WebhookEndpointEntity endpoint) {
    List<FeedEvent> events = outbox.read(endpoint.getLastSeq(), BATCH, endpoint.getTenantId());
    if (events.isEmpty()) {
      store.release(endpoint.getId());
      return false;
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    events.forEach(e -> array.add(e.toJson()));
    long last = events.get(events.size() - 1).cursor();
    String body =
        JSON.createObjectBuilder().add("events", array).add("nextCursor", last).build().toString();
    long seconds = System.currentTimeMillis() / 1000;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "Softdrive-SCIM-Webhooks/1");
    headers.put("X-Softdrive-Delivery", endpoint.getId() + ":" + last);
    headers.put(
        WebhookSignature.HEADER, WebhookSignature.header(endpoint.getSecret(), seconds, body));
    String error;
    Exception cause = null;
    try {
      // Stored URLs are checked again on every attempt: the policy or DNS may have changed.
      WebhookUrl url = WebhookUrl.parse(WebhookUrl.withoutUserInfo(endpoint.getUrl()));
      List<InetAddress> addresses = config.targets().addresses(url, InetAddress::getAllByName);
      int status = WebhookPost.send(url, addresses, headers, body.getBytes(StandardCharsets.UTF_8));
      if (status / 100 == 2) {
        store.succeeded(endpoint.getId(), last, System.currentTimeMillis());
        return true;
      }
      error = "HTTP " + status;
    } catch (ScimException | WebhookTargets.Refused e) {
      error = "refused by policy";
      cause = e;
    } catch (UnknownHostException e) {
      error = "host not found";
      cause = e;
    } catch (WebhookPost.Failure e) {
      error = e.getMessage();
      cause = e.getCause() instanceof Exception c ? c : e;
    } catch (RuntimeException e) {
      error = "delivery failed";
      cause = e;
    }
    fail(endpoint, error, cause);
    return false;
  }

  /**
   * The endpoint's state gets only the coarse words; the log, which only operators read, also gets
   * the cause.
   */
  private void fail(WebhookEndpointEntity endpoint, String error, Exception cause) {
    LOG.log(
        Level.WARNING,
        "Webhook {0} delivery failed: {1} ({2})",
        new Object[] {endpoint.getId(), error, String.valueOf(cause)});
    store.failed(endpoint.getId(), error, System.currentTimeMillis());
  }
}
