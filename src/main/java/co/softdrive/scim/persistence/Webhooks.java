package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Webhook endpoints and their delivery state, in the caller's transaction. An endpoint belongs to
 * the deployment (staff register it) and may be narrowed to one tenant's events, so endpoints are
 * found by their own id.
 */
@ApplicationScoped
public class Webhooks {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  public void add(WebhookEndpointEntity endpoint) {
    em.persist(endpoint);
  }

  /** Every endpoint, oldest first. */
  public List<WebhookEndpointEntity> list() {
    return em.createNamedQuery("WebhookEndpointEntity.list", WebhookEndpointEntity.class)
        .getResultList();
  }

  /** The endpoint (managed: changes are written at commit), if it exists. */
  public Optional<WebhookEndpointEntity> find(String id) {
    return Optional.ofNullable(em.find(WebhookEndpointEntity.class, id));
  }

  public void remove(WebhookEndpointEntity endpoint) {
    em.remove(endpoint);
  }

  /** Ids of the endpoints due for a delivery attempt at {@code now}. */
  public List<String> due(long now) {
    return em.createNamedQuery("WebhookEndpointEntity.due", String.class)
        .setParameter("now", now)
        .getResultList();
  }

  /**
   * Takes the endpoint's delivery lease for {@code owner} until {@code until} unless another owner
   * holds an unexpired one; the endpoint as claimed (detached), or empty.
   */
  public Optional<WebhookEndpointEntity> claim(String id, String owner, long until, long now) {
    int claimed =
        em.createNamedQuery("WebhookEndpointEntity.claim")
            .setParameter("owner", owner)
            .setParameter("until", until)
            .setParameter("id", id)
            .setParameter("now", now)
            .executeUpdate();
    if (claimed == 0) {
      return Optional.empty();
    }
    WebhookEndpointEntity w = em.find(WebhookEndpointEntity.class, id);
    em.detach(w);
    return Optional.of(w);
  }
}
