package co.softdrive.scim.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A Softdrive support staff member who signs in to the console and the admin API. */
@Entity
@Table(name = "staff_account")
@NamedQuery(
    name = "StaffAccountEntity.list",
    query = "SELECT s FROM StaffAccountEntity s ORDER BY s.username")
@NamedQuery(name = "StaffAccountEntity.count", query = "SELECT COUNT(s) FROM StaffAccountEntity s")
public class StaffAccountEntity {
  @Id
  @Column(name = "username", length = 100)
  private String username;

  /** A slow password hash (PBKDF2 via Jakarta Security), never the password. */
  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  /** Comma-separated roles: {@code support}, {@code admin}. */
  @Column(name = "roles", nullable = false)
  private String roles;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  @Version
  @Column(name = "version")
  private long version;

  protected StaffAccountEntity() {}

  public StaffAccountEntity(String username, String passwordHash, Set<String> roles, long now) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = String.join(",", roles);
    this.enabled = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash, long now) {
    this.passwordHash = passwordHash;
    this.updatedAt = now;
  }

  public Set<String> getRoles() {
    return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
  }

  public void setRoles(Set<String> newRoles, long now) {
    this.roles = String.join(",", newRoles);
    this.updatedAt = now;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled, long now) {
    this.enabled = enabled;
    this.updatedAt = now;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public long getUpdatedAt() {
    return updatedAt;
  }
}
