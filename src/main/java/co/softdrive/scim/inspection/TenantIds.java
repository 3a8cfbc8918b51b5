package co.softdrive.scim.inspection;

import co.softdrive.scim.persistence.TenantId;
import java.util.Optional;

/** Tenant ids as the console and the admin API pass them to the read models. */
final class TenantIds {
  private TenantIds() {}

  /** The tenant of a read: empty for a blank id, which no tenant has (the read finds nothing). */
  static Optional<TenantId> of(String id) {
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(TenantId.of(id));
  }
}
