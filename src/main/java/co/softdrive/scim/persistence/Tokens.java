package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Tenants' bearer tokens, in the caller's transaction. */
@ApplicationScoped
public class Tokens {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /**
   * What authentication needs to know of a stored secret hash, read as scalars so that nothing
   * cached in a persistence context can be stale.
   */
  public record Credential(
      String tokenId,
      String tenantId,
      String displayPrefix,
      String secretHash,
      Long revokedAt,
      Long expiresAt,
      TenantStatus tenantStatus) {}

  public void add(TokenEntity token) {
    em.persist(token);
  }

  /** The tenant's tokens, newest first. */
  public List<TokenEntity> list(TenantId tenant) {
    return em.createNamedQuery("TokenEntity.listByTenant", TokenEntity.class)
        .setParameter("tenantId", tenant.value())
        .getResultList();
  }

  /** The tenant's token with this id (managed), if it is the tenant's. */
  public Optional<TokenEntity> find(TenantId tenant, String tokenId) {
    return em.createNamedQuery("TokenEntity.findInTenant", TokenEntity.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("id", tokenId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The token with this secret hash and its tenant's status. The one look-up without a tenant: the
   * secret is what tells which tenant is calling (unique index on {@code secret_hash}).
   */
  public Optional<Credential> credential(String secretHash) {
    return em
        .createQuery(
            "SELECT t.id, t.tenantId, t.displayPrefix, t.secretHash, t.revokedAt, t.expiresAt,"
                + " n.status FROM TokenEntity t, TenantEntity n"
                + " WHERE t.secretHash = :hash AND n.id = t.tenantId",
            Object[].class)
        .setParameter("hash", secretHash)
        .getResultList()
        .stream()
        .findFirst()
        .map(
            row ->
                new Credential(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (Long) row[4],
                    (Long) row[5],
                    (TenantStatus) row[6]));
  }

  /** Records a token's last use. */
  public void touch(TenantId tenant, String tokenId, long now) {
    em.createNamedQuery("TokenEntity.touch")
        .setParameter("now", now)
        .setParameter("tenantId", tenant.value())
        .setParameter("id", tokenId)
        .executeUpdate();
  }
}
