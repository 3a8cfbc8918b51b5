package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Tenants and the counts shown beside them, in the caller's transaction. */
@ApplicationScoped
public class Tenants {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  public void add(TenantEntity tenant) {
    em.persist(tenant);
  }

  /** The tenant (managed: changes to it are written at commit), if it exists. */
  public Optional<TenantEntity> find(TenantId tenant) {
    return Optional.ofNullable(em.find(TenantEntity.class, tenant.value()));
  }

  /**
   * The tenant, managed and locked ({@code PESSIMISTIC_WRITE}) until the caller's transaction ends:
   * the deletion guard serialises a tenant's deactivations and decisions on this row.
   */
  public Optional<TenantEntity> lock(TenantId tenant) {
    return Optional.ofNullable(
        em.find(TenantEntity.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  /** Every tenant, by name. */
  public List<TenantEntity> list() {
    return em.createNamedQuery("TenantEntity.list", TenantEntity.class).getResultList();
  }

  /** Whether a tenant already has this lower-cased name. */
  public boolean nameTaken(String nameCi) {
    return em.createNamedQuery("TenantEntity.countByName", Long.class)
            .setParameter("nameCi", nameCi)
            .getSingleResult()
        > 0;
  }

  /**
   * The tenant's own request rate: empty for the deployment default. Read as a scalar so that a
   * change made on another instance is seen.
   */
  public Optional<Integer> rateLimit(TenantId tenant) {
    return em.createQuery(
            "SELECT t.rateLimitPerSecond FROM TenantEntity t WHERE t.id = :id", Integer.class)
        .setParameter("id", tenant.value())
        .getResultStream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  public long userCount(TenantId tenant) {
    return em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.tenantId = :t", Long.class)
        .setParameter("t", tenant.value())
        .getSingleResult();
  }

  public long groupCount(TenantId tenant) {
    return em.createQuery("SELECT COUNT(g) FROM GroupEntity g WHERE g.tenantId = :t", Long.class)
        .setParameter("t", tenant.value())
        .getSingleResult();
  }

  /** Tokens neither revoked nor expired at {@code now}. */
  public long activeTokenCount(TenantId tenant, long now) {
    return em.createNamedQuery("TokenEntity.countActiveByTenant", Long.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("now", now)
        .getSingleResult();
  }

  /** Users per tenant id, for the list of all tenants (one grouped query). */
  public Map<String, Long> userCounts() {
    return countsByTenant(
        em.createQuery(
                "SELECT u.tenantId, COUNT(u) FROM UserEntity u GROUP BY u.tenantId", Object[].class)
            .getResultList());
  }

  /** Groups per tenant id, for the list of all tenants. */
  public Map<String, Long> groupCounts() {
    return countsByTenant(
        em.createQuery(
                "SELECT g.tenantId, COUNT(g) FROM GroupEntity g GROUP BY g.tenantId",
                Object[].class)
            .getResultList());
  }

  /** Tokens neither revoked nor expired at {@code now}, per tenant id. */
  public Map<String, Long> activeTokenCounts(long now) {
    return countsByTenant(
        em.createQuery(
                "SELECT t.tenantId, COUNT(t) FROM TokenEntity t WHERE t.revokedAt IS NULL"
                    + " AND (t.expiresAt IS NULL OR t.expiresAt > :now) GROUP BY t.tenantId",
                Object[].class)
            .setParameter("now", now)
            .getResultList());
  }

  private static Map<String, Long> countsByTenant(List<Object[]> rows) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }
}
