package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One e-mail address of a user, lower-cased, so that {@code emails.value} and {@code emails[type eq
 * "work"].value} filters run on an index. The user's JSON stays the source of truth; these rows are
 * rewritten whenever the user's emails change. {@code display_ci} (lower-cased, at most 512
 * characters, else null) serves {@code emails.display}.
 */
@Entity
@Table(name = "scim_user_email")
@IdClass(UserEmailEntity.Key.class)
public class UserEmailEntity {
  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Id
  @Column(name = "user_id", length = 36)
  private String userId;

  @Id
  @Column(name = "pos")
  private int pos;

  @Column(name = "value_ci", nullable = false)
  private String valueCi;

  @Column(name = "type_ci")
  private String typeCi;

  @Column(name = "is_primary", nullable = false)
  private boolean primary;

  @Column(name = "display_ci", length = 512)
  private String displayCi;

  protected UserEmailEntity() {}

  public UserEmailEntity(
      String tenantId,
      String userId,
      int pos,
      String valueCi,
      String typeCi,
      boolean primary,
      String displayCi) {
    this.tenantId = tenantId;
    this.userId = userId;
    this.pos = pos;
    this.valueCi = valueCi;
    this.typeCi = typeCi;
    this.primary = primary;
    this.displayCi = displayCi;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String tenantId;
    private String userId;
    private int pos;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && pos == k.pos
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, userId, pos);
    }
  }
}
