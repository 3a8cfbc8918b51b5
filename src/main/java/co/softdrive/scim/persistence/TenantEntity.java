package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;

/** A Softdrive customer: the owner of users, groups and tokens. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = "TenantEntity.list", query = "SELECT t FROM TenantEntity t ORDER BY t.nameCi")
@NamedQuery(
    name = "TenantEntity.countByName",
    query = "SELECT COUNT(t) FROM TenantEntity t WHERE t.nameCi = :nameCi")
public class TenantEntity {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "name_ci", nullable = false)
  private String nameCi;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private TenantStatus status;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  @Column(name = "retention_days", nullable = false)
  private int retentionDays;

  @Column(name = "group_policy", nullable = false)
  private String groupPolicy;

  /** Deletion-guard thresholds ({@code lifecycle.DeletionGuard}); null means the default. */
  @Column(name = "guard_percent")
  private Integer guardPercent;

  @Column(name = "guard_min_count")
  private Integer guardMinCount;

  @Column(name = "guard_window_minutes")
  private Integer guardWindowMinutes;

  /** SCIM requests per second; null means the deployment default, 0 no limit. */
  @Column(name = "rate_limit_per_second")
  private Integer rateLimitPerSecond;

  @Version
  @Column(name = "version")
  private long version;

  protected TenantEntity() {}

  public TenantEntity(String id, String name, long now) {
    this.id = id;
    rename(name, now);
    this.status = TenantStatus.ACTIVE;
    this.createdAt = now;
    this.retentionDays = 30;
    this.groupPolicy = "FOLLOW_ENTRA"; // lifecycle.GroupPolicy.FOLLOW_ENTRA
  }

  public void rename(String newName, long now) {
    this.name = newName;
    this.nameCi = newName.toLowerCase(Locale.ROOT);
    this.updatedAt = now;
  }

  public void setStatus(TenantStatus status, long now) {
    this.status = status;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public long getUpdatedAt() {
    return updatedAt;
  }

  public int getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(int retentionDays) {
    this.retentionDays = retentionDays;
  }

  public String getGroupPolicy() {
    return groupPolicy;
  }

  public void setGroupPolicy(String groupPolicy) {
    this.groupPolicy = groupPolicy;
  }

  public Integer getGuardPercent() {
    return guardPercent;
  }

  public Integer getGuardMinCount() {
    return guardMinCount;
  }

  public Integer getGuardWindowMinutes() {
    return guardWindowMinutes;
  }

  public void setGuard(Integer percent, Integer minCount, Integer windowMinutes, long now) {
    this.guardPercent = percent;
    this.guardMinCount = minCount;
    this.guardWindowMinutes = windowMinutes;
    this.updatedAt = now;
  }

  public Integer getRateLimitPerSecond() {
    return rateLimitPerSecond;
  }

  public void setRateLimitPerSecond(Integer rateLimitPerSecond, long now) {
    this.rateLimitPerSecond = rateLimitPerSecond;
    this.updatedAt = now;
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }
}
