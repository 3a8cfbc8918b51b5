package co.softdrive.scim.persistence;

import java.util.Objects;

/**
 * The id of a tenant, the first argument of every repository method on tenant-owned rows: a typed
 * value so that a tenant id cannot be passed where a user, group or token id is meant.
 *
 * @param value the tenant's id as stored in {@code tenant.id} and every {@code tenant_id} column
 */
public record TenantId(String value) {
  public TenantId {
    Objects.requireNonNull(value, "tenant id");
    if (value.isBlank()) {
      throw new IllegalArgumentException("tenant id is blank");
    }
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
