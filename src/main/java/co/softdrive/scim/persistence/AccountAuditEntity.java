package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the account audit trail (see {@code audit.AuditTrail}). */
@Entity
@Table(name = "account_audit")
public class AccountAuditEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "user_id", nullable = false, length = 36)
  private String userId;

  @Column(name = "user_name")
  private String userName;

  @Column(name = "user_name_ci")
  private String userNameCi;

  @Column(name = "occurred_at", nullable = false)
  private long occurredAt;

  @Column(name = "actor_type", nullable = false)
  private String actorType;

  @Column(name = "actor_id")
  private String actorId;

  @Column(name = "action", nullable = false)
  private String action;

  @Column(name = "from_state")
  private String fromState;

  @Column(name = "to_state")
  private String toState;

  @Column(name = "reason")
  private String reason;

  protected AccountAuditEntity() {}

  public AccountAuditEntity(
      String tenantId,
      String userId,
      String userName,
      long occurredAt,
      String actorType,
      String actorId,
      String action,
      String fromState,
      String toState,
      String reason) {
    this.tenantId = tenantId;
    this.userId = userId;
    this.userName = userName;
    this.userNameCi = userName == null ? null : userName.toLowerCase(java.util.Locale.ROOT);
    this.occurredAt = occurredAt;
    this.actorType = actorType;
    this.actorId = actorId;
    this.action = action;
    this.fromState = fromState;
    this.toState = toState;
    this.reason = reason;
  }

  /** The columns of {@link AccountAudit#INSERT}, in its order. */
  void bindInsert(java.sql.PreparedStatement ps) throws java.sql.SQLException {
    ps.setString(1, tenantId);
    ps.setString(2, userId);
    ps.setString(3, userName);
    ps.setString(4, userNameCi);
    ps.setLong(5, occurredAt);
    ps.setString(6, actorType);
    ps.setString(7, actorId);
    ps.setString(8, action);
    ps.setString(9, fromState);
    ps.setString(10, toState);
    ps.setString(11, reason);
  }

  public Long getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getUserId() {
    return userId;
  }

  public String getUserName() {
    return userName;
  }

  public long getOccurredAt() {
    return occurredAt;
  }

  public String getActorType() {
    return actorType;
  }

  public String getActorId() {
    return actorId;
  }

  public String getAction() {
    return action;
  }

  public String getFromState() {
    return fromState;
  }

  public String getToState() {
    return toState;
  }

  public String getReason() {
    return reason;
  }
}
