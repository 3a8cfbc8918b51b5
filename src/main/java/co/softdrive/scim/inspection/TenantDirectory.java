package co.softdrive.scim.inspection;

import co.softdrive.scim.activity.ActivityStore;
import co.softdrive.scim.activity.HealthStatus;
import co.softdrive.scim.activity.TenantActivity;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenants list: search by name (case-insensitive substring), sort by name, status or creation
 * time, paged in the database. Counts and activity are computed for the rows of the page only.
 */
@ApplicationScoped
@QuietClientErrors
public class TenantDirectory {
  static final Map<String, String> SORTS =
      Map.of("name", "t.nameCi", "status", "t.status", "createdAt", "t.createdAt");

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject ActivityStore activity;
  @Inject HealthService health;

  @Transactional
  public long count(String search) {
    return em.createQuery(
            "SELECT COUNT(t) FROM TenantEntity t WHERE t.nameCi LIKE :q ESCAPE '!'", Long.class)
        .setParameter("q", like(search))
        .getSingleResult();
  }

  /** Tenants whose name matches and whose health is {@code status}. */
  @Transactional
  public long count(String search, HealthStatus status) {
    return status == null ? count(search) : byHealth(search, status).size();
  }

  /**
   * A page of tenants by name search and health. Sorting or filtering by health computes the health
   * of every tenant that matches the search (a few indexed queries each, see {@link HealthService})
   * and pages in memory: the cost grows with the number of tenants, never with their size.
   */
  @Transactional
  public List<TenantRow> page(String search, HealthStatus status, Slice slice) {
    if (status == null && !"health".equals(slice.sortField())) {
      return page(search, slice);
    }
    List<TenantEntity> all = byHealth(search, status);
    Map<String, Integer> rank = new HashMap<>();
    for (TenantEntity t : all) {
      rank.put(t.getId(), health.of(t.getId(), false).healthStatus().ordinal());
    }
    java.util.Comparator<TenantEntity> order =
        java.util.Comparator.comparing((TenantEntity t) -> rank.get(t.getId()))
            .thenComparing((TenantEntity t) -> t.getName().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(TenantEntity::getId);
    if (!slice.ascending()) {
      order = order.reversed();
    }
    List<TenantEntity> sorted = all.stream().sorted(order).toList();
    int from = Math.min(sorted.size(), Math.max(0, slice.offset()));
    int to = Math.min(sorted.size(), from + Math.max(1, slice.limit()));
    return rows(sorted.subList(from, to));
  }

  private List<TenantEntity> byHealth(String search, HealthStatus status) {
    List<TenantEntity> all =
        em.createQuery(
                "SELECT t FROM TenantEntity t WHERE t.nameCi LIKE :q ESCAPE '!' ORDER BY t.nameCi,"
                    + " t.id",
                TenantEntity.class)
            .setParameter("q", like(search))
            .getResultList();
    if (status == null) {
      return all;
    }
    return all.stream().filter(t -> health.of(t.getId(), false).healthStatus() == status).toList();
  }

  @Transactional
  public List<TenantRow> page(String search, Slice slice) {
    String order = SORTS.getOrDefault(String.valueOf(slice.sortField()), "t.nameCi");
    List<TenantEntity> tenants =
        em.createQuery(
                "SELECT t FROM TenantEntity t WHERE t.nameCi LIKE :q ESCAPE '!' ORDER BY "
                    + order
                    + (slice.ascending() ? " ASC" : " DESC")
                    + ", t.id",
                TenantEntity.class)
            .setParameter("q", like(search))
            .setFirstResult(slice.offset())
            .setMaxResults(slice.limit())
            .getResultList();
    return rows(tenants);
  }

  /** One tenant's row (counts and activity), for its detail page. */
  @Transactional
  public TenantRow row(String tenantId) {
    TenantEntity t = em.find(TenantEntity.class, tenantId);
    if (t == null) {
      throw co.softdrive.scim.protocol.error.ScimErrors.notFound(
          "Tenant " + tenantId + " not found");
    }
    return rows(List.of(t)).get(0);
  }

  private List<TenantRow> rows(List<TenantEntity> tenants) {
    if (tenants.isEmpty()) {
      return List.of();
    }
    List<String> ids = tenants.stream().map(TenantEntity::getId).toList();
    Map<String, long[]> users = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT u.tenantId, u.accountState, COUNT(u) FROM UserEntity u"
                    + " WHERE u.tenantId IN :ids GROUP BY u.tenantId, u.accountState",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      long[] c = users.computeIfAbsent((String) row[0], k -> new long[3]);
      long n = (Long) row[2];
      c[0] += n;
      if (row[1] == AccountState.ACTIVE) {
        c[1] += n;
      } else if (row[1] == AccountState.DELETED) {
        c[2] += n;
      }
    }
    Map<String, Long> groups =
        counts(
            "SELECT g.tenantId, COUNT(g) FROM GroupEntity g WHERE g.tenantId IN :ids"
                + " GROUP BY g.tenantId",
            ids,
            null);
    long now = System.currentTimeMillis();
    Map<String, Long> tokens =
        counts(
            "SELECT t.tenantId, COUNT(t) FROM TokenEntity t WHERE t.tenantId IN :ids"
                + " AND t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > :now)"
                + " GROUP BY t.tenantId",
            ids,
            now);
    return tenants.stream()
        .map(
            t -> {
              long[] u = users.getOrDefault(t.getId(), new long[3]);
              TenantActivity a = activity.summary(t.getId(), now);
              return new TenantRow(
                  t.getId(),
                  t.getName(),
                  t.getStatus().apiName(),
                  Instant.ofEpochMilli(t.getCreatedAt()),
                  u[0],
                  u[1],
                  u[2],
                  groups.getOrDefault(t.getId(), 0L),
                  tokens.getOrDefault(t.getId(), 0L),
                  a.lastRequestAt(),
                  a.requests24h(),
                  a.errors24h(),
                  health.of(t.getId(), false));
            })
        .toList();
  }

  private Map<String, Long> counts(String jpql, List<String> ids, Long now) {
    var query = em.createQuery(jpql, Object[].class).setParameter("ids", ids);
    if (now != null) {
      query.setParameter("now", now);
    }
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : query.getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** A LIKE pattern (escape {@code !}) for a case-insensitive substring of the search text. */
  static String like(String search) {
    return Patterns.contains(search);
  }
}
