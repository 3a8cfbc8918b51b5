package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A webhook receiver of the change feed (one tenant's events, or all when {@code tenantId} is null)
 * with its delivery state: the last delivered cursor, failed attempts, when to try next, the last
 * error, and the lease of the instance delivering to it.
 */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(
    name = "WebhookEndpointEntity.list",
    query = "SELECT w FROM WebhookEndpointEntity w ORDER BY w.createdAt")
@NamedQuery(
    name = "WebhookEndpointEntity.due",
    query =
        "SELECT w.id FROM WebhookEndpointEntity w WHERE w.enabled = TRUE AND w.nextAttemptAt <= :now"
            + " AND w.leaseUntil < :now")
@NamedQuery(
    name = "WebhookEndpointEntity.claim",
    query =
        "UPDATE WebhookEndpointEntity w SET w.leaseOwner = :owner, w.leaseUntil = :until"
            + " WHERE w.id = :id AND w.leaseUntil < :now")
public class WebhookEndpointEntity {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Column(name = "url", nullable = false)
  private String url;

  /** HMAC-SHA256 key; shown once at creation, needed in clear to sign deliveries. */
  @Column(name = "secret", nullable = false)
  private String secret;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private long nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_success_at")
  private Long lastSuccessAt;

  @Column(name = "lease_owner")
  private String leaseOwner;

  @Column(name = "lease_until", nullable = false)
  private long leaseUntil;

  protected WebhookEndpointEntity() {}

  public WebhookEndpointEntity(
      String id,
      String tenantId,
      String url,
      String secret,
      String createdBy,
      long now,
      long startAfter) {
    this.id = id;
    this.tenantId = tenantId;
    this.url = url;
    this.secret = secret;
    this.enabled = true;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.lastSeq = startAfter;
  }

  public void delivered(long seq, long now) {
    this.lastSeq = seq;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.lastError = null;
    this.lastSuccessAt = now;
  }

  public void failed(String error, long nextAttemptAt) {
    this.attempts++;
    this.lastError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
    this.nextAttemptAt = nextAttemptAt;
  }

  public void releaseLease() {
    this.leaseOwner = null;
    this.leaseUntil = 0;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getUrl() {
    return url;
  }

  public String getSecret() {
    return secret;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public long getLastSeq() {
    return lastSeq;
  }

  public int getAttempts() {
    return attempts;
  }

  public long getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Long getLastSuccessAt() {
    return lastSuccessAt;
  }

  public String getLeaseOwner() {
    return leaseOwner;
  }
}
