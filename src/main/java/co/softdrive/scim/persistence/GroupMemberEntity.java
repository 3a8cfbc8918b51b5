package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Membership of one user in one group: its own small row (not a {@code @ManyToMany}), so that
 * membership changes touch only the rows they name. Written and removed in bulk by {@code
 * MembershipRepository}; this entity serves the JPQL reads and filters.
 */
@Entity
@Table(name = "group_member")
@IdClass(GroupMemberEntity.Key.class)
@NamedQuery(
    name = "GroupMemberEntity.page",
    query =
        "SELECT m.userId FROM GroupMemberEntity m WHERE m.tenantId = :tenantId"
            + " AND m.groupId = :groupId AND m.userId > :after ORDER BY m.userId")
@NamedQuery(
    name = "GroupMemberEntity.pageWithDisplayNames",
    query =
        "SELECT m.userId, u.displayName FROM GroupMemberEntity m, UserEntity u"
            + " WHERE m.tenantId = :tenantId AND m.groupId = :groupId AND m.userId > :after"
            + " AND u.id = m.userId ORDER BY m.userId")
@NamedQuery(
    name = "GroupMemberEntity.groupIdsOfUser",
    query =
        "SELECT m.groupId FROM GroupMemberEntity m WHERE m.tenantId = :tenantId"
            + " AND m.userId = :userId ORDER BY m.groupId")
@NamedQuery(
    name = "GroupMemberEntity.count",
    query =
        "SELECT COUNT(m) FROM GroupMemberEntity m WHERE m.tenantId = :tenantId AND m.groupId = :groupId")
public class GroupMemberEntity {
  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Id
  @Column(name = "group_id", length = 36)
  private String groupId;

  @Id
  @Column(name = "user_id", length = 36)
  private String userId;

  @Column(name = "added_at", nullable = false)
  private long addedAt;

  protected GroupMemberEntity() {}

  public String getUserId() {
    return userId;
  }

  public String getGroupId() {
    return groupId;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String tenantId;
    private String groupId;
    private String userId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(groupId, k.groupId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, groupId, userId);
    }
  }
}
