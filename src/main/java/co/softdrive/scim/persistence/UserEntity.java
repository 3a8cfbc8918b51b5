package co.softdrive.scim.persistence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A SCIM user of one tenant. The full resource (canonical JSON without id/meta) is kept in {@code
 * attributes}; the attributes that Entra matches, filters and sorts on are copied into indexed
 * columns ({@code *_ci} columns hold the lower-cased value for case-insensitive comparison). {@code
 * userName} is compared by its {@link NameKey} ({@code user_name_key}, unique per tenant together
 * with {@code user_name_key_tiebreak}, which is empty except on look-alike duplicates that
 * migration V10 found, {@link NameKeyFill}) and sorted by it; {@code user_name_ci}, no longer
 * indexed (migration V14), orders a group's members in the console and serves its search.
 *
 * <p>{@code accountState} is Softdrive's account, separate from the SCIM record: a user deactivated
 * by Entra keeps its SCIM record (a tombstone answering GET and filters) while its account is
 * deleted.
 *
 * <p>Its length is its column list: 22 columns with their accessors, and their JDBC binding for the
 * plain-JDBC create and lookup of {@link Users} (kept here, beside the fields they read).
 */
@Entity
@Table(name = "scim_user")
@NamedQuery(
    name = "UserEntity.find",
    query = "SELECT u FROM UserEntity u WHERE u.tenantId = :tenantId AND u.id = :id")
@NamedQuery(
    name = "UserEntity.countByUserNameKey",
    query =
        "SELECT COUNT(u) FROM UserEntity u WHERE u.tenantId = :tenantId"
            + " AND u.userNameKey = :key AND u.id <> :exceptId")
@NamedQuery(
    name = "UserEntity.tenantsOfIds",
    query = "SELECT u.id, u.tenantId FROM UserEntity u WHERE u.id IN :ids")
@NamedQuery(
    name = "UserEntity.displayNamesOfIds",
    query = "SELECT u.id, u.tenantId, u.displayName FROM UserEntity u WHERE u.id IN :ids")
@NamedQuery(
    name = "UserEntity.countByTenant",
    query = "SELECT COUNT(u) FROM UserEntity u WHERE u.tenantId = :tenantId")
public class UserEntity {
  /** Width of the {@code display_name} column. */
  public static final int DISPLAY_NAME_LENGTH = 512;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "user_name", nullable = false)
  private String userName;

  @Column(name = "user_name_ci", nullable = false)
  private String userNameCi;

  @Column(name = "user_name_key")
  private String userNameKey;

  @Column(name = "user_name_key_tiebreak", nullable = false, length = 36)
  private String userNameKeyTiebreak = "";

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "display_name_ci")
  private String displayNameCi;

  /** {@code displayName} as sent, for members' and managers' {@code display}; V11. */
  @Column(name = "display_name")
  private String displayName;

  @Column(name = "given_name_ci")
  private String givenNameCi;

  @Column(name = "family_name_ci")
  private String familyNameCi;

  @Column(name = "employee_number_ci")
  private String employeeNumberCi;

  @Column(name = "user_type_ci")
  private String userTypeCi;

  @Column(name = "manager_id")
  private String managerId;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Enumerated(EnumType.STRING)
  @Column(name = "account_state", nullable = false)
  private AccountState accountState;

  @Column(name = "account_state_at", nullable = false)
  private long accountStateAt;

  @Column(name = "account_state_reason")
  private String accountStateReason;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "attributes", nullable = false)
  private String attributes;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "last_modified", nullable = false)
  private long lastModified;

  @Version
  @Column(name = "version")
  private long version;

  protected UserEntity() {}

  public UserEntity(String id, String tenantId, long now) {
    this.id = id;
    this.tenantId = tenantId;
    this.createdAt = now;
    this.lastModified = now;
    this.accountStateAt = now;
  }

  public String getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getUserName() {
    return userName;
  }

  /** The {@link NameKey} of {@code userName}; null on a row a previous release inserted. */
  public String getUserNameKey() {
    return userNameKey;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getManagerId() {
    return managerId;
  }

  public boolean isActive() {
    return active;
  }

  public AccountState getAccountState() {
    return accountState;
  }

  public long getAccountStateAt() {
    return accountStateAt;
  }

  public String getAttributes() {
    return attributes;
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

  /** Copies the indexed columns from the resource; the caller passes values it extracted. */
  public void setIndexed(
      String userName,
      String externalId,
      String displayNameCi,
      String givenNameCi,
      String familyNameCi,
      String employeeNumberCi,
      String userTypeCi,
      String managerId,
      boolean active) {
    this.userName = userName;
    this.userNameCi = userName.toLowerCase(java.util.Locale.ROOT);
    String key = NameKey.of(userName);
    if (!key.equals(userNameKey)) {
      // A new key is checked for uniqueness by the caller: it holds it alone.
      this.userNameKey = key;
      this.userNameKeyTiebreak = "";
    }
    this.externalId = externalId;
    this.displayNameCi = displayNameCi;
    this.givenNameCi = givenNameCi;
    this.familyNameCi = familyNameCi;
    this.employeeNumberCi = employeeNumberCi;
    this.userTypeCi = userTypeCi;
    this.managerId = managerId;
    this.active = active;
  }

  /**
   * {@code displayName} as sent, or null (none, or longer than the column's {@value
   * #DISPLAY_NAME_LENGTH} characters): what groups' {@code members.display} and users' {@code
   * manager.displayName} show of this user.
   */
  public void setDisplayName(String displayName) {
    this.displayName =
        displayName == null || displayName.length() > DISPLAY_NAME_LENGTH ? null : displayName;
  }

  public String getDisplayName() {
    return displayName;
  }

  /** Sets the SCIM {@code active} flag (the caller updates {@code attributes} to match). */
  public void setActive(boolean active) {
    this.active = active;
  }

  public void setAttributes(String attributes, long now) {
    this.attributes = attributes;
    this.lastModified = now;
  }

  public void setAccountState(AccountState accountState, String reason, long now) {
    this.accountState = accountState;
    this.accountStateAt = now;
    this.accountStateReason = reason;
  }

  public String getAccountStateReason() {
    return accountStateReason;
  }

  /**
   * The columns of {@link Users#INSERT_USER}, in its order (a new user's version is 1, as JPA's).
   */
  void bindInsert(PreparedStatement ps) throws SQLException {
    version = 1;
    int p = 1;
    ps.setString(p++, id);
    ps.setString(p++, tenantId);
    ps.setString(p++, userName);
    ps.setString(p++, userNameCi);
    ps.setString(p++, userNameKey);
    ps.setString(p++, userNameKeyTiebreak);
    ps.setString(p++, externalId);
    ps.setString(p++, displayNameCi);
    ps.setString(p++, displayName);
    ps.setString(p++, givenNameCi);
    ps.setString(p++, familyNameCi);
    ps.setString(p++, employeeNumberCi);
    ps.setString(p++, userTypeCi);
    ps.setString(p++, managerId);
    ps.setBoolean(p++, active);
    ps.setString(p++, accountState.name());
    ps.setLong(p++, accountStateAt);
    ps.setString(p++, accountStateReason);
    ps.setString(p++, attributes);
    ps.setLong(p++, createdAt);
    ps.setLong(p++, lastModified);
    ps.setLong(p, version);
  }

  /** A user read by {@link Users#SELECT_USER} (not managed by JPA: read-only use). */
  static UserEntity read(ResultSet rs) throws SQLException {
    UserEntity u = new UserEntity();
    int p = 1;
    u.id = rs.getString(p++);
    u.tenantId = rs.getString(p++);
    u.userName = rs.getString(p++);
    u.userNameCi = rs.getString(p++);
    u.userNameKey = rs.getString(p++);
    u.userNameKeyTiebreak = rs.getString(p++);
    u.externalId = rs.getString(p++);
    u.displayNameCi = rs.getString(p++);
    u.displayName = rs.getString(p++);
    u.givenNameCi = rs.getString(p++);
    u.familyNameCi = rs.getString(p++);
    u.employeeNumberCi = rs.getString(p++);
    u.userTypeCi = rs.getString(p++);
    u.managerId = rs.getString(p++);
    u.active = rs.getBoolean(p++);
    u.accountState = AccountState.valueOf(rs.getString(p++));
    u.accountStateAt = rs.getLong(p++);
    u.accountStateReason = rs.getString(p++);
    u.attributes = rs.getString(p++);
    u.createdAt = rs.getLong(p++);
    u.lastModified = rs.getLong(p++);
    u.version = rs.getLong(p);
    return u;
  }
}
