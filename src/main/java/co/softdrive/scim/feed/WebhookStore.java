package co.softdrive.scim.feed;

import co.softdrive.scim.persistence.WebhookEndpointEntity;
import co.softdrive.scim.platform.JobLeases;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Webhook endpoints and their delivery state; each method is its own short transaction. */
@ApplicationScoped
@QuietClientErrors
public class WebhookStore {
  static final long LEASE_MILLIS = 60_000;
  static final long MAX_BACKOFF_MILLIS = 3_600_000;

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject TenantService tenants;
  @Inject Outbox outbox;

  /** A new endpoint; its secret is returned once. Delivery starts after the current feed head. */
  @Transactional
  public Created create(String tenantId, String url, Long after, String createdBy) {
    if (tenantId != null) {
      tenants.require(tenantId);
    }
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.strip());
    } catch (IllegalArgumentException e) {
      throw ScimBadRequest.invalidValue("url is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw ScimBadRequest.invalidValue("url must be an absolute http(s) URL");
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long start = after != null ? after : outbox.head();
    WebhookEndpointEntity w =
        new WebhookEndpointEntity(
            UUID.randomUUID().toString(),
            tenantId,
            uri.toString(),
            secret,
            createdBy,
            System.currentTimeMillis(),
            start);
    em.persist(w);
    return new Created(WebhookView.of(w), secret);
  }

  /** A created endpoint and its secret. */
  public record Created(WebhookView webhook, String secret) {}

  @Transactional
  public List<WebhookView> list() {
    return em.createNamedQuery("WebhookEndpointEntity.list", WebhookEndpointEntity.class)
        .getResultStream()
        .map(WebhookView::of)
        .toList();
  }

  @Transactional
  public WebhookView get(String id) {
    return WebhookView.of(find(id));
  }

  @Transactional
  public void delete(String id) {
    em.remove(find(id));
  }

  @Transactional
  public List<String> due(long now) {
    return em.createNamedQuery("WebhookEndpointEntity.due", String.class)
        .setParameter("now", now)
        .getResultList();
  }

  /** Claims one endpoint for delivery; null when another instance holds it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public WebhookEndpointEntity claim(String id, long now) {
    int claimed =
        em.createNamedQuery("WebhookEndpointEntity.claim")
            .setParameter("owner", JobLeases.INSTANCE)
            .setParameter("until", now + LEASE_MILLIS)
            .setParameter("id", id)
            .setParameter("now", now)
            .executeUpdate();
    if (claimed == 0) {
      return null;
    }
    WebhookEndpointEntity w = em.find(WebhookEndpointEntity.class, id);
    em.detach(w);
    return w;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void succeeded(String id, long lastSeq, long now) {
    WebhookEndpointEntity w = em.find(WebhookEndpointEntity.class, id);
    if (w != null) {
      w.delivered(lastSeq, now);
      w.releaseLease();
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(String id, String error, long now) {
    WebhookEndpointEntity w = em.find(WebhookEndpointEntity.class, id);
    if (w != null) {
      long backoff = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(w.getAttempts(), 20));
      w.failed(error, now + backoff);
      w.releaseLease();
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(String id) {
    WebhookEndpointEntity w = em.find(WebhookEndpointEntity.class, id);
    if (w != null) {
      w.releaseLease();
    }
  }

  private WebhookEndpointEntity find(String id) {
    WebhookEndpointEntity w = em.find(WebhookEndpointEntity.class, id);
    if (w == null) {
      throw ScimErrors.notFound("Webhook " + id + " not found");
    }
    return w;
  }
}
