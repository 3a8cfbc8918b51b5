package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The record a deleted group leaves ({@code group_deletion}): its name, when, by whom, how many
 * members it had and the tenant's group policy at the time. Written once by {@link DeletedGroups}
 * in the deleting transaction, never changed, purged after retention.
 */
@Entity
@Table(name = "group_deletion")
public class GroupDeletionEntity {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "group_id", nullable = false, length = 36)
  private String groupId;

  @Column(name = "display_name", nullable = false, length = 512)
  private String displayName;

  @Column(name = "deleted_at", nullable = false)
  private long deletedAt;

  @Column(name = "actor_type", nullable = false, length = 16)
  private String actorType;

  @Column(name = "actor_id", length = 100)
  private String actorId;

  @Column(name = "member_count", nullable = false)
  private int memberCount;

  @Column(name = "policy", nullable = false, length = 16)
  private String policy;

  protected GroupDeletionEntity() {}

  GroupDeletionEntity(
      String id,
      GroupEntity group,
      long deletedAt,
      String actorType,
      String actorId,
      String policy) {
    this.id = id;
    this.tenantId = group.getTenantId();
    this.groupId = group.getId();
    this.displayName = group.getDisplayName();
    this.deletedAt = deletedAt;
    this.actorType = actorType;
    this.actorId = actorId;
    this.memberCount = (int) Math.min(Integer.MAX_VALUE, group.getMemberCount());
    this.policy = policy;
  }

  public String getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getGroupId() {
    return groupId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public long getDeletedAt() {
    return deletedAt;
  }

  public String getActorType() {
    return actorType;
  }

  public String getActorId() {
    return actorId;
  }

  public int getMemberCount() {
    return memberCount;
  }

  public String getPolicy() {
    return policy;
  }
}
