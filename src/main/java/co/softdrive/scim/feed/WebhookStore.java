package co.softdrive.scim.feed;

import co.softdrive.scim.persistence.JobLeases;
import co.softdrive.scim.persistence.WebhookEndpointEntity;
import co.softdrive.scim.persistence.Webhooks;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;

/** Webhook endpoints and their delivery state; each method is its own short transaction. */
@ApplicationScoped
@QuietClientErrors
public class WebhookStore {
  static final long LEASE_MILLIS = 60_000;
  static final long MAX_BACKOFF_MILLIS = 3_600_000;

  @Inject Webhooks webhooks;
  @Inject TenantService tenants;
  @Inject Outbox outbox;
  @Inject WebhookConfig config;

  /** A new endpoint; its secret is returned once. Delivery starts after the current feed head. */
  @Transactional
  public Created create(String tenantId, String url, Long after, String createdBy) {
    if (tenantId != null) {
      tenants.require(tenantId);
    }
    WebhookUrl target = WebhookUrl.parse(url);
    refuseUnlessAllowed(target);
    String secret = WebhookSignature.newSecret();
    long start = after != null ? after : outbox.head();
    WebhookEndpointEntity w =
        new WebhookEndpointEntity(
            UUID.randomUUID().toString(),
            tenantId,
            target.uri().toString(),
            secret,
            createdBy,
            System.currentTimeMillis(),
            start);
    webhooks.add(w);
    return new Created(WebhookView.of(w), secret);
  }

  /**
   * Refuses a target whose address (the literal, or what its name resolves to now) the policy
   * refuses. A name that does not resolve yet is accepted: delivery checks again on every attempt.
   */
  private void refuseUnlessAllowed(WebhookUrl target) {
    try {
      config.targets().addresses(target, InetAddress::getAllByName);
    } catch (WebhookTargets.Refused e) {
      String where =
          target.literal() != null
              ? "url points to "
              : "url host " + target.host() + " resolves to ";
      throw ScimBadRequest.invalidValue(
          where
              + e.getMessage()
              + "; webhooks are delivered to public addresses only, unless"
              + " scim.webhooks.allowed-networks allows the address");
    } catch (UnknownHostException e) {
      // not resolvable now; checked at delivery
    }
  }

  /** A created endpoint and its secret. */
  public record Created(WebhookView webhook, String secret) {}

  @Transactional
  public List<WebhookView> list() {
    return webhooks.list().stream().map(WebhookStore::scrubbed).map(WebhookView::of).toList();
  }

  @Transactional
  public WebhookView get(String id) {
    return WebhookView.of(scrubbed(find(id)));
  }

  /**
   * Drops a user name and password that an endpoint registered before they were refused still
   * carries in its URL; they were never sent, and are no longer kept.
   */
  private static WebhookEndpointEntity scrubbed(WebhookEndpointEntity w) {
    String clean = WebhookUrl.withoutUserInfo(w.getUrl());
    if (!clean.equals(w.getUrl())) {
      w.setUrl(clean);
    }
    return w;
  }

  @Transactional
  public void delete(String id) {
    webhooks.remove(find(id));
  }

  @Transactional
  public List<String> due(long now) {
    return webhooks.due(now);
  }

  /** Claims one endpoint for delivery; null when another instance holds it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public WebhookEndpointEntity claim(String id, long now) {
    return webhooks.claim(id, JobLeases.INSTANCE, now + LEASE_MILLIS, now).orElse(null);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void succeeded(String id, long lastSeq, long now) {
    WebhookEndpointEntity w = webhooks.find(id).orElse(null);
    if (w != null) {
      w.delivered(lastSeq, now);
      w.releaseLease();
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(String id, String error, long now) {
    WebhookEndpointEntity w = webhooks.find(id).orElse(null);
    if (w != null) {
      long backoff = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(w.getAttempts(), 20));
      w.failed(error, now + backoff);
      w.releaseLease();
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(String id) {
    WebhookEndpointEntity w = webhooks.find(id).orElse(null);
    if (w != null) {
      w.releaseLease();
    }
  }

  private WebhookEndpointEntity find(String id) {
    return webhooks.find(id).orElseThrow(() -> ScimErrors.notFound("Webhook " + id + " not found"));
  }
}
