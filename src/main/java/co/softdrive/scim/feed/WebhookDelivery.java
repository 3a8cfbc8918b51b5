package co.softdrive.scim.feed;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.persistence.WebhookEndpointEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the change feed to webhook endpoints: at least once, in cursor order (so in order per
 * tenant), up to {@link #BATCH} events per POST. A failed POST (non-2xx, timeout, refused) is
 * retried after an exponential back-off (1 s doubling to 1 h); the endpoint's state shows the
 * attempts, the next try and the last error. Several instances share the work through per-endpoint
 * leases in the database, and since the cursor only advances after a 2xx, a crash causes a
 * redelivery, never a loss. Receivers should de-duplicate on {@code cursor}.
 */
@ApplicationScoped
public class WebhookDelivery {
  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
  static final int BATCH = 100;

  @Inject WebhookStore store;
  @Inject Outbox outbox;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

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
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(endpoint.getUrl()))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("User-Agent", "Softdrive-SCIM-Webhooks/1")
              .header("X-Softdrive-Delivery", endpoint.getId() + ":" + last)
              .header(
                  WebhookSignature.HEADER,
                  WebhookSignature.header(endpoint.getSecret(), seconds, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        store.succeeded(endpoint.getId(), last, System.currentTimeMillis());
        return true;
      }
      fail(endpoint, "HTTP " + response.statusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(endpoint, "interrupted");
    } catch (Exception e) {
      fail(
          endpoint,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    return false;
  }

  private void fail(WebhookEndpointEntity endpoint, String error) {
    LOG.log(
        Level.WARNING, "Webhook {0} delivery failed: {1}", new Object[] {endpoint.getId(), error});
    store.failed(endpoint.getId(), error, System.currentTimeMillis());
  }
}
