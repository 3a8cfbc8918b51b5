package co.softdrive.scim.tenant;

import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Tenants (Softdrive customers): create, list with counts, rename, suspend and resume. */
@ApplicationScoped
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class.getName());
  static final int MAX_NAME_LENGTH = 200;

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Transactional
  public TenantView create(String name, String by) {
    String clean = validName(name);
    ensureNameFree(clean);
    long now = System.currentTimeMillis();
    TenantEntity tenant = new TenantEntity(UUID.randomUUID().toString(), clean, now);
    em.persist(tenant);
    LOG.log(Level.INFO, "Tenant {0} created by {1}", new Object[] {tenant.getId(), by});
    return view(tenant, 0, 0, 0);
  }

  /**
   * Renames and/or suspends or resumes a tenant in one transaction; null leaves a value as it is.
   *
   * @param status "active" or "suspended", or null
   */
  @Transactional
  public TenantView update(String tenantId, String name, String status) {
    TenantEntity tenant = require(tenantId);
    long now = System.currentTimeMillis();
    if (name != null) {
      String clean = validName(name);
      if (!clean.equalsIgnoreCase(tenant.getName())) {
        ensureNameFree(clean);
      }
      tenant.rename(clean, now);
    }
    if (status != null) {
      if (!status.equals("active") && !status.equals("suspended")) {
        throw ScimBadRequest.invalidValue("status must be \"active\" or \"suspended\"");
      }
      tenant.setStatus(status.equals("suspended") ? TenantEntity.SUSPENDED : TenantEntity.ACTIVE, now);
      LOG.log(Level.INFO, "Tenant {0} is now {1}", new Object[] {tenantId, status});
    }
    return get(tenantId);
  }

  @Transactional
  public TenantView get(String tenantId) {
    TenantEntity t = require(tenantId);
    return view(
        t,
        count("SELECT COUNT(u) FROM UserEntity u WHERE u.tenantId = :t", tenantId),
        count("SELECT COUNT(g) FROM GroupEntity g WHERE g.tenantId = :t", tenantId),
        activeTokens(tenantId));
  }

  @Transactional
  public List<TenantView> list() {
    Map<String, Long> users = countsByTenant("SELECT u.tenantId, COUNT(u) FROM UserEntity u GROUP BY u.tenantId");
    Map<String, Long> groups = countsByTenant("SELECT g.tenantId, COUNT(g) FROM GroupEntity g GROUP BY g.tenantId");
    Map<String, Long> tokens =
        countsByTenant(
            "SELECT t.tenantId, COUNT(t) FROM TokenEntity t WHERE t.revokedAt IS NULL"
                + " AND (t.expiresAt IS NULL OR t.expiresAt > "
                + System.currentTimeMillis()
                + ") GROUP BY t.tenantId");
    return em.createNamedQuery("TenantEntity.list", TenantEntity.class).getResultStream()
        .map(
            t ->
                view(
                    t,
                    users.getOrDefault(t.getId(), 0L),
                    groups.getOrDefault(t.getId(), 0L),
                    tokens.getOrDefault(t.getId(), 0L)))
        .toList();
  }

  /** A tenant's lifecycle settings as the console edits them. */
  @Transactional
  public TenantSettings settings(String tenantId) {
    return TenantSettings.of(require(tenantId));
  }

  /** Replaces a tenant's lifecycle settings after checking their ranges. */
  @Transactional
  public TenantSettings updateSettings(String tenantId, TenantSettings settings, String by) {
    TenantEntity tenant = require(tenantId);
    settings.validate();
    long now = System.currentTimeMillis();
    tenant.setRetentionDays(settings.retentionDays());
    tenant.setGroupPolicy(settings.groupPolicy());
    tenant.setGuard(
        settings.guardPercent(), settings.guardMinCount(), settings.guardWindowMinutes(), now);
    LOG.log(Level.INFO, "Tenant {0} settings changed by {1}", new Object[] {tenantId, by});
    return TenantSettings.of(tenant);
  }

  /** The tenant, or 404. */
  public TenantEntity require(String tenantId) {
    TenantEntity tenant = tenantId == null ? null : em.find(TenantEntity.class, tenantId);
    if (tenant == null) {
      throw ScimErrors.notFound("Tenant " + tenantId + " not found");
    }
    return tenant;
  }

  private long activeTokens(String tenantId) {
    return em.createNamedQuery("TokenEntity.countActiveByTenant", Long.class)
        .setParameter("tenantId", tenantId)
        .setParameter("now", System.currentTimeMillis())
        .getSingleResult();
  }

  private long count(String jpql, String tenantId) {
    return em.createQuery(jpql, Long.class).setParameter("t", tenantId).getSingleResult();
  }

  private Map<String, Long> countsByTenant(String jpql) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  private void ensureNameFree(String name) {
    long existing =
        em.createNamedQuery("TenantEntity.countByName", Long.class)
            .setParameter("nameCi", name.toLowerCase(Locale.ROOT))
            .getSingleResult();
    if (existing > 0) {
      throw ScimErrors.uniqueness("A tenant named \"" + name + "\" already exists");
    }
  }

  private static String validName(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw ScimBadRequest.invalidValue("name is required");
    }
    if (clean.length() > MAX_NAME_LENGTH) {
      throw ScimBadRequest.invalidValue("name must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (clean.chars().anyMatch(Character::isISOControl)) {
      throw ScimBadRequest.invalidValue("name must not contain control characters");
    }
    return clean;
  }

  private static TenantView view(TenantEntity t, long users, long groups, long tokens) {
    return new TenantView(
        t.getId(),
        t.getName(),
        t.getStatus().toLowerCase(Locale.ROOT),
        Instant.ofEpochMilli(t.getCreatedAt()),
        Instant.ofEpochMilli(t.getUpdatedAt()),
        t.getRetentionDays(),
        t.getGroupPolicy(),
        users,
        groups,
        tokens);
  }
}
