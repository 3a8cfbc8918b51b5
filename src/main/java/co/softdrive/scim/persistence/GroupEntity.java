package co.softdrive.scim.persistence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;

/**
 * A SCIM group of one tenant. Members are not here: they live in {@code group_member}, one row per
 * (group, user), so that adding or removing k members costs O(k) whatever the group's size.
 *
 * <p>{@code displayName} is compared by its {@link NameKey} ({@code display_name_key}, unique per
 * tenant together with {@code display_name_key_tiebreak}, which is empty except on look-alike
 * duplicates that migration V10 found, {@link NameKeyFill}); {@code display_name_ci} still orders
 * lists.
 */
@Entity
@Table(name = "scim_group")
@NamedQuery(
    name = "GroupEntity.find",
    query = "SELECT g FROM GroupEntity g WHERE g.tenantId = :tenantId AND g.id = :id")
@NamedQuery(
    name = "GroupEntity.countByDisplayNameKey",
    query =
        "SELECT COUNT(g) FROM GroupEntity g WHERE g.tenantId = :tenantId"
            + " AND g.displayNameKey = :key AND g.id <> :exceptId")
@NamedQuery(
    name = "GroupEntity.namesOfIds",
    query = "SELECT g.id, g.tenantId, g.displayName FROM GroupEntity g WHERE g.id IN :ids")
@NamedQuery(
    name = "GroupEntity.countByTenant",
    query = "SELECT COUNT(g) FROM GroupEntity g WHERE g.tenantId = :tenantId")
public class GroupEntity {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "display_name_ci", nullable = false)
  private String displayNameCi;

  @Column(name = "display_name_key")
  private String displayNameKey;

  @Column(name = "display_name_key_tiebreak", nullable = false, length = 36)
  private String displayNameKeyTiebreak = "";

  @Column(name = "external_id")
  private String externalId;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "attributes", nullable = false)
  private String attributes;

  @Column(name = "member_count", nullable = false)
  private long memberCount;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "last_modified", nullable = false)
  private long lastModified;

  @Version
  @Column(name = "version")
  private long version;

  protected GroupEntity() {}

  public GroupEntity(String id, String tenantId, long now) {
    this.id = id;
    this.tenantId = tenantId;
    this.createdAt = now;
    this.lastModified = now;
  }

  public String getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getDisplayName() {
    return displayName;
  }

  /** The {@link NameKey} of {@code displayName}; null on a row a previous release inserted. */
  public String getDisplayNameKey() {
    return displayNameKey;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getAttributes() {
    return attributes;
  }

  public long getMemberCount() {
    return memberCount;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public long getLastModified() {
    return lastModified;
  }

  public long getVersion() {
    return version;
  }

  public void setIndexed(String displayName, String externalId) {
    this.displayName = displayName;
    this.displayNameCi = displayName.toLowerCase(Locale.ROOT);
    String key = NameKey.of(displayName);
    if (!key.equals(displayNameKey)) {
      // A new key is checked for uniqueness by the caller: it holds it alone.
      this.displayNameKey = key;
      this.displayNameKeyTiebreak = "";
    }
    this.externalId = externalId;
  }

  public void setAttributes(String attributes, long now) {
    this.attributes = attributes;
    this.lastModified = now;
  }

  public void addToMemberCount(long delta, long now) {
    this.memberCount += delta;
    this.lastModified = now;
  }

  public void setMemberCount(long count) {
    this.memberCount = count;
  }

  /** Marks a change that touches only membership, so the version (ETag) moves. */
  public void touch(long now) {
    this.lastModified = now;
  }
}
