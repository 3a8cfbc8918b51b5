package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One value of a user that filters find through an index: an attribute without a column of its own,
 * one row per element and sub-attribute ({@link UserValues}). Written and removed in bulk by {@link
 * UserValueRepository}; this entity serves the filters' JPQL only.
 */
@Entity
@Table(name = "scim_user_value")
@IdClass(UserValueEntity.Key.class)
public class UserValueEntity {
  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Id
  @Column(name = "user_id", length = 36)
  private String userId;

  @Id
  @Column(name = "attr", length = 64)
  private String attr;

  @Id
  @Column(name = "pos")
  private int pos;

  @Id
  @Column(name = "sub", length = 32)
  private String sub;

  @Column(name = "val", nullable = false, length = 512)
  private String value;

  protected UserValueEntity() {}

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String tenantId;
    private String userId;
    private String attr;
    private int pos;
    private String sub;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && pos == k.pos
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(userId, k.userId)
          && Objects.equals(attr, k.attr)
          && Objects.equals(sub, k.sub);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, userId, attr, pos, sub);
    }
  }
}
