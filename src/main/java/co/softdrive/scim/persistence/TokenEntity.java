package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A service-account token of a tenant. Only the SHA-256 of the secret and a short display prefix
 * are stored; the secret itself is shown once at creation.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(
    name = "TokenEntity.findByHash",
    query = "SELECT t FROM TokenEntity t WHERE t.secretHash = :hash")
@NamedQuery(
    name = "TokenEntity.listByTenant",
    query = "SELECT t FROM TokenEntity t WHERE t.tenantId = :tenantId ORDER BY t.createdAt DESC")
@NamedQuery(
    name = "TokenEntity.findInTenant",
    query = "SELECT t FROM TokenEntity t WHERE t.tenantId = :tenantId AND t.id = :id")
@NamedQuery(
    name = "TokenEntity.countActiveByTenant",
    query =
        "SELECT COUNT(t) FROM TokenEntity t WHERE t.tenantId = :tenantId AND t.revokedAt IS NULL"
            + " AND (t.expiresAt IS NULL OR t.expiresAt > :now)")
@NamedQuery(
    name = "TokenEntity.touch",
    query =
        "UPDATE TokenEntity t SET t.lastUsedAt = :now WHERE t.tenantId = :tenantId AND t.id = :id")
public class TokenEntity {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "service_account", nullable = false)
  private String serviceAccount;

  @Column(name = "secret_hash", nullable = false, length = 64)
  private String secretHash;

  @Column(name = "display_prefix", nullable = false)
  private String displayPrefix;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "expires_at")
  private Long expiresAt;

  @Column(name = "revoked_at")
  private Long revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  @Column(name = "last_used_at")
  private Long lastUsedAt;

  protected TokenEntity() {}

  public TokenEntity(
      String id,
      String tenantId,
      String serviceAccount,
      String secretHash,
      String displayPrefix,
      String createdBy,
      long createdAt,
      Long expiresAt) {
    this.id = id;
    this.tenantId = tenantId;
    this.serviceAccount = serviceAccount;
    this.secretHash = secretHash;
    this.displayPrefix = displayPrefix;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public void revoke(String by, long now) {
    if (revokedAt == null) {
      this.revokedAt = now;
      this.revokedBy = by;
    }
  }

  public boolean isUsable(long now) {
    return revokedAt == null && (expiresAt == null || expiresAt > now);
  }

  public String getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public String getSecretHash() {
    return secretHash;
  }

  public String getDisplayPrefix() {
    return displayPrefix;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public Long getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }

  public Long getLastUsedAt() {
    return lastUsedAt;
  }
}
