package co.softdrive.scim.persistence;

/**
 * Softdrive account states, kept apart from the SCIM record (docs/entra.md#lifecycle,
 * docs/decisions.md#tombstones). Stored as the constant's name in {@code scim_user.account_state}
 * and the audit trail; the rules between them are {@code lifecycle.AccountLifecycle}'s.
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
public enum AccountState {
  ACTIVE,
  DELETED,
  PENDING_DELETION
}
