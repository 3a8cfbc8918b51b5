package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A member of a deleted group at deletion time, with its userName then ({@code
 * group_deletion_member}). Copied in bulk by {@link DeletedGroups#record}; this entity serves the
 * JPQL reads and the purge.
 */
@Entity
@Table(name = "group_deletion_member")
@IdClass(GroupDeletionMemberEntity.Key.class)
public class GroupDeletionMemberEntity {
  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Id
  @Column(name = "deletion_id", length = 36)
  private String deletionId;

  @Id
  @Column(name = "user_id", length = 36)
  private String userId;

  @Column(name = "user_name", nullable = false, length = 512)
  private String userName;

  protected GroupDeletionMemberEntity() {}

  public String getUserId() {
    return userId;
  }

  public String getUserName() {
    return userName;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String tenantId;
    private String deletionId;
    private String userId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(deletionId, k.deletionId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, deletionId, userId);
    }
  }
}
