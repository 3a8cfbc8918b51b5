package co.softdrive.scim.provisioning;

/**
 * Softdrive account states, kept apart from the SCIM record. {@link #DELETED}: the person's
 * Softdrive account is gone but the SCIM record remains as a tombstone, so Entra's later calls on
 * the cached id keep working (PRODUCT.md, lifecycle rules).
 */
public final class AccountState {
  public static final String ACTIVE = "ACTIVE";
  public static final String DELETED = "DELETED";

  private AccountState() {}
}
