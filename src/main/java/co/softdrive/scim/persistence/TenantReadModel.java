package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenants list as the console and the admin API show it (read only, in the caller's
 * transaction): search by name, sort and page in the database, and the counts of the tenants of one
 * page in one grouped query each.
 */
@ApplicationScoped
public class TenantReadModel {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** What the tenants list can be sorted by in the database; ties go by id. */
  public enum Sort {
    NAME("t.nameCi"),
    STATUS("t.status"),
    CREATED_AT("t.createdAt");

    final String path;

    Sort(String path) {
      this.path = path;
    }
  }

  /**
   * A tenant's users by account state.
   *
   * @param active accounts in state {@code ACTIVE}
   * @param tombstones accounts in state {@code DELETED}
   */
  public record UserCounts(long users, long active, long tombstones) {
    public static final UserCounts NONE = new UserCounts(0, 0, 0);
  }

  /** Tenants whose name contains {@code search}, case-insensitively (blank: all). */
  public long count(String search) {
    return em.createQuery(
            "SELECT COUNT(t) FROM TenantEntity t WHERE t.nameCi LIKE :q ESCAPE '!'", Long.class)
        .setParameter("q", Like.contains(search))
        .getSingleResult();
  }

  /** One page of the tenants {@link #count} counts. */
  public List<TenantEntity> page(
      String search, Sort sort, boolean ascending, int offset, int limit) {
    return em.createQuery(
            "SELECT t FROM TenantEntity t WHERE t.nameCi LIKE :q ESCAPE '!' ORDER BY "
                + sort.path
                + (ascending ? " ASC" : " DESC")
                + ", t.id",
            TenantEntity.class)
        .setParameter("q", Like.contains(search))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Every tenant {@link #count} counts, by name: for an order or a filter the database cannot
   * compute (health). The deployment's tenants, never a tenant's rows.
   */
  public List<TenantEntity> matching(String search) {
    return em.createQuery(
            "SELECT t FROM TenantEntity t WHERE t.nameCi LIKE :q ESCAPE '!' ORDER BY t.nameCi,"
                + " t.id",
            TenantEntity.class)
        .setParameter("q", Like.contains(search))
        .getResultList();
  }

  /** Users by account state per tenant id, for the given tenants (one grouped query). */
  public Map<String, UserCounts> userCounts(List<TenantId> tenants) {
    Map<String, long[]> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT u.tenantId, u.accountState, COUNT(u) FROM UserEntity u"
                    + " WHERE u.tenantId IN :ids GROUP BY u.tenantId, u.accountState",
                Object[].class)
            .setParameter("ids", ids(tenants))
            .getResultList()) {
      long[] c = counts.computeIfAbsent((String) row[0], k -> new long[3]);
      long n = (Long) row[2];
      c[0] += n;
      if (row[1] == AccountState.ACTIVE) {
        c[1] += n;
      } else if (row[1] == AccountState.DELETED) {
        c[2] += n;
      }
    }
    Map<String, UserCounts> result = new HashMap<>();
    counts.forEach((tenant, c) -> result.put(tenant, new UserCounts(c[0], c[1], c[2])));
    return result;
  }

  /** Groups per tenant id, for the given tenants. */
  public Map<String, Long> groupCounts(List<TenantId> tenants) {
    return countsByTenant(
        em.createQuery(
                "SELECT g.tenantId, COUNT(g) FROM GroupEntity g WHERE g.tenantId IN :ids"
                    + " GROUP BY g.tenantId",
                Object[].class)
            .setParameter("ids", ids(tenants))
            .getResultList());
  }

  /** Tokens neither revoked nor expired at {@code now}, per tenant id, for the given tenants. */
  public Map<String, Long> activeTokenCounts(List<TenantId> tenants, long now) {
    return countsByTenant(
        em.createQuery(
                "SELECT t.tenantId, COUNT(t) FROM TokenEntity t WHERE t.tenantId IN :ids"
                    + " AND t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > :now)"
                    + " GROUP BY t.tenantId",
                Object[].class)
            .setParameter("ids", ids(tenants))
            .setParameter("now", now)
            .getResultList());
  }

  private static List<String> ids(List<TenantId> tenants) {
    return tenants.stream().map(TenantId::value).toList();
  }

  private static Map<String, Long> countsByTenant(List<Object[]> rows) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }
}
