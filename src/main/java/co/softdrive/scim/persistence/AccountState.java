package co.softdrive.scim.lifecycle;

/**
 * Softdrive account states, kept apart from the SCIM record (docs/entra.md#lifecycle,
 * docs/decisions.md#tombstones).
 *
 * <ul>
 *   <li>{@link #ACTIVE}: the person has a Softdrive account.
 *   <li>{@link #DELETED}: the account is gone; the SCIM record remains as a tombstone (GET and
 *       filters still answer it with {@code active:false}) until purged.
 *   <li>{@link #PENDING_DELETION}: Entra deactivated the user while the tenant's deletion guard was
 *       tripped; the account stays until staff approve (then {@code DELETED}) or reject (then
 *       {@code ACTIVE}).
 * </ul>
 */
public final class AccountState {
  public static final String ACTIVE = "ACTIVE";
  public static final String DELETED = "DELETED";
  public static final String PENDING_DELETION = "PENDING_DELETION";

  private AccountState() {}
}
