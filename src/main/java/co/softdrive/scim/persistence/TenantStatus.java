package co.softdrive.scim.persistence;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a tenant's tokens work. Stored as the constant's name ({@code ACTIVE}, {@code SUSPENDED})
 * in {@code tenant.status}; the admin API and the console spell it in lower case ({@link
 * #apiName}).
 */
public enum TenantStatus {
  ACTIVE,
  SUSPENDED;

  /** {@code active} or {@code suspended}, as the admin API reads and writes it. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status an admin API value names, if any ({@code active}, {@code suspended}). */
  public static Optional<TenantStatus> fromApiName(String value) {
    for (TenantStatus s : values()) {
      if (s.apiName().equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
